# Arrays inside lists and tuples print with repr.
import numpy as np

a = np.array([1, 2])
print([a, a * 2])
print((np.array([0.5]), 3))
print({"w": np.array([[1.0, 0.0]])})
print([np.array(1.5)], [np.zeros((2, 2))])
