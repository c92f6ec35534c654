# A misspelt NumPy function.
import numpy as np

print(np.arange(3))
print(np.arrange(3))
