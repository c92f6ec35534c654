# set_printoptions(precision=) changes the digits of arrays.
import numpy as np

a = np.array([1 / 3, 2 / 3, 1.0])
print(a)
np.set_printoptions(precision=3)
print(a)
print(np.array([0.12345, 1e-5]))
np.set_printoptions(precision=1)
print(a, np.array([0.05, 0.15, 0.25]))
np.set_printoptions(precision=8)
print(a)
