# A plain number has no shape.
x = 3
print(x)
print(x.shape)
