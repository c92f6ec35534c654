# -0. keeps its sign when printed.
import numpy as np

print(np.array([-0.0, 1.0]))
print(np.array([-0.0]))
print(np.array([0.0]) * -1)
print(-np.zeros(3))
print(np.array([-0.0, -0.0, 2.5]))
print(np.round(np.array([-0.4, -0.04]), 1))
