# Indexing a NumPy array out of bounds.
import numpy as np

a = np.array([1.0, 2.0, 3.0])
print(a[2], a[-3])
print(a[3])
