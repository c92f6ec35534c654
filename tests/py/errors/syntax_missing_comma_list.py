# Missing comma between list items.
xs = [1, 2 3]
print(xs)
