# Python ints never overflow.
print(2 ** 64)
print(2 ** 100)
print(3 ** 50)
print(-2 ** 63, -(2 ** 63) - 1)
f = 1
for k in range(1, 31):
    f = f * k
print(f)
print(10 ** 30)
print(7 ** 40 % 1000)
