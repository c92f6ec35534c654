# Summarised 2-D and 3-D arrays.
import numpy as np

print(np.arange(10000).reshape(100, 100))
print(np.zeros((3, 2000)))
print(np.arange(2000.0).reshape(1000, 2))
print(np.ones((20, 10, 10)).shape)
