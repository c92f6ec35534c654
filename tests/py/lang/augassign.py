# Augmented assignment on numbers, strings and lists.
x = 10
x += 5
x -= 3
x *= 2
print(x)
x //= 5
print(x)
x %= 3
print(x)
x **= 3
print(x)
y = 7
y /= 2
print(y)
s = "ab"
s += "cd"
s *= 2
print(s)
xs = [1]
xs += [2, 3]
print(xs)
total = 0.0
for v in [0.1, 0.2, 0.3]:
    total += v
print(total)
