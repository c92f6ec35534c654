# randn with 0, 1 and 2 dimensions.
import numpy as np

np.random.seed(1)
x = np.random.randn()
print(x, isinstance(x, float))
print(np.random.randn(2, 3))
print(np.random.randn(2, 2, 2).shape)
print(repr(np.random.randn(1)[0]))
