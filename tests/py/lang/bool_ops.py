# and/or return one of their operands; not returns a bool.
print(True and False, True or False, not True)
print(0 or 5, 3 or 5, 0 and 5, 3 and 5)
print("" or "empty", "x" and "y")
print(None or [1], [] or None)
print(not 0, not 3, not "", not [0])
print(True + True, True * 10, False * 3)
print(1 < 2 and 2 < 3, 1 < 2 or 1 / 0)
x = 0
ok = x != 0 and 10 / x > 1
print(ok)
