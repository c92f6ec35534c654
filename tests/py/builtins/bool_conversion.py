# bool() follows truthiness.
print(bool(0), bool(1), bool(-2), bool(0.0), bool(1e-300))
print(bool(""), bool(" "), bool("False"), bool("0"))
print(bool([]), bool([0]), bool(()), bool({}), bool({0: 0}))
print(bool(None), bool(True), bool())
print(bool(range(0)), bool(range(1)))
