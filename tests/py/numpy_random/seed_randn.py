# seed(0) then randn: NumPy's legacy Gaussian stream.
import numpy as np

np.random.seed(0)
print(np.random.randn(5))
print(np.random.randn(3))
np.random.seed(0)
print(np.random.randn(8))
