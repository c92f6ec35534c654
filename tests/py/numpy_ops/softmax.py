# A numerically stable softmax over the last axis.
import numpy as np


def softmax(z):
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


print(softmax(np.array([1.0, 2.0, 3.0])))
print(softmax(np.array([[1.0, 1.0, 1.0], [0.0, 10.0, 0.0]])))
print(softmax(np.array([1000.0, 1000.0])))
print(np.round(softmax(np.array([2.0, 1.0, 0.1])), 3))
