# for over a huge range: the step budget stops it.
total = 0
for i in range(10 ** 12):
    total += i
print(total)
