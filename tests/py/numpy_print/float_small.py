# Small floats print in fixed notation, padded to a common width.
import numpy as np

print(np.array([0.001, 0.5]))
print(np.array([0.25, 0.5, 0.125]))
print(np.array([0.1, 0.22, 0.333]))
print(np.array([0.0001, 0.5]))
print(np.array([1 / 3, 2 / 3]))
print(np.array([0.12345678912]))
