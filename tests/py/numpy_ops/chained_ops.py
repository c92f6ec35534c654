# An expression mixing several operations and broadcasting.
import numpy as np

x = np.linspace(-2, 2, 5)
y = 3 * x ** 2 - 2 * x + 1
print(y)
print(np.maximum(0, y - 5) / 2)
print(((x > 0) * y).sum())
print(np.where(np.abs(x) < 1.5, x * 10, -1.0))
