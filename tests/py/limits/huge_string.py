# A string of 10**10 characters.
s = "ab" * (5 * 10 ** 9)
print(len(s))
