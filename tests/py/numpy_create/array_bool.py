# Arrays of bools.
import numpy as np

a = np.array([True, False, True])
print(a, a.dtype)
print(repr(a))
print(np.array([False]), np.array([[True], [False]]))
