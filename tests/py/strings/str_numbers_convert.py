# Converting between numbers and strings.
print(str(3), str(3.0), str(-0.5), str(1e20), str(1e-5), str(10 ** 20))
print(int("42") + 1, float("2.5") * 2, int("-17"), float("-0.0"))
print(int(" 12 "), float(" 1e3 "), float("1E-2"), int("+5"))
print(str(True), str(None), str([1, 2.0]))
print(float("inf"), float("-inf"), -float("inf"))
s = "3.75"
print(float(s) + 1, s + "1")
