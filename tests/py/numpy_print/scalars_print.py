# NumPy scalars print like Python numbers.
import numpy as np

a = np.array([0.1, 0.2, 1e16, 1e-5])
print(a[0], a[0] + a[1], a[2], a[3])
print(np.array([1, 2])[0], np.array([True])[0])
print(repr(a[0]), repr(np.array([5])[0]), repr(np.array([False])[0]))
print(a[0] * 3, -a[0], np.array([-0.0])[0])
print(str(a[1]), np.sqrt(2.0), np.array([2.0]).sum() / 3)
