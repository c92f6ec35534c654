# Rows, columns and blocks of a 2-D array.
import numpy as np

M = np.arange(1, 13).reshape(3, 4)
print(M[0])
print(M[:, 1])
print(M[1:, :2])
print(M[-1, -1], M[1][2], M[1, 2])
print(M[::2, ::2])
print(M[::-1])
print(M[:, -1:])
print(M[:, 1].shape, M[:, 1:2].shape)
