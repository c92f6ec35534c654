# Converting NumPy scalars and 0-d arrays to Python numbers.
import numpy as np

a = np.array([1.5, 2.5, 4.0])
s = a.sum()
print(s, float(s), int(s), str(s))
print(float(a[0]) + 1, int(a[1]))
i = np.array([3, 4]).sum()
print(i, int(i) * 2, float(i))
z = np.array(2.5)
print(z, float(z), z + 1, z.shape, z.ndim)
print(bool(np.array([1.0]) > 0), bool(a[0] > 2))
print(int(np.array([7])), float(np.array([[0.25]])))
