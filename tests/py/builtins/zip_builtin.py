# zip pairs items; it stops at the shortest input.
xs = [0.5, -0.3, 0.7]
ws = [0.5, -0.3, 0.8]
for x, w in zip(xs, ws):
    print(x, w, x * w)
print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2, 3], [4, 5])))
print(list(zip([1, 2], [3, 4], [5, 6])))
print(list(zip([], [1])))
z = 0.0
for x, w in zip(xs, ws):
    z += x * w
print(z)
