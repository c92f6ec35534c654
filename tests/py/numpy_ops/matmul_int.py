# Integer matrices multiply to integer results.
import numpy as np

A = np.array([[1, 2], [3, 4]])
B = np.array([[5, 6], [7, 8]])
print(A @ B)
print((A @ B).dtype)
print(A @ np.array([1, -1]))
print(A @ np.array([0.5, 0.5]))
