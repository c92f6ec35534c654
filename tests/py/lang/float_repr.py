# repr of floats: shortest round-trip digits, exponent switch at 1e16 and 1e-4.
values = [1.0, 100.0, 1e15, 1e16, 1.5e16, 1e22, 1e-4, 1e-5, 0.00012345, 1.5e-7]
for v in values:
    print(v, repr(v), str(v))
print(1 / 3, 2 / 3, 10 / 3)
print(123456789.123, 0.1 + 0.7)
print(9007199254740993.0)
print(-2.5e-8, -1e300 * 10)
