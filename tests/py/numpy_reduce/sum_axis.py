# sum along each axis of a 2-D array.
import numpy as np

M = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(M.sum(), M.sum(axis=0), M.sum(axis=1))
print(np.sum(M, axis=0), np.sum(M, 1))
print(M.sum(axis=-1), M.sum(axis=-2))
print(np.array([[1, 2], [3, 4]]).sum(axis=0))
