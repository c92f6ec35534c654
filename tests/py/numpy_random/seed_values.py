# Different seeds, including the largest one.
import numpy as np

for s in [0, 1, 123, 2 ** 32 - 1]:
    np.random.seed(s)
    print(s, np.random.rand(3))
