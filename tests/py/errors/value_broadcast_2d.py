# (2,3) times (2,) does not broadcast: trailing sizes 3 and 2 differ.
import numpy as np

m = np.ones((2, 3))
v = np.array([1.0, 2.0])
print(m * 2)
print(m * v)
