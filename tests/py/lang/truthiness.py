# Truth values of built-in objects in if and while.
for v in [0, 1, -1, 0.0, 0.5, "", "0", [], [0], (), {}, {"a": 1}, None, True, False]:
    if v:
        print(repr(v), "is true")
    else:
        print(repr(v), "is false")
items = [1, 2, 3]
while items:
    print(items.pop())
