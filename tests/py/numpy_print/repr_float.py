# repr of float arrays.
import numpy as np

print(repr(np.array([1.0, 2.5])))
print(repr(np.array([[1.0, 2.5], [-3.0, 0.125]])))
print(repr(np.array([1e-5, 1.0])))
print(repr(np.zeros((2, 2, 2))))
print(repr(np.linspace(0, 1, 30)))
