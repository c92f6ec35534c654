# std along an axis, with keepdims.
import numpy as np

M = np.array([[1.0, 2.0, 4.0], [3.0, 3.0, 3.0]])
print(M.std(axis=0))
print(M.std(axis=1))
print(np.std(M, axis=1, keepdims=True))
Z = (M - M.mean(axis=0)) / (M.std(axis=0) + 1e-8)
print(Z)
