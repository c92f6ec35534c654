# shape, ndim, size and dtype.
import numpy as np

for a in [np.array(3.0), np.array([1, 2]), np.zeros((2, 3)), np.ones((2, 3, 4)), np.array([True])]:
    print(a.shape, a.ndim, a.size, a.dtype)
print(np.zeros((4, 5)).shape[0], np.zeros((4, 5)).shape[1])
