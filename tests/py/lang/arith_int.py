# Integer arithmetic: the result of every operator on small ints.
a = 17
b = 5
print(a + b, a - b, a * b)
print(a // b, a % b, a ** 2)
print(a / b)
print(-a, +a, -(-a))
print(2 ** 10, 10 ** 0, 0 ** 0)
print(1 - 2 * 3 + 4 ** 2 // 3)
print((1 - 2) * (3 + 4))
print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2)
