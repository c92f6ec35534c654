# vstack puts rows under each other; hstack joins side by side.
import numpy as np

a = np.array([1.0, 2.0])
b = np.array([3.0, 4.0])
print(np.vstack([a, b]))
print(np.hstack([a, b]))
M = np.ones((2, 2))
print(np.vstack([M, np.zeros((1, 2))]))
print(np.hstack([M, np.array([[5.0], [6.0]])]))
print(np.vstack((a, b, a)).shape)
