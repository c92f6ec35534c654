# NumPy's round scales by 10**d, unlike Python's exact round.
import numpy as np

for v in [2.675, 0.285, 1.005, 0.125, 2.5]:
    print(v, round(v, 2), np.round(v, 2), np.round(np.array([v]), 2))
s = np.array([2.5, 3.5, 2.675])
print(round(s[0]), round(s[1]))
print(round(s[2], 2), round(float(s[2]), 2))
