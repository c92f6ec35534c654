# sum of a 1-D array, as a method and as a function.
import numpy as np

a = np.array([0.5, -0.3, 0.7, 0.1])
print(a.sum(), np.sum(a))
print(np.array([1, 2, 3]).sum(), np.sum(np.array([True, True, False])))
print(np.zeros(0).sum(), np.array([2.5]).sum())
print(np.arange(101).sum())
