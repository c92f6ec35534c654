# Reductions over each axis of a 3-D array.
import numpy as np

t = np.arange(24).reshape(2, 3, 4)
print(t.sum(axis=0))
print(t.sum(axis=1))
print(t.sum(axis=2))
print(t.max(axis=(0)), t.mean(axis=2).shape)
print(t.argmax(axis=1))
