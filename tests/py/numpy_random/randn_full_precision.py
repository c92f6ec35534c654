# Gaussian samples printed at full precision.
import numpy as np

np.random.seed(42)
for v in np.random.randn(6):
    print(repr(v))
np.random.seed(2024)
print(repr(np.random.randn()), repr(np.random.randn()))
