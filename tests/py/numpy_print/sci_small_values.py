# A nonzero value below 1e-4 switches to scientific notation.
import numpy as np

print(np.array([1e-5, 1.0]))
print(np.array([0.0001, 1.0]))
print(np.array([0.00009999, 1.0]))
print(np.array([1e-5]))
print(np.array([0.0, 1e-5]))
print(np.array([-2.5e-7, 3.0e-9]))
