# Interleaving generators shares one stream (and randn's cached second value).
import numpy as np

np.random.seed(0)
print(repr(np.random.randn()))
print(repr(np.random.rand()))
print(repr(np.random.randn()))
print(np.random.randint(0, 100, 3))
print(repr(np.random.randn()))
print(np.random.uniform(0, 1, 2))
print(np.random.normal(0, 1, 3))
