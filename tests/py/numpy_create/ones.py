# np.ones.
import numpy as np

print(np.ones(4))
print(np.ones((3, 2)))
print(repr(np.ones(2)))
b = np.ones(5)
print(b.sum(), b.dtype)
