# np.where picks element-wise from two arrays or scalars.
import numpy as np

z = np.array([-1.0, 0.0, 2.0, -3.5])
print(np.where(z > 0, 1.0, 0.0))
print(np.where(z > 0, z, 0.01 * z))
print(np.where(z < 0, -z, z))
print(np.where(np.array([True, False]), np.array([1, 2]), np.array([10, 20])))
print(np.where(z >= 0, 1, 0), np.where(z >= 0, 1, 0).dtype)
