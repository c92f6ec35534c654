# A 2-D array from a list of rows.
import numpy as np

m = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(m)
print(m.shape, m.ndim, m.size, len(m))
print(repr(m))
print(np.array([[1, 2], [3, 4], [5, 6]]))
