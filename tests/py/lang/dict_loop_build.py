# Counting with a dict in a loop.
text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
for word, n in counts.items():
    if n > 1:
        print(word, n)
letters = {}
for ch in "mississippi":
    if ch in letters:
        letters[ch] += 1
    else:
        letters[ch] = 1
print(letters)
