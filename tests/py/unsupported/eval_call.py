# eval is not a builtin here.
print(eval("1 + 2"))
