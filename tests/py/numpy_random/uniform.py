# uniform(low, high, size).
import numpy as np

np.random.seed(3)
print(np.random.uniform(-1, 1, 5))
print(np.random.uniform(0, 10, size=(2, 2)))
print(repr(np.random.uniform()))
print(np.random.uniform(5, 6))
print(np.random.uniform(low=-0.5, high=0.5, size=3))
