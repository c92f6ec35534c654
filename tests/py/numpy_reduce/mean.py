# mean of floats and of ints (which gives a float).
import numpy as np

print(np.array([1.0, 2.0, 4.0]).mean())
print(np.array([1, 2, 3, 4]).mean(), np.mean(np.array([1, 2])))
print(np.mean(np.array([0.1, 0.2, 0.3])))
print(np.array([True, False, False, True]).mean())
M = np.array([[1.0, 2.0], [3.0, 5.0]])
print(M.mean(), M.mean(axis=0), M.mean(axis=1))
print(np.mean(M, axis=1, keepdims=True))
