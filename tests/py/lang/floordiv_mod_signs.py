# Floor division and modulo follow the sign of the divisor.
for a in [7, -7]:
    for b in [2, -2]:
        print(a, b, a // b, a % b)
print(7.5 // 2, 7.5 % 2)
print(-7.5 // 2, -7.5 % 2)
print(7.5 // -2, 7.5 % -2)
print(1 % 3, -1 % 3, 0 % 5)
print(5.0 % 1.5, -0.0 % 1.0)
print(10 // 3 * 3 + 10 % 3)
