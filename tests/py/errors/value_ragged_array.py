# Building an array from rows of different lengths is an error in NumPy 1.24.
import numpy as np

print(np.array([[1, 2], [3, 4]]).shape)
x = np.array([[1, 2], [3]])
