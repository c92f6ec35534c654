# Wrapping inside each row of a 2-D array.
import numpy as np

M = np.arange(60).reshape(2, 30) * 1000
print(M)
print(repr(M))
print(np.linspace(-1, 1, 22).reshape(2, 11))
