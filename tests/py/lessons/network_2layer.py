# Lesson 4: the seeded 2-layer forward pass (W of shape (n_in, n_out)).
import numpy as np

np.random.seed(0)


def relu(z):
    return np.maximum(0, z)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


x = np.array([0.6, 0.1, 0.9, 0.4])
W1 = np.random.randn(4, 5) * 0.5
b1 = np.zeros(5)
h = relu(x @ W1 + b1)
W2 = np.random.randn(5, 1) * 0.5
b2 = np.zeros(1)
out = sigmoid(h @ W2 + b2)
print("hidden activations:", h.round(2))
print("output (probability):", out.round(3))
