# int64 arrays: / gives float64, // and % floor, ** stays int.
import numpy as np

a = np.array([7, -7, 8, 0])
print(a / 2)
print(a // 2, a % 3)
print(a ** 2, a * 3, a - 10)
print((a / 2).dtype, (a // 2).dtype)
print(np.array([1, 2]) + np.array([0.5, 0.5]))
print(np.array([True, False]) + 1)
