# 0-d arrays print as their single value.
import numpy as np

a = np.array(3.5)
print(a, repr(a), a.shape, a.ndim)
b = np.array(7)
print(b, repr(b))
print(np.array(True), repr(np.array(False)))
print(np.array(-0.0), np.array(1e20), np.array(1e-5))
print(np.array(1 / 3))
