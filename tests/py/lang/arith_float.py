# Float arithmetic and the shortest repr of the results.
print(0.1 + 0.2)
print(0.1 * 3, 0.3)
print(1.0 - 0.9)
print(2.5 * 4, 7.0 / 2, 1 / 3)
print(10 / 4, 9 / 3)
print(1.1 * 1.1)
print(3.0 ** 0.5, 2 ** 0.5)
print(100.0 / 7.0)
x = 1.5
x = x * x - 0.25
print(x, -x)
print(0.5 - 0.5, -0.5 + 0.5)
