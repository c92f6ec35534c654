# "and" between two arrays asks each for a single truth value.
import numpy as np

a = np.array([0.2, 0.7, 1.5])
print((a > 0) & (a < 1))
print((a > 0) and (a < 1))
