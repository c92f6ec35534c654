# Dict literals, assignment, update, membership, order and equality.
d = {}
d["b"] = 2
d["a"] = 1
d["b"] = 20
print(d, len(d), "a" in d)
d[3] = "three"
d[(1, 2)] = "tuple key"
d[2.5] = None
print(d)
print(d[3], d[(1, 2)], d[2.5])
for k in d:
    print(repr(k))
print({"x": 1, "y": 2} == {"y": 2, "x": 1})
print({1: "a", True: "b"})
