# np.array of a list of 1-D arrays stacks them.
import numpy as np

r1 = np.array([1.0, 2.0])
r2 = np.array([3.0, 4.0])
m = np.array([r1, r2])
print(m, m.shape)
print(np.array(5), np.array(2.5).shape)
