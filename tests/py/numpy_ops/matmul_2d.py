# Matrix times matrix.
import numpy as np

A = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
B = np.array([[0.5, -1.0, 0.0], [2.0, 0.25, 1.0]])
print(A @ B)
print(B @ A)
print((A @ B).shape, (B @ A).shape)
print(np.eye(2) @ B)
print(np.matmul(B, A) - B @ A)
