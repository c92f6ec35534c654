# Combining masks with & | and ~.
import numpy as np

a = np.array([-2, -1, 0, 1, 2, 3])
inside = (a > -2) & (a < 2)
print(inside)
print((a < -1) | (a > 2))
print(~inside)
print(a[inside], a[~inside])
