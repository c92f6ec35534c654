# dict() from pairs and keyword arguments.
print(dict([("a", 1), ("b", 2)]))
print(dict(zip(["w", "b"], [0.5, -1])))
print(dict(x=1, y=2.5))
print(dict(), dict([]))
d = dict([(1, "one"), (1, "uno")])
print(d, len(d))
e = dict({"k": 1})
e["m"] = 2
print(e)
