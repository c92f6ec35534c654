# np.eye builds an identity matrix of float64.
import numpy as np

print(np.eye(3))
print(np.eye(1), np.eye(2).dtype)
I = np.eye(4)
print(I.sum(), I[2, 2], I[0, 3])
