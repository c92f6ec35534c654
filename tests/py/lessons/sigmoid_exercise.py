# Lesson 1 exercise: a 2-input sigmoid neuron pushed towards 1 and towards 0.
import math


def neuron(x1, x2, w1, w2, b):
    z = w1 * x1 + w2 * x2 + b
    return 1 / (1 + math.exp(-z))


high = neuron(1.0, 1.0, 4.0, 4.0, 1.0)
low = neuron(1.0, 1.0, -4.0, -4.0, -1.0)
print(f"near 1: {high:.4f}")
print(f"near 0: {low:.4f}")
print(high > 0.99, low < 0.01)
