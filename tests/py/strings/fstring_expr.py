# Expressions inside f-string fields.
d = {"w": 0.5, "b": -1}
xs = [1, 2, 3]
print(f"w={d['w']} b={d['b']}")
print(f"sum={sum(xs)} len={len(xs)} last={xs[-1]}")
print(f"{'yes' if len(xs) > 2 else 'no'}")
print(f"{xs[0] + xs[1] * 2}")
print(f"{'abc'.upper()} {'-'.join(['a', 'b'])}")
name = "x"
print(f"{name}{name}{name} {name!r} {d!r}")
print(f"{max(xs):>4}{min(xs):>4}")
