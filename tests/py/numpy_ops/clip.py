# np.clip and the clip method.
import numpy as np

a = np.array([-3.0, -0.5, 0.0, 0.5, 3.0])
print(np.clip(a, -1, 1))
print(a.clip(0, 2))
print(np.clip(np.arange(10), 2, 7))
print(np.clip(a, -1.0, 1.0) * 2)
