# precision and suppress together.
import numpy as np

np.set_printoptions(precision=3, suppress=True)
np.random.seed(1)
W = np.random.randn(3, 4) * 0.01
print(W)
print(np.array([1e-6, 123.456789, 0.5]))
np.set_printoptions(precision=4, suppress=False)
print(np.array([1e-6, 123.456789, 0.5]))
