# NumPy's round scales by 10**d, unlike Python's exact round.
import numpy as np

for v in [2.675, 0.285, 1.005, 0.125, 2.5]:
    print(v, round(v, 2), np.round(v, 2), np.round(np.array([v]), 2))
print(round(np.float64(2.5)), round(np.float64(3.5)))
print(round(np.float64(2.675), 2))
