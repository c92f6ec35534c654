# np.full takes its dtype from the fill value.
import numpy as np

print(np.full(3, 7))
print(np.full(3, 7).dtype)
print(np.full((2, 2), 0.5))
print(np.full((2, 3), -1.0))
print(np.full(2, True))
