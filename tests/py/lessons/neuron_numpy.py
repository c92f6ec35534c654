# Lesson 1: the same neuron with NumPy; the float64 sum is 0.9999999999999999.
import numpy as np

x = np.array([0.50, -0.30, 0.70])
w = np.array([0.50, -0.30, 0.80])
b = 0.10
print("products:", x * w)
z = x @ w + b
print("z =", z)
print("y =", np.maximum(0, z))
print(f"rounded: {z:.3f}")
print(np.dot(x, w) + b == 1.0)
