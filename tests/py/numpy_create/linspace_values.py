# linspace values at full precision.
import numpy as np

xs = np.linspace(0, 1, 7)
for x in xs:
    print(x)
print(np.linspace(-5, 5, 50)[17])
print(np.linspace(0.1, 0.9, 9).sum())
