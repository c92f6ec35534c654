# Defining and calling functions.
def square(x):
    return x * x


def hypot2(a, b):
    return square(a) + square(b)


print(square(4), square(2.5), square(-3))
print(hypot2(3, 4))
result = hypot2(1, 1) ** 0.5
print(result)


def greet(name):
    print("Hello, " + name + "!")


greet("neuron")
