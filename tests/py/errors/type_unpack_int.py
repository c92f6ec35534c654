# Unpacking a non-iterable.
a, b = 1, 2
print(a, b)
c, d = 5
