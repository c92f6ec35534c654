# Calling something that is not a function.
x = 5
print(x)
x(2)
