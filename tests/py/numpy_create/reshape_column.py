# A vector as a column and as a row.
import numpy as np

v = np.array([1.0, 2.0, 3.0])
col = v.reshape(-1, 1)
row = v.reshape(1, -1)
print(col)
print(row)
print(col.shape, row.shape, (col * row).shape)
