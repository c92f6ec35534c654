# Generators (yield) are outside the subset.
def count(n):
    for i in range(n):
        yield i


print(list(count(3)))
