# Long statements over several lines.
total = (1 +
         2 +
         3)
print(total)
xs = [
    1, 2,
    3, 4,
]
print(xs)
d = {
    "a": 1,
    "b": 2,
}
print(d)
value = 1 + \
    2
print(value)
print("a",
      "b",
      sep="-")
