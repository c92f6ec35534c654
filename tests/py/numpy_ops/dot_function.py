# np.dot, a.dot(b) and np.matmul agree with @ here.
import numpy as np

A = np.array([[1.0, 2.0], [3.0, 4.0]])
v = np.array([0.1, 0.2])
print(np.dot(A, v), A.dot(v), np.matmul(A, v), A @ v)
print(np.dot(v, v), v.dot(v))
print(np.matmul(A, A))
print(np.dot(A, A.T))
print(np.dot(3, 4), np.dot(2.0, v))
