# Matrix @ vector and vector @ matrix.
import numpy as np

W = np.array([[0.2, 0.8, -0.5, 1.0], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]])
x = np.array([1.0, 2.0, 3.0, 2.5])
print(W @ x)
print(x @ W.T)
v = np.array([1.0, -1.0, 2.0])
print(v @ W)
print((W @ x).shape, (v @ W).shape)
