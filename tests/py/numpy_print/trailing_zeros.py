# Unneeded trailing zeros are dropped, the columns stay aligned.
import numpy as np

print(np.array([0.5, 0.25, 0.125, 1.0]))
print(np.array([[0.5, 10.0], [0.25, 2.0]]))
print(np.array([1.10, 2.20]))
print(np.array([0.1 + 0.2, 0.3]))
print(np.array([0.30000001, 0.3]))
