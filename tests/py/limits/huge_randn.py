# A huge random array.
import numpy as np

np.random.seed(0)
a = np.random.randn(20000, 20000)
print(a.mean())
