# Assigning to list elements, including negative indices and nested lists.
xs = [0, 0, 0, 0]
xs[0] = 1
xs[-1] = 4
xs[2] += 3
print(xs)
m = [[0, 0], [0, 0]]
m[1][0] = 5
print(m)
row = [0] * 3
grid = [row[:] for _ in range(2)]
grid[0][1] = 7
print(grid)
