# int() of a string that is not an integer.
print(int("12"))
print(int("1.5"))
