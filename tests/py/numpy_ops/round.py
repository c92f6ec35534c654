# np.round and the round method round halves to even, after scaling.
import numpy as np

a = np.array([0.5, 1.5, 2.5, -0.5, -1.5, 0.125, 2.675, 1.005])
print(np.round(a))
print(np.round(a, 2))
print(a.round(1))
print(np.round(np.array([1234.5678, -9.87]), -1))
print(np.round(np.array([1, 2, 3])), np.round(3.14159, 2))
