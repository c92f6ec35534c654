# Slices and reshapes are views: writing through them changes the original.
import numpy as np

M = np.arange(6).reshape(2, 3)
row = M[0]
row[1] = 100
print(M)
flat = M.reshape(-1)
flat[5] = -5
print(M)
copy = M.flatten()
copy[0] = 999
print(M[0, 0], copy[0])
