# str.format with automatic and explicit positions.
print("{} + {} = {}".format(1, 2, 3))
print("{0} {1} {0}".format("a", "b"))
print("{1}{0}".format("x", "y"))
print("[{}]".format([1, 2]))
print("{}".format(0.1 + 0.2))
print("{} {}".format(None, True))
t = "z = {}"
print(t.format(0.9999999999999999))
print("{{}} {} {{{}}}".format(1, 2))
