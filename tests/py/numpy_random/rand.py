# rand: uniform samples in [0, 1).
import numpy as np

np.random.seed(0)
print(np.random.rand(4))
print(np.random.rand(2, 3))
print(repr(np.random.rand()))
np.random.seed(0)
print(repr(np.random.rand(1)[0]))
