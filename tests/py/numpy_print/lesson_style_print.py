# The print lines lesson code writes: label plus array.
import numpy as np

z = np.array([4.8, 1.21, 2.385])
print("outputs:", z)
print("rounded:", np.round(z, 1))
print("Z shape:", z.reshape(1, 3).shape)
print("A =", np.maximum(0, z - 2))
print("batch:\n", np.vstack([z, z * 2]))
