# Python 3.11's sum adds floats left to right, without compensation.
print(sum([0.1] * 10))
print(sum([0.1, 0.2, 0.3]), sum([0.3, 0.2, 0.1]))
print(sum([1e16, 1.0, -1e16]))
print(sum([1 / 3] * 3), sum([0.1] * 3))
vals = [0.5, -0.3, 0.7, 0.25, 0.09, 0.56, 0.1]
print(sum(vals))
