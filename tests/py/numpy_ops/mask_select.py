# Boolean masks select elements.
import numpy as np

a = np.array([3.0, -1.0, 4.0, -1.5, 5.0])
mask = a > 0
print(mask)
print(a[mask], a[a < 0])
print(a[a > 10], a[a > 10].shape)
M = np.array([[1, -2], [-3, 4]])
print(M[M > 0])
print(a[np.array([True, False, True, False, False])])
print(a[(a > 0) & (a < 4.5)], a[(a < -1.2) | (a > 4.5)])
