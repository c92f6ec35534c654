# Lesson 1: a sigmoid neuron is logistic regression.
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


x = np.array([0.5, 0.9, 0.1])
w = np.array([0.4, -0.2, 0.7])
b = 0.1
z = x @ w + b
print("z =", z)
print("sigmoid(z) =", round(float(sigmoid(z)), 3))
print(f"{sigmoid(z):.3f}")
