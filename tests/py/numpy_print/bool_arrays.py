# bool arrays align True with a leading space.
import numpy as np

print(np.array([True, False, True]))
print(np.array([True]), np.array([False]))
print(np.array([[True, False], [False, True]]))
print(np.array([1, 2, 3]) > 1)
print(repr(np.array([True, False])))
print(np.zeros((3, 3)) == 0)
