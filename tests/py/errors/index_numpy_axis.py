# sum over an axis the array does not have.
import numpy as np

m = np.ones((2, 3))
print(m.sum(axis=1))
print(m.sum(axis=2))
