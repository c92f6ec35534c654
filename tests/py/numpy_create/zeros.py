# np.zeros with an int and with a tuple.
import numpy as np

print(np.zeros(3))
print(np.zeros((2, 3)))
print(np.zeros(3).dtype, np.zeros((2, 3)).shape)
print(np.zeros((2, 1, 2)))
print(np.zeros(0), np.zeros(0).shape)
