"""A module docstring is just a string statement."""

# A comment line.


def f(x):  # trailing comment
    """Return x plus one."""
    # comment inside the body
    return x + 1


print(f(1))  # prints 2

print("# not a comment")
