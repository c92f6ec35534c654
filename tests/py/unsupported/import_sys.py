# The sys module is not available.
import numpy as np
import sys

print(sys.version)
