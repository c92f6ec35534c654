# repr chooses quotes and escapes; str does not.
print(repr("plain"), str("plain"))
print(repr("it's"))
print(repr('say "hi"'))
print(repr("both ' and \""))
print(repr("tab\tnew\nline"), repr("back\\slash"))
print(["a", "it's", ""])
print(("x",), {"key": "value"})
print(repr(""))
