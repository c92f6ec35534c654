# A scalar broadcasts against every element, on either side.
import numpy as np

a = np.array([1.0, 2.0, 4.0])
print(a + 1, 1 + a)
print(a * 0.5, 2 * a)
print(a / 2, 1 / a)
print(10 - a, a - 10)
print(2 ** a, a ** 0.5)
