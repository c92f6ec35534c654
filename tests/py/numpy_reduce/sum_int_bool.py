# Integer and boolean reductions stay integers.
import numpy as np

a = np.arange(1, 11)
print(a.sum(), a.max(), a.min(), a.argmax())
print(np.array([True, True, False]).sum())
print(np.array([[1, 2], [3, 4]]).sum(axis=1))
print((a % 2 == 0).sum(), a[a > 5].sum())
big = np.array([2 ** 62, 2 ** 62])
print(big.sum())
