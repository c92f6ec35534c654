# float() of a string that is not a number.
print(float("1e-3"))
print(float("0.5.1"))
