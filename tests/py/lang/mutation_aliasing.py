# Two names for one list see the same changes; slicing copies.
a = [1, 2, 3]
b = a
b.append(4)
print(a, b)
c = a[:]
c.append(5)
print(a, c)
d = {"k": [1]}
e = d["k"]
e.append(2)
print(d)


def add_item(xs):
    xs.append("added")


add_item(a)
print(a)
