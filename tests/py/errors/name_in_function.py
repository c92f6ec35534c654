# A NameError raised inside a function, two calls deep.
def inner(v):
    return v * scale


def outer(v):
    return inner(v) + 1


print("start")
print(outer(2))
