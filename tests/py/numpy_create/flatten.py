# flatten gives a 1-D copy in row order.
import numpy as np

m = np.array([[1, 2, 3], [4, 5, 6]])
f = m.flatten()
print(f, f.shape)
f[0] = 100
print(m[0, 0])
print(np.ones((2, 2, 2)).flatten())
print(m.T.flatten())
