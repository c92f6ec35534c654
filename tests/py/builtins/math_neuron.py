# A sigmoid and a tanh written with the math module.
import math


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


for z in [-2.0, -0.5, 0.0, 0.19, 1.0, 3.0]:
    print(z, round(sigmoid(z), 6), f"{sigmoid(z):.3f}")
print(math.floor(sigmoid(0.19) * 1000) / 1000)
print(math.ceil(math.log(1000) / math.log(2)))
print(f"{math.tanh(0.19):.6f}", f"{math.pi / 4:.4f}")
print(math.sqrt(0.5 ** 2 + 0.3 ** 2 + 0.8 ** 2))
