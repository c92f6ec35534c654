# Lesson 2: a four-neuron layer, Z before and A after ReLU.
import numpy as np

x = np.array([1.0, -2.0, 0.5])
W = np.array([[1.0, 0.0, 2.0], [-1.0, 1.0, 0.0], [0.5, 0.5, 0.5], [0.0, -1.0, -4.0]])
b = np.array([0.0, 1.0, -0.25, 0.5])
Z = W @ x + b
A = np.maximum(0, Z)
for i in range(4):
    zeroed = "zeroed" if A[i] == 0 and Z[i] != 0 else ""
    print(f"neuron {i + 1}: z = {Z[i]:6.2f}  a = {A[i]:5.2f} {zeroed}")
print(Z)
print(A)
