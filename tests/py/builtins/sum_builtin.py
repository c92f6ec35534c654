# sum over ints, floats, bools, with a start value.
print(sum([1, 2, 3]), sum([]), sum(()))
print(sum([1, 2, 3], 10), sum([0.5, 0.25], 1))
print(sum([True, True, False]))
print(sum([1, 2.5]), sum(range(101)))
print(sum([x * x for x in range(10)]))
print(sum([10 ** 20, 1, -(10 ** 20)]))
