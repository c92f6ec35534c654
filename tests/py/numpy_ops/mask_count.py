# Counting and averaging with masks.
import numpy as np

scores = np.array([0.2, 0.7, 0.55, 0.9, 0.4, 0.51])
passed = scores > 0.5
print(passed.sum(), passed.mean(), (scores <= 0.5).sum())
print(scores[passed].mean())
print(np.sum(scores > 0.6))
