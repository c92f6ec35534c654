# The summarising threshold: 1000 elements print in full, 1001 do not.
import numpy as np

print(np.zeros(1000))
print(np.ones(1001))
np.random.seed(9)
print(np.random.randn(1500) * 10)
print(np.arange(1001).reshape(7, 143))
