# An odd number of Gaussians keeps the spare one for the next call.
import numpy as np

np.random.seed(8)
a = np.random.randn(3)
b = np.random.randn(3)
np.random.seed(8)
c = np.random.randn(6)
print(a, b)
print(c)
print((np.concatenate([a, b]) == c).sum())
