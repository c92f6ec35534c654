# lambda as a sort key.
people = [("ada", 36), ("alan", 41), ("grace", 85), ("bob", 41)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: len(p[0])))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
print(sorted([3, -1, -4, 2], key=lambda v: abs(v)))
