# Comparisons give bool arrays.
import numpy as np

a = np.array([1.0, 2.0, 3.0, 4.0])
b = np.array([4.0, 2.0, 1.0, 4.0])
print(a < b, a <= b)
print(a > b, a >= b)
print(a == b, a != b)
print(a > 2.5, 2.5 > a)
print((a == b).dtype)
