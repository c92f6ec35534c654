# str and repr of 4-D float arrays.
import numpy as np

a = np.arange(8.0).reshape(2, 1, 2, 2) / 4
print(a)
print(repr(a))
print(np.ones((1, 2, 1, 3)))
