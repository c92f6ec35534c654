# replace every occurrence of a substring.
s = "relu(relu(x))"
print(s.replace("relu", "sigmoid"))
print("aaaa".replace("aa", "b"))
print("hello".replace("l", ""))
print("hello".replace("z", "y"))
print("1,000,000".replace(",", "_"))
print("a b c".replace(" ", ""))
