# len of a number.
xs = [1, 2, 3]
print(len(xs))
print(len(5))
