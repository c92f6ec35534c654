# @ of two vectors is their dot product, a 0-d scalar.
import numpy as np

x = np.array([0.5, -0.3, 0.7])
w = np.array([0.5, -0.3, 0.8])
print(x @ w)
print(x @ w + 0.1)
print(np.array([1, 2, 3]) @ np.array([4, 5, 6]))
print(np.dot(x, w), x.dot(w), (x @ w).shape)
