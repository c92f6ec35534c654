# suppress=True prints tiny values in fixed notation.
import numpy as np

a = np.array([1e-10, 1.0, 0.5])
print(a)
np.set_printoptions(suppress=True)
print(a)
print(np.array([1e-5, 1.0]), np.array([1e8, 1.0]))
print(np.array([1.5e-9, -2e-12]))
