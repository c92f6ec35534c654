# An array cannot take a float format spec.
import numpy as np

a = np.array([0.5, 0.25])
print(f"{a}")
print(f"{a:.2f}")
