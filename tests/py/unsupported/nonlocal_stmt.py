# nonlocal (and closures that rebind) are outside the subset.
def outer():
    n = 0

    def inner():
        nonlocal n
        n += 1

    inner()
    return n


print(outer())
