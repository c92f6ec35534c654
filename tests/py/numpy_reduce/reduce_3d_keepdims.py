# keepdims and negative axes on a 3-D batch of matrices.
import numpy as np

t = np.arange(1.0, 13.0).reshape(2, 3, 2)
print(t.sum(axis=-1, keepdims=True))
print(t.mean(axis=0))
print(t.max(axis=1, keepdims=True).shape, t.min(axis=(2)))
print(t.std(axis=2))
print(t / t.sum(axis=1, keepdims=True))
