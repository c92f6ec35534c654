# str.split with and without a separator.
print("a b  c\td\n e".split())
print("1,2,,3".split(","))
print("  leading and trailing  ".split())
print("one".split(","))
print("".split(), "".split(","))
print("a--b--c".split("--"))
line = "0.5 -0.3 0.7"
print([float(t) for t in line.split()])
