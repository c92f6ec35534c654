# float() of ints, bools and strings.
print(float(3), float(-2), float(True), float(10 ** 20))
print(float("1.5"), float("-1e-3"), float(" 7 "), float("10"))
print(float(".5"), float("5."), float("1e500"), float("-1e500"))
print(float("nan"), float("inf") - 1)
print(float(2 ** 53 + 1), float())
