# List comprehensions with and without a condition.
squares = [x * x for x in range(8)]
print(squares)
evens = [x for x in range(20) if x % 2 == 0]
print(evens)
words = ["neuron", "layer", "batch", "net"]
print([w.upper() for w in words if len(w) > 3])
print([len(w) for w in words])
print([(i, w) for i, w in enumerate(words)])
print([x / 2 for x in [1, 2, 3]])
print([])
