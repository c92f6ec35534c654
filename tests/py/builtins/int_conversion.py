# int() truncates floats toward zero and parses strings.
print(int(3.9), int(-3.9), int(0.0), int(-0.5))
print(int(True), int(False), int(7))
print(int("123"), int("-0"), int("  42\n"), int("007"))
print(int(1e20), int(2.0 ** 70))
print(int(3.999999999999999999))
print(int())
