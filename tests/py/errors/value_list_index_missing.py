# list.index of a value that is not there.
xs = [3, 5, 7]
print(xs.index(5))
print(xs.index(4))
