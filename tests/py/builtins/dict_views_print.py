# Printing the views that keys, values and items return.
d = {"a": 1, "b": 2}
print(d.keys())
print(d.values())
print(d.items())
print(len(d.items()), "a" in d.keys())
print({}.keys(), {})
