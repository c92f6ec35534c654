# np.dot of vectors of different lengths.
import numpy as np

x = np.ones(3)
w = np.ones(4)
print(np.dot(x, x))
print(np.dot(x, w))
