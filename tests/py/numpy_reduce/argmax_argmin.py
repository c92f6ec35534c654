# argmax and argmin: the index of the first extreme value.
import numpy as np

a = np.array([0.1, 0.7, 0.2, 0.7])
print(a.argmax(), a.argmin(), np.argmax(a), np.argmin(a))
M = np.array([[1, 9, 3], [8, 2, 9]])
print(M.argmax(), M.argmin())
print(M.argmax(axis=0), M.argmax(axis=1))
print(np.argmin(M, axis=0), np.argmin(M, axis=1))
print(np.array([5, 5, 5]).argmax())
