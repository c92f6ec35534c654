#!/usr/bin/python3
"""The NumPy oracle: every number the C++ and JS tests compare against.

Run with Debian's Python and NumPy (1.24, reference BLAS):

    /usr/bin/python3 tests/oracle/make_expected.py          # rewrites expected.txt
    /usr/bin/python3 tests/oracle/make_expected.py --check  # exit 1 + diff if stale

expected.txt has one line per key: `<key>\t<payload>`. Numeric payloads are
space-separated repr() of float64 values (they round-trip exactly through
strtod and JS Number()); `.shape` keys give a matrix's (rows, cols) for a
row-major `<key>`; `.display` keys hold the text a widget shows, made by
f"{v:.3f}" (other digit counts say so in the key), joined by single spaces;
`.print` keys hold a line exactly as NumPy's print() writes it.

Coverage (what the tests check against this file)
-------------------------------------------------
lesson1.relu.*      ReLU neuron x=[.5,-.3,.7], w=[.5,-.3,.8], b=.1: products x*w,
                    sum x@w, z=x@w+b, y=maximum(0,z); displays of products, z, y.
lesson1.sigmoid.*   sigmoid neuron x=[.5,.9,.1], w=[.4,-.2,.7], b=.1: z, y, displays.
lesson2.layer.*     one sample through a 3-neuron layer, rows layout
                    (Z = x @ W.T + b), ReLU: Z, A and their displays.
lesson3.batch.*     samples s1..s3 as a 3x4 X, same W, b: Z, A, per-row displays.
lesson4.*           seed 0, W1 = randn(4,5)*.5, W2 = randn(5,1)*.5 (cols layout),
                    zero biases, relu then sigmoid on x=[.6,.1,.9,.4]: the weights,
                    both Z, h, out, the two print() lines of the lesson, displays.
params.*            parameter count of sizes [4,8,8,3] (139).
xor.*               the hand-built XOR net (OR and AND hidden step neurons, rows
                    layout): hidden Z and A, output Z and A for the 4 rows.
randn.seed{0,1,42}  first 1000 np.random.randn() after np.random.seed(s).
randn.seed4294967295  the first 10 after the largest seed.
random_sample.seed0 first 10 np.random.random_sample() after seed(0).
mixed.seed0         randn, random_sample, randn, randn after seed(0): the kept
                    second Gaussian survives a uniform draw in between.
uint32.seed0        first 10 raw MT19937 outputs after seed(0) (randint over the
                    full uint32 range, which NumPy draws as one raw output each).
format.<group>.*    f"{v:.{d}f}" for hand-picked values (signed zeros, -0.0001,
                    binary ties such as 0.125 and 2.675, 1e20, the largest and
                    smallest doubles, 0 to 17 digits), random magnitudes, decimal
                    ties (k+0.5)/1000 and exact binary ties at 0, 2 and 3 digits.
format.special      the text of inf, -inf and nan (values built in the test).
act.<name>.{z,y}    exact activations over a sweep: step, sigmoid 1/(1+exp(-z))
                    (only where exp(-z) does not overflow), tanh, relu, leaky
                    relu 0.01 and 0.2, identity. Sigmoid and tanh get a dense
                    sweep (step 0.01 on [-10,10], 0.25 on [-40,40], sigmoid also
                    down to -709) so that a last-bit difference cannot hide.
softmax.<i>.{z,y}   stable softmax exp(z-max)/sum of single rows (widths 1..7, so
                    NumPy's sum is a plain left-to-right loop), large and tiny
                    logits; softmax.matrix.* applies it to a 4x3 matrix by row.
"""

import difflib
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected.txt")


class Oracle:
    """Collects keys in order and renders the file."""

    def __init__(self):
        self.lines = []
        self.keys = set()

    def _add(self, key, payload):
        assert key not in self.keys, key
        assert "\t" not in key and "\n" not in payload, key
        self.keys.add(key)
        self.lines.append(f"{key}\t{payload}")

    def numbers(self, key, values):
        arr = np.asarray(values, dtype=np.float64)
        self._add(key, " ".join(repr(float(v)) for v in arr.ravel()))
        if arr.ndim == 2:
            self._add(key + ".shape", f"{float(arr.shape[0])!r} {float(arr.shape[1])!r}")

    def text(self, key, text):
        self._add(key, text)

    def display(self, key, values, digits=3):
        arr = np.atleast_1d(np.asarray(values, dtype=np.float64))
        self._add(key, " ".join(f"{float(v):.{digits}f}" for v in arr.ravel()))

    def render(self):
        return "\n".join(self.lines) + "\n"


def relu(z):
    return np.maximum(0, z)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def step(z):
    return (z > 0).astype(np.float64)


