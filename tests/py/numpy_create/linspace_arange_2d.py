# Building matrices from ranges.
import numpy as np

print(np.arange(1, 7).reshape(2, 3) * 10)
print(np.linspace(0, 1, 6).reshape(3, 2))
print(np.arange(8).reshape(2, 2, 2))
print(np.full((2, 3), 0.1) @ np.ones(3))
print(np.full((2, 2), 3) * np.eye(2))
