# Two indices into a 1-D array.
import numpy as np

v = np.arange(4)
print(v[1])
print(v[1, 2])
