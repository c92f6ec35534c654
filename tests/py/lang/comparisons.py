# Comparison operators, chained comparisons, mixed numeric types, strings.
a, b = 3, 7
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(1 < a < b, 1 < b < a, a < b > 5)
print(1 == 1.0, 0.1 + 0.2 == 0.3, 2 != 2.0)
print("apple" < "banana", "Zebra" < "apple", "abc" == "abc")
print([1, 2] == [1, 2], [1, 2] < [1, 3], (1, 2) == (1, 2))
print(True == 1, False == 0, None == 0)
x = 5
print(0 <= x <= 10, 0 <= x < 5)
