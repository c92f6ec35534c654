# Column and row vectors.
import numpy as np

print(np.array([[1.5], [-2.0], [3.0]]))
print(np.array([[1.5, -2.0, 3.0]]))
print(np.arange(3).reshape(3, 1))
print(np.ones((1, 1)), np.ones((1, 1, 1)))
