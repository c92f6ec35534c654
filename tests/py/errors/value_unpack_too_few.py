# Fewer values than targets.
x, y, z = (1, 2, 3)
print(x, y, z)
x, y, z = (1, 2)
