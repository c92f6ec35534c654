# Lesson 4 unrounded, with the weights and shapes.
import numpy as np

np.random.seed(0)
x = np.array([0.6, 0.1, 0.9, 0.4])
W1 = np.random.randn(4, 5) * 0.5
W2 = np.random.randn(5, 1) * 0.5
print(W1)
print(W2.T)
h = np.maximum(0, x @ W1 + np.zeros(5))
out = 1 / (1 + np.exp(-(h @ W2 + np.zeros(1))))
print(h)
print(out)
print(h.shape, out.shape, W1.shape, W2.shape)
