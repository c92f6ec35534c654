# .T swaps the axes; a 1-D array is its own transpose.
import numpy as np

m = np.array([[1, 2, 3], [4, 5, 6]])
print(m.T)
print(m.T.shape, m.shape)
v = np.array([1, 2, 3])
print(v.T, v.T.shape)
print(m.T.T)
