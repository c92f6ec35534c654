# Standard deviation (population: ddof 0).
import numpy as np

a = np.array([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
print(a.std(), np.std(a))
print(np.array([1.0, 2.0, 3.0]).std())
print(np.array([1, 2, 3, 4]).std())
print(np.array([0.1, 0.2, 0.4]).std())
print(np.std(np.array([5.0])))
