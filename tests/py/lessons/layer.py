# Lesson 2: three neurons reading four inputs (rows = neurons).
import numpy as np

x = np.array([1.0, 2.0, 3.0, 2.5])
W = np.array([[0.2, 0.8, -0.5, 1.0],
              [0.5, -0.91, 0.26, -0.5],
              [-0.26, -0.27, 0.17, 0.87]])
b = np.array([2.0, 3.0, 0.5])
Z = W @ x + b
A = np.maximum(0, Z)
print("Z =", Z)
print("A =", A)
print(" ".join([f"{v:.3f}" for v in A]))
