# Using a name that was never assigned.
x = 1
print("before", x)
print(y)
print("never printed")
