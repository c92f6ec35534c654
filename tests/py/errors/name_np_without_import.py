# np is only defined after import numpy as np.
print("no import yet")
a = np.array([1, 2, 3])
