# Integers as floats print with a trailing dot; widths follow the longest.
import numpy as np

print(np.array([1.0, 2.0, 3.0]))
print(np.array([1.5, 2.0, 3.25]))
print(np.array([100.0, 2.5, 0.125]))
print(np.array([12345.678, 1.0]))
print(np.array([1.0, 10.0, 100.0, 1000.0]))
print(np.array([99999999.0, 1.5]))
