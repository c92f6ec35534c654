# A 3-class softmax output layer on a batch.
import numpy as np

np.random.seed(2)
X = np.random.randn(4, 3)
W = np.random.randn(3, 3)
Z = X @ W
E = np.exp(Z - Z.max(axis=1, keepdims=True))
P = E / E.sum(axis=1, keepdims=True)
print(P.round(3))
print(P.sum(axis=1).round(6))
print(P.argmax(axis=1))
