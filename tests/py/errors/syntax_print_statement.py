# Python 2's print statement.
x = 3
print x
