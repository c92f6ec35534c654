# A function that forgot to return gives None, and None + 1 fails.
def forgot(x):
    y = x * 2


v = forgot(3)
print(v)
print(v + 1)
