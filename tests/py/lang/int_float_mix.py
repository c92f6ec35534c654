# Mixing int and float gives float; true division always gives float.
print(1 + 2.0, 3 * 1.5, 7 / 2, 8 / 2)
print(2 ** -1, 2 ** 0.5, 4 ** 0.5)
print(10 // 4.0, 10 % 4.0)
print(1 == 1.0, 2 < 2.5, 3 >= 3.0)
print(int(7 / 2), float(3))
print(True + 2, True * 2.5, False - 1)
print(5 * 0.1, 3 * 0.1)
