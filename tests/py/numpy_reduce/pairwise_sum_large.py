# Sums over 10**5 elements, where the order of additions shows in the last digits.
import numpy as np

np.random.seed(11)
a = np.random.rand(100000)
print(repr(a.sum()), repr(a.mean()))
x = np.arange(100000) * 0.1
print(repr(x.sum()))
print(repr(np.linspace(0, 1, 12345).sum()))
