# str() of every built-in value.
print(str(1), str(-1.25), str(1e16), str(123456789012345678901234567890))
print(str(True), str(None), str("s"))
print(str([1, "a"]), str((1, "a")), str({"a": 1.0}))
print(str(range(3)), str(0.1), str(-0.0))
print(str(1.0) + "!", str(2) * 2)
print(str())
