# dict has no append.
d = {"a": 1}
print(d.get("a"))
d.append(2)
