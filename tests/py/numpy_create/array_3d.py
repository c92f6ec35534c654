# A 3-D array from nested lists.
import numpy as np

t = np.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])
print(t)
print(t.shape, t.ndim, t.size)
print(t[1])
print(t[0, 1], t[1, 0, 1])
