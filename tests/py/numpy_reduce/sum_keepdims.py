# keepdims keeps the reduced axis with size 1.
import numpy as np

M = np.arange(6.0).reshape(2, 3)
print(M.sum(axis=1, keepdims=True))
print(M.sum(axis=0, keepdims=True))
print(M.sum(axis=1, keepdims=True).shape, M.sum(keepdims=True).shape)
print(M - M.sum(axis=1, keepdims=True))
print(np.sum(M, axis=0, keepdims=True).shape)
