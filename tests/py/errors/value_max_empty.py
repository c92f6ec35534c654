# max of an empty list.
print(max([1]))
print(max([]))
