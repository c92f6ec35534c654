# @ with mismatched inner dimensions.
import numpy as np

W = np.ones((3, 4))
x = np.ones(3)
print(x @ W)
print(W @ x)
