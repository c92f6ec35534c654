# An array with more than one element in an if.
import numpy as np

z = np.array([0.5, -0.2])
if z[0] > 0:
    print("first positive")
if z > 0:
    print("never")
