# append, extend, pop and index.
xs = [1, 2]
xs.append(3)
xs.append([4, 5])
print(xs)
xs.extend([6, 7])
xs.extend("ab")
xs.extend(range(2))
print(xs)
print(xs.pop(), xs.pop(0), xs.pop(-2))
print(xs)
print(xs.index(3), xs.index("a"), [5, 6, 5].index(5))
r = xs.append(9)
print(r, len(xs))
