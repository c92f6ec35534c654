# int64 arrays wrap around on overflow, as NumPy's do.
import numpy as np

big = np.array([9223372036854775807, 4611686018427387904])
print(big + 1)
print(big * 2)
print(np.array([-9223372036854775808]) - 1)
print(np.array([3037000500]) * np.array([3037000500]))
print(np.array([2]) ** 63, np.array([2]) ** 64)
