# std at full precision.
import numpy as np

np.random.seed(7)
a = np.random.randn(500) * 3 + 1
print(repr(a.std()))
print(repr(np.std(a[:17])))
M = a.reshape(20, 25)
print(repr(M.std(axis=0)[4]), repr(M.std(axis=1)[9]))
