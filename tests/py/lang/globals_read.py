# Functions read module-level names.
SCALE = 0.5
OFFSET = 3


def transform(x):
    return x * SCALE + OFFSET


print(transform(4), transform(-2))
names = ["a", "b"]


def count():
    return len(names)


names.append("c")
print(count())
