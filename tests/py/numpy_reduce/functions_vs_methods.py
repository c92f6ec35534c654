# np.f(a) and a.f() give the same results.
import numpy as np

a = np.array([[3.0, 1.0], [2.0, 5.0]])
print(np.sum(a) == a.sum(), np.mean(a) == a.mean(), np.std(a) == a.std())
print(np.max(a), a.max(), np.min(a), a.min())
print(np.argmax(a), a.argmax(), np.argmin(a), a.argmin())
print(np.round(a / 3, 2))
print((a / 3).round(2))
