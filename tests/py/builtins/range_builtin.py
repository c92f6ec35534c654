# range objects: printing, len, indexing, conversion.
r = range(2, 20, 3)
print(r, range(5), range(0, 10, -1))
print(list(r), len(r), r[0], r[-1])
print(list(range(0)), list(range(-3)), list(range(3, -4, -2)))
print(len(range(0, 100, 7)), 7 in r, 8 in r)
print(sum(range(1, 11)), max(range(5)), min(range(3, 9)))
