# Values of 1e8 and above switch the whole array to scientific notation.
import numpy as np

print(np.array([1e8, 1.0]))
print(np.array([99999999.0, 1.0]))
print(np.array([123456789.0]))
print(np.array([1.5e10, 2.5e10]))
print(np.array([1e20, -1e20, 0.0]))
print(np.array([1e100, 1e-100]))
