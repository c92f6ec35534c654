# Iterating over a string's characters.
word = "layer"
for i, ch in enumerate(word):
    print(i, ch)
print(list("abc"), tuple("hi"))
rev = ""
for ch in word:
    rev = ch + rev
print(rev)
