# repr of int and bool arrays.
import numpy as np

print(repr(np.array([1, 2, 3])))
print(repr(np.array([[1, -2], [3, 4]])))
print(repr(np.arange(40)))
print(repr(np.array([[True], [False]])))
