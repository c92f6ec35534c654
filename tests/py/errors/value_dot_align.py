# np.dot reports misaligned shapes differently from @.
import numpy as np

A = np.ones((2, 3))
B = np.ones((2, 3))
print(np.dot(A, B.T))
print(np.dot(A, B))
