# len, list and Python's sum and min on arrays.
import numpy as np

a = np.array([3.0, 1.0, 2.0])
print(len(a), len(np.zeros((4, 2))))
print(list(a), list(np.array([1, 2])))
print(sum(a), min(a), max(a), sorted(a))
print(list(np.array([[1, 2], [3, 4]])))
print([float(v) for v in a], [int(v) for v in np.array([1, 2])])
