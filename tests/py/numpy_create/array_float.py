# Arrays of Python floats are float64.
import numpy as np

a = np.array([0.5, -0.3, 0.7])
print(a)
print(a.dtype, a.shape)
print(repr(a))
print(np.array([1.0, 2.0]), np.array([0.0]))
