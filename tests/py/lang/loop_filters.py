# Filtering in loops with and, or, not, elif and continue.
data = [3, -1, 0, 8, 15, -7, 4, 22]
small, large, other = [], [], []
for v in data:
    if v == 0:
        continue
    if v > 0 and v < 10:
        small.append(v)
    elif v >= 10 or v < -5:
        large.append(v)
    else:
        other.append(v)
print(small, large, other)
print([not (v % 2) for v in data])
i = 0
while i < len(data):
    i += 1
    if data[i - 1] < 0 or data[i - 1] > 10:
        continue
    print(i - 1, data[i - 1])
