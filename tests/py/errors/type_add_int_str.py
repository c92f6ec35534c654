# int + str is not defined.
n = 3
print("n =", n)
print(n + "1")
