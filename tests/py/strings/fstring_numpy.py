# f-strings with NumPy scalars and arrays.
import numpy as np

a = np.array([0.5, 1.25, 2.0])
print(f"{a}")
print(f"sum {a.sum()} mean {a.mean():.3f}")
print(f"{a[0]:>8.2f}|{a.max():+.1f}")
i = np.array([3, 4]).sum()
print(f"{i} {i:5d} {i:.2f}")
print(f"{a.shape} {a.dtype} {a.ndim}")
print("{} {:.4f}".format(a, a[1]))
