# 3-D arrays: blocks separated by blank lines.
import numpy as np

t = np.arange(12).reshape(2, 2, 3)
print(t)
print(t * 0.5)
print(repr(t))
print(np.zeros((2, 1, 2)))
