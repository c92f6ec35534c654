# Slicing lists with negative indices and steps.
xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[:-7])
print(xs[::3], xs[1::2], xs[::-1], xs[::-3])
print(xs[8:2:-2], xs[-1:-4:-1], xs[5:5], xs[20:], xs[-20:2])
print(xs[:], xs[0:10:4])
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1:], m[-1][::-1], [row[1] for row in m])
