# Arithmetic on big ints, including negatives, floor division and modulo.
a = 123456789012345678901234567890
b = 987654321
print(a + b)
print(a - b)
print(a * b)
print(a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(a * a - a)
print(2 ** 64 - 1, 2 ** 64 // 3)
print(a > b, -a < b, a == a + 0)
