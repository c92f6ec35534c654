# len of every sized built-in.
print(len([1, 2, 3]), len([]), len((1,)), len(()))
print(len("hello"), len(""), len({"a": 1, "b": 2}), len({}))
print(len(range(10)), len([[1, 2], [3]]), len([None] * 7))
s = "a,b,c"
print(len(s.split(",")))
