# print converts each argument with str.
print(1, 1.0, -2.5, True, None, "text")
print([1, 2.0, "three", None, False])
print((1,), (1, 2), ())
print({"a": 1, "b": [2, 3]})
print([[1, 2], [3, 4]], [[]])
print(0.1 + 0.2, 1e16, 1e-5, 2 ** 70)
print([0.1 + 0.2, 1e16, -0.0])
print("")
