# An outer product by broadcasting, and row normalisation.
import numpy as np

u = np.array([1.0, 2.0, 3.0])
v = np.array([0.5, -1.0])
print(u.reshape(-1, 1) * v)
M = np.array([[1.0, 3.0], [2.0, 2.0], [0.0, 4.0]])
print(M / M.sum(axis=1, keepdims=True))
print(M - M.mean(axis=0))
