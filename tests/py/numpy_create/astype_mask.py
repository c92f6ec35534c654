# A comparison mask as 0/1 numbers.
import numpy as np

z = np.array([-1.0, 0.0, 0.5, 2.0])
step = (z > 0).astype(float)
print(step)
print((z > 0).astype(int), (z > 0).astype(int).sum())
