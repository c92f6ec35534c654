# Building lists and dicts step by step with their methods.
sizes = [4]
sizes.append(8)
sizes.extend([8, 3])
print(sizes, sizes.index(8))
last = sizes.pop()
print(last, sizes)
sizes.append(last)
names = ["input"] + ["hidden"] * (len(sizes) - 2) + ["output"]
layers = dict(zip(names[1:], sizes[1:]))
print(layers)
print(layers.keys(), layers.values())
config = dict(act="relu", seed=0)
config["lr"] = 0.1
print(config, len(config))
print(config.items())
