# repr() shows quotes on strings, also inside containers.
print(repr(1), repr(1.5), repr("s"), repr(None), repr(True))
print(repr([1, "a", 2.0]), repr(("b",)), repr({"k": "v"}))
print(repr(0.1 + 0.2), repr(1e22), repr(2 ** 65))
print(repr(range(1, 4)), repr(""), repr([]))
print(repr("line\n"), repr("\t"))
