# More than 1000 elements print as the first three, ..., and the last three.
import numpy as np

print(np.arange(1000))
print(np.arange(1001))
print(np.arange(2000) * 0.5)
print(np.linspace(0, 1, 5000))
