# sorted returns a new list; the input is unchanged.
xs = [3, 1, 4, 1, 5, 9, 2, 6]
ys = sorted(xs)
print(ys, xs)
print(sorted([2.5, -1, 0, 1e-3]))
print(sorted("neuron"), sorted((3, 2, 1)))
print(sorted({"b": 1, "a": 2}))
print(sorted([[2, 1], [1, 2], [1, 1]]))
print(sorted([]), sorted([True, False, True]))
