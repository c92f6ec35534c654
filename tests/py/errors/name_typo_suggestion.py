# CPython 3.11 suggests a close name in the NameError message.
weights = [0.5, -0.3]
print(len(weights))
print(weigths)
