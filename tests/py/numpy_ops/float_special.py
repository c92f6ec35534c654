# Python's inf and nan pass through array arithmetic.
import numpy as np

a = np.array([1.0, float("inf"), -float("inf"), float("nan")])
print(a)
print(a * 0.5, a + 1)
print(np.maximum(a, 0.0))
print(np.array([1e308]) * 1.0, -a)
