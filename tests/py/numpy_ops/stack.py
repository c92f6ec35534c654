# np.stack adds a new axis.
import numpy as np

a = np.array([1, 2, 3])
b = np.array([4, 5, 6])
print(np.stack([a, b]))
print(np.stack([a, b], axis=1))
print(np.stack([a, b]).shape, np.stack([a, b], axis=1).shape)
print(np.stack([np.eye(2), np.ones((2, 2))]).shape)
