# Centering and scaling rows with keepdims.
import numpy as np

X = np.array([[1.0, 2.0, 3.0], [10.0, 20.0, 60.0]])
centered = X - X.mean(axis=1, keepdims=True)
print(centered)
print(X / X.max(axis=1, keepdims=True))
print(X.min(axis=0, keepdims=True))
print(X.argmax(axis=1), X.argmin(axis=0))
