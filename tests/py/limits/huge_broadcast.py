# Broadcasting two vectors into a 10**10-element matrix.
import numpy as np

col = np.arange(100000.0).reshape(-1, 1)
row = np.arange(100000.0)
print((col * row).shape)
