# Values with many digits before the point.
import numpy as np

print(np.array([12345678.9, 0.5]))
print(np.array([1234567.125, 2.0]))
print(np.array([99999999.5]))
print(np.array([-12345.6789, 98765.4321]))
print(np.arange(5) * 123456.789)
