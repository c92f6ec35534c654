# Indexing and slicing strings, with negative indices and steps.
s = "activation"
print(s[0], s[-1], s[3])
print(s[:3], s[3:], s[2:5], s[-4:])
print(s[::2], s[1::3], s[::-1])
print(s[-3:-1], s[5:2], s[100:], s[:100])
print(s[8:2:-2])
print(len(s), s[len(s) - 1])
