# randint over small, power-of-two and large ranges.
import numpy as np

np.random.seed(6)
print(np.random.randint(0, 1, 3))
print(np.random.randint(0, 2, 10))
print(np.random.randint(0, 256, 6))
print(np.random.randint(0, 1000000, 4))
print(np.random.randint(0, 2 ** 40, 3))
print(np.random.randint(10))
