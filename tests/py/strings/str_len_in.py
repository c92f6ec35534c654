# len and membership on strings.
s = "sigmoid"
print(len(s), len(""), len("a b"))
print("mo" in s, "om" in s, "S" in s)
count = 0
for ch in s:
    if ch in "aeiou":
        count += 1
print(count)
print(s[::-1], s[-3:], s[1:4])
