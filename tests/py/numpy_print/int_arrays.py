# int arrays pad to the widest element.
import numpy as np

print(np.array([1, 22, 333]))
print(np.array([-1, 22, -333]))
print(np.array([[1, 2], [100, -5]]))
print(np.array([10 ** 15, 1]))
print(np.array([-9223372036854775808, 0]))
print(np.arange(30))
