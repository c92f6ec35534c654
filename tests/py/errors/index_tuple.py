# Tuple index past the end.
shape = (2, 3)
print(shape[1])
print(shape[2])
