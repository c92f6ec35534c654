# np.arange with ints.
import numpy as np

print(np.arange(5))
print(np.arange(2, 8))
print(np.arange(1, 10, 3))
print(np.arange(10, 0, -2))
print(np.arange(0), np.arange(5).dtype)
print(np.arange(-3, 3))
