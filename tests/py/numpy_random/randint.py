# randint(low, high, size) draws ints in [low, high).
import numpy as np

np.random.seed(5)
print(np.random.randint(0, 10, 8))
print(np.random.randint(1, 7, size=(3, 4)))
print(np.random.randint(5, size=6))
print(np.random.randint(-100, 100, 5))
r = np.random.randint(0, 2)
print(r, r in [0, 1])
