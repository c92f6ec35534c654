# A 1-D array broadcasts across the rows of a 2-D array.
import numpy as np

M = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
b = np.array([10.0, 20.0, 30.0])
print(M + b)
print(M * b)
print(b - M)
print((M + b).shape)
