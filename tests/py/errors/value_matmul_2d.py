# (2,3) @ (2,3): the classic missing transpose.
import numpy as np

X = np.ones((2, 3))
W = np.ones((2, 3))
print((X @ W.T).shape)
print(X @ W)
