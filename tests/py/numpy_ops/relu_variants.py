# Three ways to write ReLU give the same array.
import numpy as np

z = np.array([[-1.5, 0.0, 2.25], [3.0, -0.1, 0.1]])
print(np.maximum(0, z))
print(np.where(z > 0, z, 0.0))
print(z * (z > 0))
print(np.clip(z, 0, None))
r = z * 1.0
r[r < 0] = 0.0
print(r)
