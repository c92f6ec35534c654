# Arrays of Python ints are int64.
import numpy as np

a = np.array([1, 2, 3])
print(a)
print(a.dtype, a.shape, a.ndim, a.size)
print(repr(a))
b = np.array([-5, 0, 12345])
print(b, b.dtype)
