# Lesson 3: a batch of three samples through the same layer.
import numpy as np

X = np.array([[1.0, 2.0, 3.0, 2.5],
              [-0.8, 0.4, 0.1, 1.2],
              [0.2, 0.9, -0.5, 0.3]])
W = np.array([[0.2, 0.8, -0.5, 1.0],
              [0.5, -0.91, 0.26, -0.5],
              [-0.26, -0.27, 0.17, 0.87]])
b = np.array([2.0, 3.0, 0.5])
out = np.maximum(0, X @ W.T + b)
print(out)
print(out.shape)
for row in out:
    print(" ".join([f"{v:.3f}" for v in row]))
