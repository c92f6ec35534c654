# An endless loop of small NumPy operations.
import numpy as np

a = np.ones(10)
while True:
    a = a * 1.0
