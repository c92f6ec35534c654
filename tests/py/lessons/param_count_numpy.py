# Parameter count from the actual weight arrays.
import numpy as np

sizes = [4, 8, 8, 3]
layers = []
for n_in, n_out in zip(sizes[:-1], sizes[1:]):
    layers.append((np.zeros((n_in, n_out)), np.zeros(n_out)))
total = 0
for W, b in layers:
    print(W.shape, b.shape, W.size + b.size)
    total += W.size + b.size
print("total:", total)
