# Recursion 900 deep is within Python's limit of 1000 and must work.
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(depth(900))


def total(xs, i):
    if i == len(xs):
        return 0
    return xs[i] + total(xs, i + 1)


print(total(list(range(800)), 0))
