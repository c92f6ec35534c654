# np.concatenate along axis 0 (default) and axis 1.
import numpy as np

a = np.array([[1, 2], [3, 4]])
b = np.array([[5, 6]])
print(np.concatenate([a, b]))
print(np.concatenate([a, b.T], axis=1))
print(np.concatenate([np.array([1.0]), np.array([2.0, 3.0])]))
print(np.concatenate((a, a), axis=0).shape)
print(np.concatenate([np.array([1, 2]), np.array([0.5])]))
