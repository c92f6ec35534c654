# f-strings with plain replacement fields.
name = "neuron"
n = 3
x = 0.1 + 0.2
print(f"{name} has {n} inputs")
print(f"x = {x}")
print(f"{n * 2} {n / 2} {n // 2}")
print(f"{[1, 2]} {(3,)} {None} {True}")
print(f"{'quoted'} and {name!r}")
print(f"")
print(f"no fields")
