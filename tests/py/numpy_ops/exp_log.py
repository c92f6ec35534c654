# np.exp and np.log at NumPy's default print precision.
import numpy as np

x = np.array([-1.0, 0.0, 0.5, 1.0, 2.0])
print(np.exp(x))
print(np.log(np.array([0.5, 1.0, 2.0, 10.0])))
print(np.log(np.exp(x)))
print(np.exp(np.array([[0.0, 1.0], [2.0, 3.0]])))
print(np.exp(0.0), np.log(1.0))
