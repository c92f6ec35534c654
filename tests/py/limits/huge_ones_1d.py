# 10**8 elements: more than the 10**7-element array limit.
import numpy as np

a = np.ones(10 ** 8)
print(a.sum())
