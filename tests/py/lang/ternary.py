# Conditional expressions.
for z in [-1.5, 0, 2]:
    step = 1 if z > 0 else 0
    sign = "neg" if z < 0 else "zero" if z == 0 else "pos"
    print(z, step, sign)
xs = [3, 8, 1]
print([x if x > 2 else -x for x in xs])
print("even" if len(xs) % 2 == 0 else "odd")
