# Lesson 2 without NumPy: loops over neurons and inputs.
inputs = [1.0, 2.0, 3.0, 2.5]
weights = [[0.2, 0.8, -0.5, 1.0], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]
biases = [2.0, 3.0, 0.5]
outputs = []
for neuron_w, neuron_b in zip(weights, biases):
    z = 0.0
    for x, w in zip(inputs, neuron_w):
        z += x * w
    z += neuron_b
    outputs.append(max(0.0, z))
print(outputs)
print([round(o, 3) for o in outputs])
