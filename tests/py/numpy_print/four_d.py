# A 4-D array prints with two blank lines between the outer blocks.
import numpy as np

print(np.arange(16).reshape(2, 2, 2, 2))
print(np.arange(16).reshape(2, 2, 2, 2).shape)
