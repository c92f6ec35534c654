# Comparisons broadcast like arithmetic.
import numpy as np

M = np.array([[1, 5, 3], [4, 2, 6]])
print(M > np.array([2, 2, 2]))
print(M == np.array([[1], [2]]))
print(M >= 3)
print(np.array([0.1 + 0.2]) == 0.3)
