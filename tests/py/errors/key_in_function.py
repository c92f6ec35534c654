# A KeyError raised inside a function call.
def activation(name):
    table = {"relu": 1, "sigmoid": 2}
    return table[name]


print(activation("relu"))
print(activation("tanh"))
