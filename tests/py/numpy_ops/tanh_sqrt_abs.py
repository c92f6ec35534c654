# np.tanh, np.sqrt, np.abs.
import numpy as np

z = np.array([-2.0, -0.5, 0.0, 0.7, 3.0])
print(np.tanh(z))
print(np.sqrt(np.array([0.0, 1.0, 2.0, 0.25, 1e-10])))
print(np.abs(z), np.abs(np.array([-3, 0, 4])))
print(np.sqrt(2.0), np.abs(-2.5))
print(np.sqrt(np.array([16, 9])))
