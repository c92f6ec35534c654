# Row sums and column sums at full precision.
import numpy as np

np.random.seed(5)
M = np.random.randn(20, 30)
r = M.sum(axis=1)
c = M.sum(axis=0)
print(repr(r[0]), repr(r[19]))
print(repr(c[0]), repr(c[29]))
print(repr(M.sum()), repr(M.mean(axis=0)[3]))
