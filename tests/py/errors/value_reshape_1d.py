# reshape a 2x3 into (4,).
import numpy as np

a = np.ones((2, 3))
print(a.reshape(6).shape)
b = a.reshape(4)
