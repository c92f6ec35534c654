# list() from iterables.
print(list("abc"), list((1, 2)), list(range(3)), list())
print(list({"a": 1, "b": 2}), list([1, [2]]))
print(list(zip([1, 2], [3, 4])), list(enumerate("ab")))
d = {"x": 1, "y": 2}
print(list(d.items()), list(d.values()), list(d.keys()))
a = [1, 2]
b = list(a)
b.append(3)
print(a, b)
