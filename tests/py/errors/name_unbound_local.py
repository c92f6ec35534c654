# Reading a local before its assignment raises UnboundLocalError (a NameError).
total = 10


def add(v):
    total = total + v
    return total


print("calling")
print(add(1))
