# Assigning through a boolean mask.
import numpy as np

z = np.array([-1.0, 2.0, -3.0, 4.0])
z[z < 0] = 0.0
print(z)
M = np.array([[1, -2, 3], [-4, 5, -6]])
M[M < 0] = -1
print(M)
v = np.arange(6)
v[v % 2 == 0] = 100
print(v)
