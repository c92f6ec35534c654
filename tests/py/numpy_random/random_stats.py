# Mean and std of many samples, rounded.
import numpy as np

np.random.seed(12)
x = np.random.randn(10000)
print(round(float(x.mean()), 4), round(float(x.std()), 4))
u = np.random.rand(10000)
print(u.min() >= 0, u.max() < 1, round(float(u.mean()), 3))
k = np.random.randint(0, 6, 6000)
print(k.min(), k.max(), (k == 3).sum())
