# A ratio above 1000 between the largest and smallest magnitudes switches too.
import numpy as np

print(np.array([1.0, 1000.0]))
print(np.array([1.0, 1001.0]))
print(np.array([0.001, 2.0]))
print(np.array([0.5, 500.0]))
print(np.array([0.5, 500.5]))
print(np.array([0.0, 0.001, 5000.0]))
