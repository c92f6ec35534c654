# 10**10 elements is far beyond the 10**7-element array limit.
import numpy as np

a = np.zeros((100000, 100000))
print(a.shape)
