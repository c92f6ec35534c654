# Lesson 1: one ReLU neuron, step by step in plain Python.
x = [0.50, -0.30, 0.70]
w = [0.50, -0.30, 0.80]
b = 0.10
z = 0.0
for i in range(len(x)):
    product = x[i] * w[i]
    print(f"x{i + 1} * w{i + 1} = {x[i]:.2f} * {w[i]:.2f} = {product:.3f}")
    z += product
z += b
print(f"z = {z:.3f}")
print("z exactly:", z)
y = max(0.0, z)
print(f"y = ReLU(z) = {y:.3f}")
