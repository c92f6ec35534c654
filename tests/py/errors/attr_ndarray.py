# An array method that does not exist.
import numpy as np

a = np.array([1.0, 2.0])
print(a.sum())
print(a.frobnicate())
