# reshape to a shape of another size.
import numpy as np

a = np.arange(6)
print(a.reshape(2, 3))
print(a.reshape(4, 2))
