# Strings are immutable: no append.
s = "abc"
print(s.upper())
s.append("d")
