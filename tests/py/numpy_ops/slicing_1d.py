# Slicing 1-D arrays with steps and negative indices.
import numpy as np

a = np.arange(10) * 1.5
print(a[2:5], a[:3], a[7:])
print(a[::3], a[::-1], a[-3:])
print(a[8:2:-2], a[5:5], a[5:5].shape)
print(a[-1], a[0])
