# Returning several values as a tuple and unpacking them.
def min_max_mean(values):
    lo = min(values)
    hi = max(values)
    return lo, hi, sum(values) / len(values)


lo, hi, mean = min_max_mean([3, 1, 4, 1, 5, 9, 2, 6])
print(lo, hi, mean)
t = min_max_mean([2.5, 0.5])
print(t, t[2], len(t))


def divmod2(a, b):
    return a // b, a % b


q, r = divmod2(17, 5)
print(q, r)
