# stack needs equal shapes.
import numpy as np

a = np.array([1, 2, 3])
b = np.array([4, 5])
print(np.hstack([a, b]))
print(np.stack([a, b]))
