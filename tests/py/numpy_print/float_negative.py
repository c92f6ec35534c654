# Negative values reserve a column for the sign.
import numpy as np

print(np.array([-1.0, 2.0]))
print(np.array([-1.5, -2.25, -0.125]))
print(np.array([[-1.0, 2.0], [3.0, -4.5]]))
print(np.array([-0.001, 0.5]))
print(np.array([-123.456, 7.0]))
