# Iterating over a 3-D array gives 2-D slices.
import numpy as np

t = np.arange(8).reshape(2, 2, 2)
for m in t:
    print(m)
    print(m.shape)
