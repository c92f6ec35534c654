# Scientific notation: digits per value, shared exponent width, signs.
import numpy as np

print(np.array([1.5e-5, 2.0, 3.25e8]))
print(np.array([-1e-5, 1e5]))
print(np.array([1e-200, 1.0]))
print(np.array([[1e9, 2.5], [3.0, -4e-3]]))
print(np.array([1.23456789e10, 1e-3]))
