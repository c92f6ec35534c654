# String comparison is lexicographic by code point.
print("a" < "b", "a" < "B", "abc" < "abd", "ab" < "abc")
print("Z" < "a", "10" < "9", "" < "a")
print(sorted(["pear", "Apple", "banana", "apple", "10", "9"]))
print(max(["relu", "tanh", "sigmoid"]), min("hello"))
print("abc" == "ab" + "c", "abc" != "ABC")
