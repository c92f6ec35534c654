# Mixing element types picks the widest: bool < int64 < float64.
import numpy as np

print(np.array([1, 2.5]), np.array([1, 2.5]).dtype)
print(np.array([True, 2]), np.array([True, 2]).dtype)
print(np.array([True, 0.5]), np.array([True, 0.5]).dtype)
print(np.array([[1, 2], [3, 4.0]]))
print(np.array([1, 2]).dtype, np.array([1.0, 2]).dtype)
