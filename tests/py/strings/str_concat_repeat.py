# Concatenation and repetition.
a = "neu"
b = "ron"
print(a + b)
print("=" * 20)
print("ab" * 3, 3 * "x", "z" * 0)
line = ""
for i in range(3):
    line = line + str(i) + ";"
print(line)
print("-" * 5 + ">" + " " * 2 + "|")
