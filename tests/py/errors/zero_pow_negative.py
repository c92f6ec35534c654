# Zero to a negative power.
print(2 ** -1)
print(0.0 ** -1)
