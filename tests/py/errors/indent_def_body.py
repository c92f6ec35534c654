# A function without a body.
def f(x):

print(f(1))
