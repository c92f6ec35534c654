# Nested comprehensions: a transpose and a flattening.
m = [[1, 2, 3], [4, 5, 6]]
t = [[row[j] for row in m] for j in range(3)]
print(t)
flat = [v for row in m for v in row]
print(flat)
grid = [[i * 3 + j for j in range(3)] for i in range(3)]
print(grid)
print([a * b for a in [1, 2] for b in [10, 20] if a * b != 20])
