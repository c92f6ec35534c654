# Nested loops building a multiplication table.
for i in range(1, 6):
    line = ""
    for j in range(1, 6):
        line += f"{i * j:4d}"
    print(line)
pairs = []
for a in range(3):
    for b in range(a):
        pairs.append((a, b))
print(pairs)
