# np.maximum and np.minimum compare element-wise and broadcast.
import numpy as np

z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
print(np.maximum(0, z))
print(np.maximum(z, 0.0), np.minimum(z, 0))
print(np.maximum(z, z[::-1]))
print(np.minimum(np.array([[1, 5], [7, 2]]), np.array([3, 3])))
print(np.maximum(np.array([1, 2]), 1.5))
