# break leaves the innermost loop; continue skips to the next iteration.
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
found = None
for row in range(1, 5):
    for col in range(1, 5):
        if row * col == 6:
            found = (row, col)
            break
    if found:
        break
print(found)
n = 0
while True:
    n += 1
    if n == 4:
        break
print(n)
