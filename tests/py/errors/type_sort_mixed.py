# sorted on a list mixing str and int.
print(sorted(["b", "a"]))
print(sorted([1, "a", 2]))
