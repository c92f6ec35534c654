# Float results compared exactly and with allclose.
import numpy as np

a = np.array([0.1, 0.2]).sum()
print(a, a == 0.3, np.allclose(a, 0.3))
print(np.array([0.1]) * 3 == np.array([0.3]))
print(np.abs(np.array([0.1]) * 3 - 0.3) < 1e-12)
