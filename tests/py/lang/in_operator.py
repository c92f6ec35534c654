# Membership tests with in and not in.
print(3 in [1, 2, 3], 4 in [1, 2, 3], 4 not in [1, 2, 3])
print("eu" in "neuron", "x" in "neuron", "" in "abc")
d = {"w": 1, "b": 2}
print("w" in d, 1 in d, "z" not in d)
print(2 in (1, 2), 5 in range(10), 10 in range(10))
print([1] in [[1], [2]], 1.0 in [1, 2])
