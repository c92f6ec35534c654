# A misspelt builtin gets a suggestion too.
values = [3, 1, 2]
print(sorted(values))
pritn(values)
