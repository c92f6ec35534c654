# Lesson 5: no single step neuron computes XOR (a small grid search finds none).
import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([0, 1, 1, 0])
best = 0
grid = np.linspace(-2, 2, 9)
for w1 in grid:
    for w2 in grid:
        for b in grid:
            pred = (X @ np.array([w1, w2]) + b > 0).astype(int)
            correct = (pred == y).sum()
            if correct > best:
                best = correct
print("best single neuron:", best, "of 4")
