# Adding arrays whose shapes do not broadcast.
import numpy as np

a = np.array([1.0, 2.0, 3.0])
b = np.array([1.0, 2.0, 3.0, 4.0])
print(a + 1)
print(a + b)
