# enumerate with and without a start.
for i, v in enumerate(["a", "b", "c"]):
    print(i, v)
for i, v in enumerate(["a", "b"], 1):
    print(i, v)
for i, v in enumerate("xy", start=10):
    print(i, v)
print(list(enumerate([3.5, 4.5])))
