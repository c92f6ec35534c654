# np.zeroes is a common misspelling of np.zeros.
import numpy as np

print(np.zeros(2))
b = np.zeroes(3)
