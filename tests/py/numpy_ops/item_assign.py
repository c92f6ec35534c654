# Assigning to elements, rows, columns and slices.
import numpy as np

M = np.zeros((3, 3))
M[0, 0] = 1
M[1] = 2.5
M[:, 2] = np.array([7, 8, 9])
M[2, :2] = -1
print(M)
v = np.arange(5)
v[1:3] = 0
v[-1] = 42
print(v)
v[0] = 3.9
print(v)
