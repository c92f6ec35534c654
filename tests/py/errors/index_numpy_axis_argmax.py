# argmax over axis 1 of a 1-D array.
import numpy as np

v = np.array([0.1, 0.9, 0.3])
print(np.argmax(v, axis=0))
print(np.argmax(v, axis=1))
