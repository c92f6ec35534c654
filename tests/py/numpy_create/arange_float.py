# np.arange with float steps.
import numpy as np

print(np.arange(0, 1, 0.1))
print(np.arange(0.5, 3))
print(np.arange(0, 1, 0.25))
print(np.arange(1.0, 0.0, -0.3))
print(np.arange(3.0).dtype, len(np.arange(0, 1, 0.1)))
