# A missing int key.
names = {0: "input", 1: "hidden"}
print(names[1])
print(names[2])
