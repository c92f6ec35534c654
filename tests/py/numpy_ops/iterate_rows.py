# Iterating over a 2-D array gives its rows.
import numpy as np

X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
for row in X:
    print(row, row.sum())
for i, row in enumerate(X):
    print(i, row[0] * row[1])
for x in np.array([10, 20]):
    print(x, x + 1)
