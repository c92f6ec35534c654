# Default argument values and keyword arguments.
def leaky_relu(z, slope=0.01):
    if z > 0:
        return z
    return slope * z


print(leaky_relu(2.0), leaky_relu(-2.0), leaky_relu(-2.0, 0.2))
print(leaky_relu(-3.0, slope=0.5))
print(leaky_relu(z=-1.0, slope=0.1))


def describe(name, unit="cm", digits=2):
    return name + ": " + str(round(1.23456, digits)) + " " + unit


print(describe("width"))
print(describe("height", digits=4))
print(describe("depth", "mm", 1))
