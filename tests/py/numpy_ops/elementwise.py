# Element-wise + - * / ** between arrays of the same shape.
import numpy as np

a = np.array([1.0, 2.0, 3.0])
b = np.array([0.5, -1.0, 4.0])
print(a + b)
print(a - b)
print(a * b)
print(a / b)
print(a ** 2, b ** 3)
print(-a, +b)
