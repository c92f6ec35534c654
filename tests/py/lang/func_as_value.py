# Functions are values: pass them, store them, call them later.
def relu(z):
    return z if z > 0 else 0.0


def identity(z):
    return z


def apply_all(f, xs):
    return [f(x) for x in xs]


acts = {"relu": relu, "identity": identity, "square": lambda z: z * z}
for name in ["relu", "identity", "square"]:
    print(name, apply_all(acts[name], [-2.0, 0.5, 3.0]))
fs = [relu, identity]
print(fs[0](-1), fs[1](-1))
