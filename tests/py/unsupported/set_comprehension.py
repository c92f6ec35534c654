# Set comprehensions are outside the subset.
s = {x % 3 for x in range(10)}
print(s)
