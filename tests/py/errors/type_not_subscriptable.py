# Indexing an int.
count = 42
print(count)
print(count[0])
