# inf and nan in arrays.
import numpy as np

inf = float("inf")
nan = float("nan")
print(np.array([inf, -inf, nan, 1.0]))
print(np.array([nan]), np.array([inf, 1e-5]))
print(np.array([[1.5, nan], [-inf, 2.0]]))
print(repr(np.array([nan, 0.5])))
