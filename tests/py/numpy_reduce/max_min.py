# max and min as methods and functions.
import numpy as np

a = np.array([3.5, -1.0, 7.25, 0.0])
print(a.max(), a.min(), np.max(a), np.min(a))
M = np.array([[1, 9, 3], [8, 2, 7]])
print(M.max(), M.min(), M.max(axis=0), M.min(axis=1))
print(np.max(M, axis=1), np.min(M, axis=0, keepdims=True))
print(M.max(axis=1, keepdims=True).shape)
