# Reductions of the whole array return NumPy scalars that print like Python numbers.
import numpy as np

f = np.array([0.1, 0.2, 0.3])
i = np.array([1, 2, 3])
print(f.sum(), f.mean(), f.max(), f.std())
print(i.sum(), i.mean(), i.max(), i.argmax())
print(repr(f.sum()), repr(i.sum()), repr(i.mean()))
print([f.sum(), i.sum()])
