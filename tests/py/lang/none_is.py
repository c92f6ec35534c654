# None and identity tests.
x = None
print(x, x is None, x is not None, x == None)
print(repr(None), str(None), bool(None))


def find(xs, target):
    for i, v in enumerate(xs):
        if v == target:
            return i
    return None


r = find([5, 6, 7], 7)
print(r, r is None)
r = find([5, 6, 7], 8)
print(r, r is None)
