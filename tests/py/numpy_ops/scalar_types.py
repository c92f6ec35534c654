# NumPy scalars in Python expressions.
import numpy as np

a = np.array([0.1, 0.2, 0.3])
x = a[0] + a[1]
print(x, x == 0.30000000000000004, x * 2)
print(a[2] * 10, a[2] / 3, 1 - a[0])
print(isinstance(a[0], float), isinstance(np.array([1])[0], int))
print(a.max() > 0.25, round(a.sum(), 3))
print([a[0], a[1]], (a[2],), max(a), sum(a))
k = np.array([5, 6])[1]
print(k, k + 1, k * 1.5, k // 4, -k)
