# sorted with key and reverse; the sort is stable.
xs = [3, 1, 4, 1, 5, 9, 2, 6]
print(sorted(xs, reverse=True))
words = ["bb", "a", "ccc", "dd", "e"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
scores = {"ann": 3, "bob": 5, "cy": 3}
print(sorted(scores, key=lambda k: scores[k]))
print(sorted(scores.items(), key=lambda kv: kv[1], reverse=True))
print(sorted([-3, 2, -1], key=abs))
