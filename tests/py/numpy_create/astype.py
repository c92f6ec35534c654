# astype converts between int, float and bool.
import numpy as np

f = np.array([1.7, -1.7, 0.5, 2.0])
print(f.astype(int))
print(np.array([1, 2, 3]).astype(float))
print(f.astype(bool))
print(np.array([0, 2, -1]).astype(bool))
print(np.array([True, False]).astype(int), np.array([True, False]).astype(float))
print(f.astype(int).dtype, f.astype(float).dtype)
