# A string literal without its closing quote.
print("ok")
s = "abc
print(s)
