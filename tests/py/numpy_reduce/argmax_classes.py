# Picking the predicted class per sample.
import numpy as np

probs = np.array([[0.1, 0.6, 0.3], [0.8, 0.1, 0.1], [0.2, 0.2, 0.6], [0.4, 0.4, 0.2]])
pred = probs.argmax(axis=1)
print(pred)
labels = np.array([1, 0, 2, 1])
print(pred == labels, (pred == labels).mean())
print(probs.max(axis=1))
