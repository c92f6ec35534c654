# items, keys, values and get.
d = {"w1": 0.5, "w2": -0.3, "b": 0.1}
for k in d.keys():
    print(k)
for v in d.values():
    print(v)
for k, v in d.items():
    print(k, "=", v)
print(d.get("b"), d.get("zz"), d.get("zz", 0), d.get("w1", 9))
print(list(d.keys()), list(d.values()))
