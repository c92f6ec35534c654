# Printing arrays in an endless loop.
import numpy as np

a = np.arange(20)
while True:
    print(a)
