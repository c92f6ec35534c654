# A string repeated a float number of times.
print("ab" * 2)
print("ab" * 2.0)
