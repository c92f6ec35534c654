# A dedent to a level that never existed.
def f(x):
        if x:
            return 1
    return 0
