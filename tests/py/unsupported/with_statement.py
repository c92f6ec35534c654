# with blocks are outside the subset.
with open("data.txt") as f:
    print(f.read())
