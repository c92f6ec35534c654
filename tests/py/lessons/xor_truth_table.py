# Lesson 5 in plain Python: check a candidate XOR network row by row.
def step(z):
    return 1 if z > 0 else 0


def xor_net(x1, x2):
    h_or = step(1 * x1 + 1 * x2 - 0.5)
    h_and = step(1 * x1 + 1 * x2 - 1.5)
    return step(1 * h_or - 2 * h_and - 0.5)


table = [((0, 0), 0), ((0, 1), 1), ((1, 0), 1), ((1, 1), 0)]
passed = 0
for (x1, x2), want in table:
    got = xor_net(x1, x2)
    print(f"({x1}, {x2}) -> {got}  expected {want}  {'pass' if got == want else 'FAIL'}")
    passed += got == want
print(f"{passed}/4 rows pass")
