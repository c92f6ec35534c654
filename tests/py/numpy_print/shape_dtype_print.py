# Printing shapes and dtypes.
import numpy as np

m = np.zeros((3, 4))
print(m.shape, m.dtype, repr(m.dtype))
print(np.array([1]).shape, np.array(1).shape)
print(np.array([1]).dtype, np.array([True]).dtype, np.array([1.0]).dtype)
print(str(m.dtype), f"{m.dtype}", m.shape == (3, 4))
print(m.T.shape, m.reshape(2, 6).shape, m.size)
