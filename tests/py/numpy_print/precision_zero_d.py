# precision applies to 0-d arrays but not to scalars.
import numpy as np

np.set_printoptions(precision=3)
print(np.array(2 / 3), repr(np.array(2 / 3)))
print(np.array([2 / 3])[0])
np.set_printoptions(precision=5, suppress=True)
print(np.array([1e-7, 2 / 3]))
