# Negative axes count from the end.
import numpy as np

M = np.array([[1.0, 4.0], [2.0, 8.0], [3.0, 12.0]])
print(M.mean(axis=-1), M.mean(axis=-2))
print(M.max(axis=-1), M.argmin(axis=-2))
print(np.sum(M, axis=-1, keepdims=True))
