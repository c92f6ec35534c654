# Calling an array as if it were a function.
import numpy as np

a = np.array([1.0, 2.0, 3.0])
print(a[0])
print(a(0))
