# Dot products whose last bits depend on the order of the additions.
import numpy as np

x = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.1, 1.3])
w = np.array([1.7, -0.3, 2.9, 0.11, -5.5, 0.33, 0.77, -1.9, 3.3, 0.01, 0.6])
print(repr(x @ w), repr(np.dot(w, x)))
M = np.array([x, w, x * w - 0.07])
for v in (M @ M.T).flatten():
    print(repr(v))
print([repr(v) for v in M @ x])
print([repr(v) for v in x @ M.T])
