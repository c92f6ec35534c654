# A deeper network [4, 8, 8, 3] with seeded weights, layer by layer.
import numpy as np

np.random.seed(0)
sizes = [4, 8, 8, 3]
A = np.array([[0.6, 0.1, 0.9, 0.4], [-1.0, 0.5, 0.0, 2.0]])
for n_in, n_out in zip(sizes[:-1], sizes[1:]):
    W = np.random.randn(n_in, n_out) * 0.5
    b = np.zeros(n_out)
    A = np.maximum(0, A @ W + b)
    print(f"layer {n_in}->{n_out}:", A.shape)
print(A.round(4))
