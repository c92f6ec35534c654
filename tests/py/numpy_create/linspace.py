# np.linspace includes both end points by default.
import numpy as np

print(np.linspace(0, 1, 5))
print(np.linspace(-1, 1, 3))
print(np.linspace(0, 10, 4))
print(np.linspace(2, 3, 11))
print(np.linspace(0, 1, 1), np.linspace(5, 5, 3))
