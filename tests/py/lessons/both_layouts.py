# The two weight layouts give the same layer output.
import numpy as np

x = np.array([1.0, 2.0, 3.0, 2.5])
W_rows = np.array([[0.2, 0.8, -0.5, 1.0], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]])
W_cols = W_rows.T
b = np.array([2.0, 3.0, 0.5])
print("rows layout", W_rows.shape, x @ W_rows.T + b)
print("cols layout", W_cols.shape, x @ W_cols + b)
print(np.allclose(x @ W_rows.T, W_rows @ x))
