# Lesson 4: counting parameters of a network from its layer sizes.
def count_params(sizes):
    total = 0
    for a, b in zip(sizes[:-1], sizes[1:]):
        total += a * b + b
    return total


print(count_params([4, 8, 8, 3]))
print(count_params([4, 5, 1]))
print(count_params([2, 2, 1]))
for sizes in [[784, 128, 10], [3, 1]]:
    print(sizes, "->", count_params(sizes))
