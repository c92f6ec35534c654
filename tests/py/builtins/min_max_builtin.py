# min and max over arguments and over iterables.
print(min(3, 1, 2), max(3, 1, 2))
print(min([4.5, -1, 2]), max([4.5, -1, 2]))
print(min(1, 1.0), max(1.0, 1), max(2, 2.5))
print(max("abc"), min(["b", "a", "c"]))
print(max([(1, "b"), (1, "a"), (0, "z")]))
print(min(range(5, 10)), max((7,)))
print(max(True, False), min(-0.0, 0.0), max(0.0, -0.0))
