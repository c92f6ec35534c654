# Lesson 3 exercise: 10 samples of 4 features through a hidden layer of 5.
import numpy as np

np.random.seed(0)
X = np.random.randn(10, 4)
W = np.random.randn(5, 4) * 0.5
b = np.zeros(5)
H = np.maximum(0, X @ W.T + b)
print("output shape:", H.shape)
print(H.round(3))
print((H > 0).sum(axis=0))
