# List concatenation, repetition, comparison and membership.
a = [1, 2]
b = [3]
print(a + b, b * 3, [0] * 0)
print(a == [1, 2], a != b, [1, 2] < [1, 2, 0])
nested = [[0] * 2] * 2
print(nested)
print(len(a + b), (a + b)[-1])
print([1, "a", None] + [[]])
