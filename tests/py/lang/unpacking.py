# Tuple and list unpacking, swaps and nested targets.
a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = [10, 20, 30]
print(x + y + z)
(p, q), r = (1, 2), 3
print(p, q, r)
first, second = "hi"
print(first, second)
for i, (name, score) in enumerate([("a", 1.5), ("b", 2.5)]):
    print(i, name, score)
pairs = [(1, "one"), (2, "two")]
for n, word in pairs:
    print(n, word)
