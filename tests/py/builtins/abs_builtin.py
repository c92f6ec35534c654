# abs on ints, floats, bools and big ints.
print(abs(-3), abs(3), abs(0), abs(-2.5), abs(2.5))
print(abs(-0.0), abs(0.0), abs(True), abs(-(10 ** 30)))
print(abs(-1e-300), abs(-1.7976931348623157e308))
print([abs(v) for v in [-1, 2, -3.5]])
