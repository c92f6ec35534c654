# Lesson 5: XOR with a hand-built hidden layer of OR and AND step neurons.
import numpy as np


def step(z):
    return (z > 0).astype(float)


X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
W1 = np.array([[1, 1], [1, 1]])
b1 = np.array([-0.5, -1.5])
H = step(X @ W1.T + b1)
w2 = np.array([1, -2])
out = step(H @ w2 - 0.5)
print(H)
print(out)
for x, y in zip(X, out):
    print(x[0], x[1], "->", int(y))
