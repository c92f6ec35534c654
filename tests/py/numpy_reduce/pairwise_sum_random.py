# The full-precision sum of 1000 Gaussian samples shows NumPy's pairwise summation.
import numpy as np

np.random.seed(3)
a = np.random.randn(1000)
print(repr(a.sum()))
print(repr(np.sum(a[:100])), repr(a[:9].sum()), repr(a[:8].sum()))
print(repr(a.mean()))
print(repr(sum(a[:20])))
