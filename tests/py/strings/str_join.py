# str.join over lists of strings.
words = ["input", "hidden", "output"]
print(" -> ".join(words))
print("".join(["a", "b", "c"]))
print(", ".join([str(x) for x in [1, 2.5, None]]))
print("-".join("abc"))
print("|".join([]))
print(" ".join([f"{v:.2f}" for v in [0.1, 0.25, 1 / 3]]))
