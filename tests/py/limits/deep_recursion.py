# Recursion without a base case.
def f(n):
    return f(n + 1)


print("calling")
f(0)
