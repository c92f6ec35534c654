# The logistic sigmoid, element-wise.
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


z = np.array([-4.0, -1.0, 0.0, 0.19, 1.0, 4.0])
print(sigmoid(z))
print(sigmoid(z).round(3))
print(sigmoid(np.array([[0.0, 2.0], [-2.0, 0.5]])))
