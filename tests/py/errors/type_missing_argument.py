# Calling a function with too few arguments.
def neuron(x, w, b):
    return x * w + b


print(neuron(1, 2, 3))
print(neuron(1, 2))
