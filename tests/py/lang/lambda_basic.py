# lambda expressions as values.
double = lambda x: 2 * x
add = lambda a, b=10: a + b
print(double(4), double(1.5), double("ab"))
print(add(1), add(1, 2), add(b=5, a=1))
relu = lambda z: z if z > 0 else 0
print([relu(z) for z in [-2, -0.5, 0, 0.5, 2]])
print((lambda: "no args")())