def lesson1(o):
    x = np.array([0.50, -0.30, 0.70])
    w = np.array([0.50, -0.30, 0.80])
    b = 0.10
    products = x * w
    total = x @ w
    z = x @ w + b
    y = relu(z)
    p = "lesson1.relu."
    o.numbers(p + "x", x)
    o.numbers(p + "w", w)
    o.numbers(p + "b", [b])
    o.numbers(p + "products", products)
    o.numbers(p + "sum", [total])
    o.numbers(p + "z", [z])
    o.numbers(p + "y", [y])
    o.display(p + "products.display", products)
    o.display(p + "z.display", z)
    o.display(p + "y.display", y)

    x = np.array([0.5, 0.9, 0.1])
    w = np.array([0.4, -0.2, 0.7])
    b = 0.1
    z = x @ w + b
    y = sigmoid(z)
    p = "lesson1.sigmoid."
    o.numbers(p + "x", x)
    o.numbers(p + "w", w)
    o.numbers(p + "b", [b])
    o.numbers(p + "z", [z])
    o.numbers(p + "y", [y])
    o.display(p + "z.display", z)
    o.display(p + "y.display", y)


LAYER_W = np.array([[0.2, 0.8, -0.5, 1.0], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]])
LAYER_B = np.array([2.0, 3.0, 0.5])


def lessons2and3(o):
    x = np.array([1.0, 2.0, 3.0, 2.5])
    z = x @ LAYER_W.T + LAYER_B
    a = relu(z)
    p = "lesson2.layer."
    o.numbers(p + "x", x)
    o.numbers(p + "W", LAYER_W)
    o.numbers(p + "b", LAYER_B)
    o.numbers(p + "z", z)
    o.numbers(p + "a", a)
    o.display(p + "z.display", z)
    o.display(p + "display", a)

    X = np.array([[1.0, 2.0, 3.0, 2.5], [-0.8, 0.4, 0.1, 1.2], [0.2, 0.9, -0.5, 0.3]])
    Z = X @ LAYER_W.T + LAYER_B
    A = relu(Z)
    p = "lesson3.batch."
    o.numbers(p + "X", X)
    o.numbers(p + "z", Z)
    o.numbers(p + "a", A)
    for i in range(len(X)):
        o.display(p + f"z.display.{i}", Z[i])
        o.display(p + f"display.{i}", A[i])


def lesson4(o):
    np.random.seed(0)
    x = np.array([0.6, 0.1, 0.9, 0.4])
    W1 = np.random.randn(4, 5) * 0.5
    b1 = np.zeros(5)
    z1 = x @ W1 + b1
    h = relu(z1)
    W2 = np.random.randn(5, 1) * 0.5
    b2 = np.zeros(1)
    z2 = h @ W2 + b2
    out = sigmoid(z2)
    p = "lesson4."
    o.numbers(p + "sizes", [4, 5, 1])
    o.numbers(p + "seed", [0])
    o.numbers(p + "scale", [0.5])
    o.numbers(p + "x", x)
    o.numbers(p + "W1", W1)
    o.numbers(p + "W2", W2)
    o.numbers(p + "z1", z1)
    o.numbers(p + "h", h)
    o.numbers(p + "z2", z2)
    o.numbers(p + "out", out)
    o.text(p + "hidden.print", f"hidden activations: {h.round(2)}")
    o.text(p + "output.print", f"output (probability): {out.round(3)}")
    o.display(p + "h.display2", h, digits=2)
    o.display(p + "out.display", out)

    sizes = [4, 8, 8, 3]
    o.numbers("params.sizes", sizes)
    o.numbers("params.count", [sum(a * b + b for a, b in zip(sizes, sizes[1:]))])


