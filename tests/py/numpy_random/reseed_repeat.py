# The same seed gives the same stream; different seeds differ.
import numpy as np

np.random.seed(10)
a = np.random.randn(3)
np.random.seed(10)
b = np.random.randn(3)
np.random.seed(11)
c = np.random.randn(3)
print(a)
print(np.allclose(a, b), (a == b).sum(), np.allclose(a, c))
