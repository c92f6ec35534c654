# normal(loc, scale, size).
import numpy as np

np.random.seed(4)
print(np.random.normal(0, 1, 4))
print(np.random.normal(10, 0.5, size=(2, 3)))
print(repr(np.random.normal()))
print(np.random.normal(loc=-2.0, scale=3.0, size=2))
print(np.random.normal(1.0, 0.0, 2))
