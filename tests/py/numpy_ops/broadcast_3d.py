# Broadcasting a 2-D array against a 3-D array.
import numpy as np

t = np.arange(12).reshape(2, 2, 3)
m = np.array([[1, 0, -1], [2, 2, 2]])
print(t * m)
print((t + np.array([100, 200, 300])).shape)
