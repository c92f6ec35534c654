# set_printoptions does not change how NumPy scalars print.
import numpy as np

np.set_printoptions(precision=2)
a = np.array([1 / 3, 2 / 3])
print(a)
print(a[0], a.sum(), repr(a[1]))
print([a[0]], f"{a[0]}")
print(np.array(1 / 3))
