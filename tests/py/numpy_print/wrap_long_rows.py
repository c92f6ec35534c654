# Rows longer than 75 characters wrap.
import numpy as np

np.random.seed(0)
print(np.random.randn(12))
print(np.arange(40) * 1.5)
print(np.random.rand(3, 9))
print(repr(np.arange(25) * 0.1))
