# Lists of dicts and dicts of lists.
layers = [
    {"name": "hidden", "sizes": (4, 5), "act": "relu"},
    {"name": "output", "sizes": (5, 1), "act": "sigmoid"},
]
for layer in layers:
    n_in, n_out = layer["sizes"]
    print(layer["name"], n_in * n_out + n_out, layer["act"])
print(layers[1])
history = {"loss": [0.9, 0.5], "acc": [0.1]}
history["acc"].append(0.6)
print(history)
print(sum([l["sizes"][0] * l["sizes"][1] + l["sizes"][1] for l in layers]))