def xor(o):
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    W1 = np.array([[1.0, 1.0], [1.0, 1.0]])  # rows: OR, AND
    b1 = np.array([-0.5, -1.5])
    W2 = np.array([[1.0, -2.0]])
    b2 = np.array([-0.5])
    Z1 = X @ W1.T + b1
    A1 = step(Z1)
    Z2 = A1 @ W2.T + b2
    A2 = step(Z2)
    for key, value in [("X", X), ("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2),
                       ("z1", Z1), ("a1", A1), ("z2", Z2), ("a2", A2)]:
        o.numbers("xor." + key, value)
    o.numbers("xor.target", np.logical_xor(X[:, 0], X[:, 1]))


def generator(o):
    for seed in (0, 1, 42):
        np.random.seed(seed)
        o.numbers(f"randn.seed{seed}", np.random.randn(1000))
    np.random.seed(2**32 - 1)
    o.numbers("randn.seed4294967295", np.random.randn(10))
    np.random.seed(0)
    o.numbers("random_sample.seed0", np.random.random_sample(10))
    # randn keeps the second value of each polar pair; random_sample does not touch it.
    np.random.seed(0)
    o.numbers("mixed.seed0", [np.random.randn(), np.random.random_sample(), np.random.randn(),
                              np.random.randn()])
    np.random.seed(0)
    o.numbers("uint32.seed0", np.random.randint(0, 2**32, size=10, dtype=np.uint32))


def formatting(o):
    hand = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.125, 2.675, 1.005, 0.1, 0.7,
            -0.0001, -0.0005, 0.0005, 0.9999999999999999, 4.8, 1.21, 2.385, 9.9995, 99.995,
            123456.789, -987.6543, 1e16, 2.0**53 + 2, 1e20, -1e20, 1e22, 1e23, 1e-20, -1e-20,
            5e-324, 2.2250738585072014e-308, 1.7976931348623157e308]
    groups = [("hand", hand, [0, 1, 2, 3, 6, 17])]

    rs = np.random.RandomState(2024)
    n = 400
    magnitudes = 10.0 ** rs.uniform(-8, 12, n) * rs.choice([-1.0, 1.0], n)
    groups.append(("random", magnitudes, [3, 6]))
    groups.append(("decimal_ties", (rs.randint(-10**6, 10**6, 200) + 0.5) / 1000, [3]))
    odd = 2 * rs.randint(-5000, 5000, 100) + 1
    groups.append(("binary_ties0", odd / 2, [0]))
    groups.append(("binary_ties2", odd / 8, [2]))
    groups.append(("binary_ties3", odd / 16, [3]))

    for name, values, digit_counts in groups:
        o.numbers(f"format.{name}.values", values)
        for d in digit_counts:
            o.display(f"format.{name}.fixed{d}", values, digits=d)
    o.display("format.special.fixed3", [np.inf, -np.inf, np.nan])


def activations(o):
    tiny = [5e-324, 1e-300, 2.2250738585072014e-308, 1e-20, 1e-8]
    special = [0.0] + tiny + [-t for t in tiny] + [800.0, -800.0, 1000.0, -1000.0,
                                                   710.0, -709.0, 36.0, 37.0, 19.0, 20.0]
    fine = np.arange(-1000, 1001) / 100           # [-10, 10] step 0.01
    coarse = np.arange(-160, 161) / 4             # [-40, 40] step 0.25
    deep = -np.arange(41, 710, 3, dtype=np.float64)  # down to -707 for sigmoid
    short = np.array(special + [v for v in coarse])
    dense = np.concatenate([special, fine, coarse])

    def add(name, z, y):
        o.numbers(f"act.{name}.z", z)
        o.numbers(f"act.{name}.y", y)

    z = np.concatenate([dense, deep])
    with np.errstate(over="ignore"):
        z = z[np.isfinite(np.exp(-z))]  # drops -800 and -1000; the tests check their limit
    with np.errstate(over="raise", invalid="raise"):
        add("sigmoid", z, sigmoid(z))
        add("tanh", dense, np.tanh(dense))
        add("relu", short, relu(short))
        add("leaky_relu", short, np.where(short > 0, short, 0.01 * short))
        add("leaky_relu(0.2)", short, np.where(short > 0, short, 0.2 * short))
        add("step", short, step(short))
        add("identity", short, short)

    rows = [[1.0, 2.0, 3.0], [0.0], [1000.0, 1000.0, 999.0], [-1000.0, 0.0, 1000.0],
            [0.1, 0.2, 0.7, -0.5], [5.0, 5.0, 5.0, 5.0, 5.0], [-3.0, 2.5],
            [-800.0, -801.0, -799.5, -802.0, -800.25, -803.0, -804.0],
            [1e-300, -1e-300, 0.0, 0.5, -0.5, 40.0]]

    def softmax(z):
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)

    for i, row in enumerate(rows):
        z = np.array(row)
        o.numbers(f"softmax.{i}.z", z)
        o.numbers(f"softmax.{i}.y", softmax(z))
    m = np.array([[1.0, 2.0, 3.0], [0.5, -0.5, 0.0], [-1.0, -1.0, 4.0], [700.0, 0.0, -700.0]])
    o.numbers("softmax.matrix.z", m)
    o.numbers("softmax.matrix.y", softmax(m))


def generate():
    o = Oracle()
    lesson1(o)
    lessons2and3(o)
    lesson4(o)
    xor(o)
    generator(o)
    formatting(o)
    activations(o)
    return o.render()


def main(argv):
    text = generate()
    if argv[1:] == ["--check"]:
        with open(EXPECTED, encoding="utf-8") as f:
            old = f.read()
        if old == text:
            return 0
        diff = difflib.unified_diff(old.splitlines(), text.splitlines(), "expected.txt (committed)",
                                    "expected.txt (regenerated)", lineterm="", n=0)
        for line in diff:
            print(line[:300])
        print("tests/oracle/expected.txt is stale: run /usr/bin/python3 tests/oracle/make_expected.py",
              file=sys.stderr)
        return 1
    if argv[1:]:
        print("usage: make_expected.py [--check]", file=sys.stderr)
        return 2
    with open(EXPECTED, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
