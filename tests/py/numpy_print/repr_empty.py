# Empty arrays print their dtype in repr.
import numpy as np

print(np.zeros(0), repr(np.zeros(0)))
print(repr(np.array([])), repr(np.arange(0)))
print(np.zeros((2, 0)), repr(np.zeros((2, 0))))
print(repr(np.array([1.0])[1:]), repr(np.array([True])[:0]))
