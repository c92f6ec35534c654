# List indices must be ints.
xs = [10, 20, 30]
i = len(xs) / 2
print(i)
print(xs[i])
