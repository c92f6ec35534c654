# Calling a function with too many positional arguments.
def relu(z):
    return max(0, z)


print(relu(-1))
print(relu(1, 2))
