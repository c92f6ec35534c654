# (3,1) with (1,4) broadcasts to (3,4).
import numpy as np

col = np.array([[1], [2], [3]])
row = np.array([[10, 20, 30, 40]])
print(col + row)
print(col * row)
print((col + row).shape)
x = np.array([1.0, 2.0, 3.0])
print(x.reshape(3, 1) - x)
