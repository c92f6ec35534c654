# The error is on the last line, but nothing runs before it.
print("one")
print("two")
print("three")
y = [1, 2
