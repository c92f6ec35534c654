# Small random weights, as a layer would be initialised.
import numpy as np

np.random.seed(0)
W = np.random.randn(3, 4) * 0.01
b = np.zeros(3)
print(W)
print(b, W.shape)
print(W.round(4))
print(W.std() < 0.05)
