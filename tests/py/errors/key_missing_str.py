# A missing string key.
params = {"w": 0.5, "b": 0.1}
print(params["w"])
print(params["bias"])
