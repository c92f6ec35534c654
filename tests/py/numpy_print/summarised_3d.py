# A summarised 3-D array.
import numpy as np

t = np.arange(1200).reshape(12, 10, 10)
print(t)
