# Zeros of every kind.
import numpy as np

print(np.zeros(4))
print(np.zeros((2, 2)))
print(np.zeros(3).astype(int))
print(np.array([0.0, 1e-20]))
print(np.array([0.0, 0.5]), np.array([0.0, 100.0]))
