# tuple() from iterables.
print(tuple([1, 2]), tuple("ab"), tuple(range(4)), tuple())
print(tuple({"k": 0}), tuple((1,)))
t = tuple([0.5, 0.25])
print(t, len(t), t[1])
