# np.allclose compares with a tolerance.
import numpy as np

a = np.array([0.1 + 0.2, 1.0])
b = np.array([0.3, 1.0])
print(a == b)
print(np.allclose(a, b))
print(np.allclose(a, b + 1e-3), np.allclose(a, b + 1e-9))
print(np.allclose(np.array([1.0, 2.0]), 1.0))
print(np.allclose(np.array([[1e-10]]), np.zeros((1, 1))))
