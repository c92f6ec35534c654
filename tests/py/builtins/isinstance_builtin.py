# isinstance with one type or a tuple of types.
print(isinstance(3, int), isinstance(3.0, int), isinstance(3.0, float))
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool))
print(isinstance("s", str), isinstance([], list), isinstance((), tuple))
print(isinstance({}, dict), isinstance(None, int))
print(isinstance(2, (int, float)), isinstance("2", (int, float)))


def describe(v):
    if isinstance(v, bool):
        return "bool"
    if isinstance(v, int):
        return "int"
    if isinstance(v, float):
        return "float"
    return "other"


print([describe(v) for v in [1, 1.0, False, "x", None]])
