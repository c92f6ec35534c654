# reshape with separate ints, a tuple and -1.
import numpy as np

a = np.arange(12)
print(a.reshape(3, 4))
print(a.reshape((2, 6)))
print(a.reshape(2, 3, 2))
print(a.reshape(-1, 3))
print(a.reshape(4, -1).shape, a.reshape(-1).shape)
print(np.arange(6).reshape(6, 1))
