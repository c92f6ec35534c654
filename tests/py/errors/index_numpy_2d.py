# Out of bounds on the second axis.
import numpy as np

m = np.zeros((2, 3))
print(m[1, 2])
print(m[1, 3])
