#!/usr/bin/python3
"""The NumPy oracle for the interpreter's ndarray library (cpp/py/numpy).

Run with Debian's Python 3.11 and NumPy 1.24 (reference BLAS):

    /usr/bin/python3 tests/py_numpy/make_expected.py          # rewrites cases.txt
    /usr/bin/python3 tests/py_numpy/make_expected.py --check  # exit 1 + diff if stale

cases.txt has one case a line: `<expression>\\t<result>`. tests/cpp/py/test_ndarray.cpp
evaluates the same expression with the C++ library and compares the result exactly
(every float bit; NaNs compare equal to NaNs).

Expressions are calls `name(arg, key=arg, ...)` whose arguments are calls or atoms:

    i:5  f:<16 hex digits of a double>  b:1  none     Python scalars (int, float, bool)
    shape:2x3 (shape: is ())   dt:f64|i64|bool         a shape, a dtype
    rnd:<f64|i64|bool>:<shape>:<seed>                  a C-order array of splitmix64 data
    lit:[1;2.5;[True;False]]                           a nested list for np.array
    idx:<items separated by ;>                         a subscript: i<int>, s<start>:<stop>:<step>
                                                       (empty parts are None), N (newaxis),
                                                       E (...), x<expression> (an array index)

Results: `<dtype> <shape> <values in C order>` (floats as hex bits, ints in decimal,
bools 0/1; past 64 values `#<FNV-1a digest of the values' 64-bit words>` instead),
or `!<the last line of Python's traceback>`; `!dtype <name>` marks results of a type
outside the subset (int8, float16), which the library must refuse.
"""

import difflib
import os
import struct
import sys
import traceback
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, 'cases.txt')
MASK = (1 << 64) - 1


def splitmix(seed, n):
    """The first n outputs of splitmix64 from `seed` (uint64 arithmetic wraps, so
    NumPy computes them exactly, all at once)."""
    golden = np.uint64(0x9e3779b97f4a7c15)
    z = np.uint64(seed & MASK) + golden * np.arange(1, n + 1, dtype=np.uint64)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xbf58476d1ce4e5b9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94d049bb133111eb)
    return z ^ (z >> np.uint64(31))


def rnd(kind, shape, seed):
    """Test data both sides compute alike: floats of mixed magnitudes (so that
    the order of additions shows in the last bits), ints in [-1000, 1000], bools."""
    n = int(np.prod(shape))
    with np.errstate(over='ignore'):
        x = splitmix(seed, n)
    if kind == 'f64':
        scales = np.array([1.0, 1000.0, 0.001, 7.0])
        vals = ((x >> np.uint64(11)).astype(np.float64) * (1.0 / 9007199254740992.0) - 0.5) * scales[x & np.uint64(3)]
        return vals.reshape(shape)
    if kind == 'i64':
        return ((x % np.uint64(2001)).astype(np.int64) - 1000).reshape(shape)
    return (x & np.uint64(1)).astype(bool).reshape(shape)


# ---------------------------------------------------------------- the evaluator

def tokenize(text):
    """Splits on ( ) , = outside brackets; an idx: atom runs to the next , or ) at
    parenthesis depth 0 (it may hold whole expressions)."""
    tokens, i = [], 0
    while i < len(text):
        c = text[i]
        if c in '(),=':
            tokens.append(c)
            i += 1
            continue
        if c == ' ':
            i += 1
            continue
        j, depth = i, 0
        nested = text.startswith('idx:', i)
        while j < len(text):
            ch = text[j]
            if nested:
                if ch in ',)' and depth == 0:
                    break
                depth += (ch == '(') - (ch == ')')
            else:
                if ch in '(),=' and depth == 0:
                    break
                depth += (ch == '[') - (ch == ']')
            j += 1
        tokens.append(text[i:j])
        i = j
    return tokens


def parse(tokens, pos=0):
    """Returns (node, next position): ('atom', text) or ('call', name, args, kwargs)."""
    name = tokens[pos]
    if pos + 1 >= len(tokens) or tokens[pos + 1] != '(':
        return ('atom', name), pos + 1
    pos += 2
    args, kwargs = [], {}
    while tokens[pos] != ')':
        if tokens[pos + 1] == '=':
            key = tokens[pos]
            kwargs[key], pos = parse(tokens, pos + 2)
        else:
            node, pos = parse(tokens, pos)
            args.append(node)
        if tokens[pos] == ',':
            pos += 1
    return ('call', name, args, kwargs), pos + 1


def lit_value(s):
    s = s.replace(';', ',')
    return eval(s, {'nan': float('nan'), 'inf': float('inf')})


def index_value(spec):
    items = []
    for part in split_index(spec):
        if part == 'N':
            items.append(None)
        elif part == 'E':
            items.append(Ellipsis)
        elif part.startswith('i'):
            items.append(int(part[1:]))
        elif part.startswith('s'):
            a, b, c = (part[1:].split(':') + ['', ''])[:3]
            items.append(slice(int(a) if a else None, int(b) if b else None, int(c) if c else None))
        elif part.startswith('x'):
            items.append(evaluate(part[1:]))
    return tuple(items)


def split_index(spec):
    parts, depth, cur = [], 0, ''
    for c in spec:
        if c == ';' and depth == 0:
            parts.append(cur)
            cur = ''
            continue
        depth += c == '('
        depth -= c == ')'
        cur += c
    parts.append(cur)
    return parts


DTYPES = {'f64': np.float64, 'i64': np.int64, 'bool': np.bool_}


def atom_value(t):
    if t == 'none':
        return None
    kind, _, rest = t.partition(':')
    if kind == 'i':
        return int(rest)
    if kind == 'f':
        return struct.unpack('<d', bytes.fromhex(rest)[::-1])[0]
    if kind == 'b':
        return rest == '1'
    if kind == 'shape':
        return tuple(int(d) for d in rest.split('x')) if rest else ()
    if kind == 'dt':
        return DTYPES[rest]
    if kind == 'rnd':
        k, shape, seed = rest.split(':')
        return rnd(k, tuple(int(d) for d in shape.split('x')) if shape else (), int(seed))
    if kind == 'lit':
        return lit_value(rest)
    if kind == 'idx':
        return index_value(rest)
    raise ValueError('bad atom ' + t)


def axis_kw(k):
    return None if k is None else k


def setitem(a, idx, v):
    b = np.array(a, copy=True)
    b[idx] = v
    return b


def viewset(a, idx1, idx2, v):
    b = np.array(a, copy=True)
    w = b[idx1]
    w[idx2] = v
    return b


def seeded(fn):
    def call(seed, *args, **kwargs):
        np.random.seed(seed)
        return fn(*args, **kwargs)
    return call


def shuffled(a):
    b = np.array(a, copy=True)
    np.random.shuffle(b)
    return b


FUNCS = {
    # element-wise
    'add': np.add, 'subtract': np.subtract, 'multiply': np.multiply, 'true_divide': np.true_divide,
    'floor_divide': np.floor_divide, 'remainder': np.remainder, 'power': np.power,
    'pow_op': lambda a, b: a ** b,
    'less': np.less, 'less_equal': np.less_equal, 'greater': np.greater, 'greater_equal': np.greater_equal,
    'equal': np.equal, 'not_equal': np.not_equal, 'bitwise_and': np.bitwise_and,
    'bitwise_or': np.bitwise_or, 'bitwise_xor': np.bitwise_xor, 'maximum': np.maximum, 'minimum': np.minimum,
    'negative': lambda a: -a, 'positive': lambda a: np.positive(a), 'absolute': np.absolute, 'invert': lambda a: ~a,
    'logical_not': np.logical_not, 'sqrt': np.sqrt, 'exp': np.exp, 'log': np.log, 'tanh': np.tanh,
    'square': np.square, 'floor': np.floor, 'ceil': np.ceil, 'rint': np.rint, 'isnan': np.isnan,
    'isinf': np.isinf, 'isfinite': np.isfinite, 'sign': np.sign,
    'sin': np.sin, 'cos': np.cos, 'tan': np.tan, 'arcsin': np.arcsin, 'arccos': np.arccos, 'arctan': np.arctan,
    'sinh': np.sinh, 'cosh': np.cosh, 'log10': np.log10, 'log2': np.log2, 'log1p': np.log1p, 'expm1': np.expm1,
    'exp2': np.exp2,
    'sort': lambda a, axis=-1: np.sort(a, axis=axis),
    'median': lambda a, axis=None, keepdims=False: np.median(a, axis=axis, keepdims=keepdims),
    'norm': lambda x, axis=None, keepdims=False: np.linalg.norm(x, axis=axis, keepdims=keepdims),
    'expand_dims': np.expand_dims,
    'where': np.where, 'clip': np.clip,
    'round': lambda a, decimals=0: np.round(a, decimals),
    'isclose': np.isclose, 'allclose': np.allclose, 'array_equal': np.array_equal,
    # reductions
    'sum': lambda a, axis=None, keepdims=False: np.sum(a, axis=axis, keepdims=keepdims),
    'prod': lambda a, axis=None, keepdims=False: np.prod(a, axis=axis, keepdims=keepdims),
    'mean': lambda a, axis=None, keepdims=False: np.mean(a, axis=axis, keepdims=keepdims),
    'var': lambda a, axis=None, keepdims=False, ddof=0: np.var(a, axis=axis, keepdims=keepdims, ddof=ddof),
    'std': lambda a, axis=None, keepdims=False, ddof=0: np.std(a, axis=axis, keepdims=keepdims, ddof=ddof),
    'max': lambda a, axis=None, keepdims=False: np.max(a, axis=axis, keepdims=keepdims),
    'min': lambda a, axis=None, keepdims=False: np.min(a, axis=axis, keepdims=keepdims),
    'argmax': lambda a, axis=None, keepdims=False: np.argmax(a, axis=axis, keepdims=keepdims),
    'argmin': lambda a, axis=None, keepdims=False: np.argmin(a, axis=axis, keepdims=keepdims),
    'any': lambda a, axis=None, keepdims=False: np.any(a, axis=axis, keepdims=keepdims),
    'all': lambda a, axis=None, keepdims=False: np.all(a, axis=axis, keepdims=keepdims),
    'cumsum': lambda a, axis=None: np.cumsum(a, axis=axis),
    'count_nonzero': np.count_nonzero,
    # linear algebra, joining
    'matmul': np.matmul, 'dot': np.dot, 'outer': np.outer,
    'concatenate': lambda *arrays, axis=0: np.concatenate(arrays, axis=axis),
    'stack': lambda *arrays, axis=0: np.stack(arrays, axis=axis),
    'vstack': lambda *arrays: np.vstack(arrays), 'hstack': lambda *arrays: np.hstack(arrays),
    # creation
    'array': lambda obj, dtype=None: np.array(obj, dtype=dtype),
    'zeros': lambda shape, dtype=np.float64: np.zeros(shape, dtype=dtype),
    'ones': lambda shape, dtype=np.float64: np.ones(shape, dtype=dtype),
    'full': lambda shape, value, dtype=None: np.full(shape, value, dtype=dtype),
    'full_like': lambda a, value, dtype=None: np.full_like(a, value, dtype=dtype),
    'arange': lambda *args, dtype=None: np.arange(*args, dtype=dtype),
    'linspace': lambda start, stop, num=50, endpoint=True, dtype=None: np.linspace(start, stop, num, endpoint=endpoint,
                                                                                   dtype=dtype),
    'eye': lambda n, m=None, k=0: np.eye(n, m, k),
    # shape, copies, indexing
    'reshape': lambda a, shape: a.reshape(shape), 'T': lambda a: a.T,
    'transpose': lambda a, *axes: a.transpose(axes), 'flatten': lambda a: a.flatten(),
    'ravel': lambda a: a.ravel(), 'copy': lambda a: a.copy(), 'astype': lambda a, dt: a.astype(dt),
    'squeeze': lambda a, axis=None: np.squeeze(a, axis=axis),
    'getitem': lambda a, idx: a[idx], 'setitem': setitem, 'viewset': viewset,
    # random (each call seeds first)
    'rand': seeded(lambda *shape: np.random.rand(*shape)),
    'randn': seeded(lambda *shape: np.random.randn(*shape)),
    'uniform': seeded(lambda low=0.0, high=1.0, size=None: np.random.uniform(low, high, size)),
    'normal': seeded(lambda loc=0.0, scale=1.0, size=None: np.random.normal(loc, scale, size)),
    'randint': seeded(lambda low, high=None, size=None: np.random.randint(low, high, size)),
    'shuffle': seeded(shuffled),
    'permutation': seeded(lambda x: np.random.permutation(x)),
    'choice': seeded(lambda a, size=None, replace=True: np.random.choice(a, size, replace)),
    'seed': lambda s: np.random.seed(s) or 0,
}


def evaluate_node(n):
    if n[0] == 'atom':
        return atom_value(n[1])
    _, name, args, kwargs = n
    return FUNCS[name](*[evaluate_node(a) for a in args], **{k: evaluate_node(v) for k, v in kwargs.items()})


def evaluate(text):
    return evaluate_node(parse(tokenize(text))[0])


def words(name, flat):
    """Each value as the unsigned 64-bit word the digest hashes (NaNs as one)."""
    if name == 'f64':
        return [0x7ff8000000000000 if v != v else struct.unpack('<Q', struct.pack('<d', float(v)))[0] for v in flat]
    if name == 'i64':
        return [int(v) & MASK for v in flat]
    return [1 if v else 0 for v in flat]


def digest(values):
    """FNV-1a (64-bit) over the little-endian bytes of the words."""
    h = 0xcbf29ce484222325
    for w in values:
        for k in range(8):
            h = ((h ^ ((w >> (8 * k)) & 0xff)) * 0x100000001b3) & MASK
    return h


def encode(r):
    a = np.asarray(r)
    name = {np.dtype('float64'): 'f64', np.dtype('int64'): 'i64', np.dtype('bool'): 'bool'}.get(a.dtype)
    if name is None:
        return '!dtype ' + str(a.dtype)
    shape = 'x'.join(str(d) for d in a.shape)
    flat = a.ravel()
    if flat.size > 64:
        return '%s %s #%016x' % (name, shape or '-', digest(words(name, flat)))
    if name == 'f64':
        vals = ' '.join('%016x' % w for w in words(name, flat))
    elif name == 'i64':
        vals = ' '.join(str(int(v)) for v in flat)
    else:
        vals = ' '.join('1' if v else '0' for v in flat)
    return ('%s %s %s' % (name, shape or '-', vals)).rstrip()


def result_of(expr):
    try:
        # Empty means and the like warn on purpose; the cases want only results.
        with np.errstate(all='ignore'), warnings.catch_warnings():
            warnings.simplefilter('ignore')
            return encode(evaluate(expr))
    except Exception as e:
        # The last line of the traceback Python prints (qualified names included).
        return '!' + traceback.format_exception_only(type(e), e)[-1].rstrip('\n')


def f(x):
    """A float atom."""
    return 'f:%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


# ------------------------------------------------------------------- the cases

def cases():
    out = []
    add = out.append
    shapes2 = ['3x4', '1x4', '3x1', '4', '1', '']
    ops2 = ['add', 'subtract', 'multiply', 'true_divide', 'floor_divide', 'remainder', 'power', 'less',
            'less_equal', 'greater', 'greater_equal', 'equal', 'not_equal', 'bitwise_and', 'bitwise_or',
            'bitwise_xor', 'maximum', 'minimum']
    kinds = ['f64', 'i64', 'bool']
    seed = [100]

    def r(kind, shape):
        seed[0] += 1
        return 'rnd:%s:%s:%d' % (kind, shape, seed[0])

    # Element-wise binary operations: every type pair, broadcasting shapes, scalars.
    for op in ops2:
        for ka in kinds:
            for kb in kinds:
                add('%s(%s, %s)' % (op, r(ka, '3x4'), r(kb, '3x4')))
                add('%s(%s, %s)' % (op, r(ka, '3x1'), r(kb, '4')))
        for ka in kinds:
            for scalar in ['i:3', 'i:-2', 'i:0', f(2.5), f(-0.0), f(0.0), 'b:1', f(float('nan')), f(float('inf'))]:
                add('%s(%s, %s)' % (op, r(ka, '2x3'), scalar))
                add('%s(%s, %s)' % (op, scalar, r(ka, '2x3')))
        add('%s(%s, %s)' % (op, r('f64', '3x4'), r('f64', '4x3')))
        add('%s(%s, %s)' % (op, r('i64', '2x3'), r('i64', '3')))
    for a, b in [('-7', '2'), ('7', '-2'), ('-7', '-2'), ('0', '5'), ('5', '0'), ('-9223372036854775808', '-1')]:
        for op in ['floor_divide', 'remainder', 'power']:
            add('%s(array(lit:[%s;3]), array(lit:[%s;1]))' % (op, a, b))
    for x, y in [(-7.5, 2.0), (7.5, -2.0), (-0.0, 3.0), (5.0, 0.0), (-5.0, 0.0), (0.0, 0.0), (1e300, 1e-300),
                 (float('inf'), 2.0), (2.0, float('inf')), (-2.0, float('inf')), (0.1, 0.01)]:
        for op in ['floor_divide', 'remainder', 'true_divide', 'power']:
            add('%s(array(lit:[%r]), %s)' % (op, x, f(y)))
    for x, y in [(-0.0, 0.0), (0.0, -0.0), (float('nan'), 1.0), (1.0, float('nan'))]:
        add('maximum(%s, %s)' % (f(x), f(y)))
        add('minimum(%s, %s)' % (f(x), f(y)))
        add('maximum(array(lit:[%r;%r;1.0]), array(lit:[%r;%r;2.0]))' % (x, y, y, x))
    for e in [2.0, 0.5, -1.0, 3.0, 1.0, 0.0]:
        add('pow_op(array(lit:[-0.0;2.0;-inf;inf;nan;4.0;0.25]), %s)' % f(e))
    add('pow_op(%s, i:2)' % r('i64', '5'))
    add('pow_op(%s, i:-1)' % r('i64', '5'))
    add('pow_op(%s, i:2)' % r('bool', '5'))

    # Unary operations on every type, with special values.
    specials = 'array(lit:[0.0;-0.0;1.5;-2.5;inf;-inf;nan;1e-300;1e300;0.5;2.5;-3.5])'
    for op in ['negative', 'positive', 'absolute', 'invert', 'logical_not', 'sqrt', 'exp', 'log', 'tanh',
               'square', 'floor', 'ceil', 'rint', 'isnan', 'isinf', 'isfinite', 'sign']:
        for k in kinds:
            add('%s(%s)' % (op, r(k, '2x3')))
        add('%s(%s)' % (op, specials))
        add('%s(array(lit:[-9223372036854775808;9223372036854775807;0;-5]))' % op)
    for x in [0.7, 1e-10, -3.0, 20.0, 700.0, 709.8, -745.0, 1e-320, 0.5, 2.0]:
        for op in ['exp', 'log', 'tanh', 'sqrt']:
            add('%s(array(lit:[%r]))' % (op, x))

    # The libm family (compared within 1 ulp).
    for op in ['sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'log10', 'log2', 'log1p', 'expm1',
               'exp2']:
        add('%s(%s)' % (op, r('f64', '3x4')))
        add('%s(%s)' % (op, r('i64', '5')))
        add('%s(array(lit:[0.0;-0.0;0.5;-0.5;1.0;-1.0;2.0;100.0;1e-300;inf;-inf;nan]))' % op)
        add('%s(%s)' % (op, r('bool', '3')))

    # Sorting, median, norm, expand_dims.
    for k in kinds:
        for ax in ['', ', axis=i:0', ', axis=none', ', axis=i:-1', ', axis=i:2']:
            add('sort(%s%s)' % (r(k, '4x5'), ax))
        add('sort(%s)' % r(k, '33'))
    add('sort(array(lit:[3.0;nan;-1.0;nan;0.0;-0.0;inf;-inf]))')
    add('sort(%s)' % r('f64', ''))
    for shape in ['7', '8', '4x5', '5x4', '3x4x5', '0', '1']:
        for ax in ['', ', axis=i:0', ', axis=i:-1', ', axis=i:1, keepdims=b:1', ', keepdims=b:1']:
            add('median(%s%s)' % (r('f64', shape), ax))
        add('median(%s)' % r('i64', shape))
    add('median(array(lit:[1.0;nan;2.0]))')
    add('median(array(lit:[[1.0;nan];[2.0;3.0]]), axis=i:0)')
    add('median(array(lit:[-0.0]))')
    add('median(array(lit:[-0.0;-0.0]))')
    add('median(array(lit:[True;False;True]))')
    for shape in ['5', '3x4', '2x3x4', '0', '']:
        for ax in ['', ', axis=i:0', ', axis=i:-1', ', axis=i:0, keepdims=b:1', ', keepdims=b:1']:
            add('norm(%s%s)' % (r('f64', shape), ax))
    add('norm(%s)' % r('i64', '7'))
    add('norm(T(%s))' % r('f64', '6x7'))
    for ax in ['i:0', 'i:1', 'i:2', 'i:-1', 'i:3', 'i:-4']:
        add('expand_dims(%s, %s)' % (r('f64', '2x3'), ax))

    # where, clip, round, isclose, allclose.
    add('where(%s, %s, %s)' % (r('bool', '3x4'), r('f64', '3x4'), r('f64', '4')))
    add('where(%s, i:1, %s)' % (r('bool', '3x4'), f(2.5)))
    add('where(%s, i:1, i:2)' % r('bool', '4'))
    add('where(%s, %s, %s)' % (r('f64', '3'), r('i64', '3'), r('bool', '3')))
    add('where(%s, %s, %s)' % (r('bool', '3'), r('i64', '2'), r('bool', '3')))
    for k in kinds[:2]:
        add('clip(%s, i:-100, i:100)' % r(k, '3x4'))
        add('clip(%s, %s, %s)' % (r(k, '3x4'), f(-0.2), f(0.3)))
        add('clip(%s, none, i:0)' % r(k, '5'))
        add('clip(%s, i:0, none)' % r(k, '5'))
    add('clip(%s, %s, %s)' % (specials, f(-1.0), f(1.0)))
    add('clip(%s, %s, %s)' % (specials, f(float('nan')), f(1.0)))
    for d in [0, 1, 2, 3, -1, -2, 10, 25]:
        add('round(%s, decimals=i:%d)' % (r('f64', '3x4'), d))
        add('round(%s, decimals=i:%d)' % (r('i64', '6'), d))
    add('round(array(lit:[0.5;1.5;2.5;-0.5;-1.5;1.005;2.675;0.125;0.375;-0.0;nan;inf]), decimals=i:0)')
    add('round(array(lit:[0.5;1.5;2.5;-0.5;-1.5;1.005;2.675;0.125;0.375;-0.0;nan;inf]), decimals=i:2)')
    add('round(array(lit:[1234;1250;1350;-1250;-1350]), decimals=i:-2)')
    add('round(%s)' % r('bool', '3'))
    for a, b in [('[1.0;2.0]', '[1.0;2.00001]'), ('[1.0;nan]', '[1.0;nan]'), ('[inf;1.0]', '[inf;1.0]'),
                 ('[inf;1.0]', '[-inf;1.0]'), ('[1e-9;0.0]', '[0.0;1e-9]'), ('[1;2]', '[1.0;2.0000001]'),
                 ('[100.0]', '[100.001]')]:
        add('isclose(array(lit:%s), array(lit:%s))' % (a, b))
        add('allclose(array(lit:%s), array(lit:%s))' % (a, b))
    add('allclose(%s, %s)' % (r('f64', '3'), r('f64', '4')))
    add('array_equal(array(lit:[1;2]), array(lit:[1.0;2.0]))')
    add('array_equal(array(lit:[1;2]), array(lit:[[1;2]]))')

    # Reductions: axes, keepdims, layouts (views) and sizes past NumPy's buffer.
    reds = ['sum', 'prod', 'mean', 'var', 'std', 'max', 'min', 'argmax', 'argmin', 'any', 'all']
    views = ['%s', 'T(%s)', 'getitem(%s, idx:s::-1)', 'getitem(%s, idx:E;s::2)', 'getitem(%s, idx:s1::)',
             'getitem(T(%s), idx:s::2)', 'getitem(%s, idx:E;s::-1)']
    for shape in ['7x9', '40x300', '9000x2', '3x9000', '5x6x7', '2x3x3000', '1x50', '50x1', '20000', '13']:
        nd = shape.count('x') + 1
        data = r('f64', shape)
        for v in views:
            arr = v % data
            for red in ['sum', 'mean', 'std']:
                add('%s(%s)' % (red, arr))
                for ax in range(nd):
                    add('%s(%s, axis=i:%d)' % (red, arr, ax))
    for k in kinds:
        for red in reds:
            data = r(k, '4x5')
            for ax in ['none', 'i:0', 'i:1', 'i:-1', 'i:2']:
                add('%s(%s, axis=%s)' % (red, data, ax))
            add('%s(%s, axis=i:1, keepdims=b:1)' % (red, data))
            add('%s(%s, keepdims=b:1)' % (red, data))
            add('%s(%s)' % (red, r(k, '')))
            add('%s(%s)' % (red, r(k, '0')))
            add('%s(%s, axis=i:0)' % (red, r(k, '0x3')))
            add('%s(%s, axis=i:1)' % (red, r(k, '0x3')))
        add('cumsum(%s)' % r(k, '3x4'))
        add('cumsum(%s, axis=i:0)' % r(k, '3x4'))
        add('cumsum(%s, axis=i:1)' % r(k, '3x4'))
        add('count_nonzero(%s)' % r(k, '3x4'))
        add('var(%s, ddof=i:1)' % r(k, '3x4'))
        add('std(%s, axis=i:0, ddof=i:1)' % r(k, '3x4'))
    for arr in ['array(lit:[1.0;nan;3.0])', 'array(lit:[-0.0;0.0])', 'array(lit:[0.0;-0.0])',
                'array(lit:[3;1;3;1])', 'array(lit:[nan;nan;1.0])', 'array(lit:[[1.0;nan];[2.0;1.0]])']:
        for red in ['max', 'min', 'argmax', 'argmin', 'sum', 'mean']:
            add('%s(%s)' % (red, arr))
            add('%s(%s, axis=i:0)' % (red, arr))
    add('max(%s)' % ('array(lit:[%s])' % ';'.join(['0.0', '-0.0'] * 40)))
    add('max(%s)' % ('array(lit:[%s])' % ';'.join(['-0.0', '0.0'] * 40)))
    add('min(%s)' % ('array(lit:[%s])' % ';'.join(['0.0', '-0.0'] * 40)))
    # Chains whose intermediate layouts decide the order of additions.
    a = r('f64', '30x40')
    add('sum(multiply(T(%s), %s))' % (a, f(2.0)))
    add('sum(multiply(T(%s), %s), axis=i:0)' % (a, f(2.0)))
    add('mean(subtract(T(%s), mean(T(%s), axis=i:0, keepdims=b:1)), axis=i:1)' % (a, a))
    add('sum(sqrt(absolute(T(%s))))' % a)
    add('sum(astype(T(%s), dt:f64))' % r('i64', '30x40'))
    add('sum(concatenate(T(%s), T(%s)))' % (a, a))
    add('sum(stack(T(%s), T(%s)), axis=i:1)' % (a, a))
    add('sum(add(getitem(%s, idx:s::-1), i:1))' % a)
    add('std(T(%s), axis=i:0)' % a)

    # Linear algebra.
    for sa, sb in [('5', '5'), ('3x4', '4x5'), ('4', '4x3'), ('3x4', '4'), ('2x3x4', '4x5'), ('2x3x4', '2x4x2'),
                   ('1x3x4', '5x4x2'), ('3x4', '3x4'), ('3', '4'), ('', '3'), ('2x3x4', '3x4x2'), ('0x3', '3x2'),
                   ('100', '100'), ('37x129', '129x3')]:
        for k in kinds:
            add('matmul(%s, %s)' % (r(k, sa), r(k, sb)))
        add('dot(%s, %s)' % (r('f64', sa), r('f64', sb)))
    add('matmul(%s, %s)' % (r('i64', '3x4'), r('f64', '4x2')))
    add('matmul(T(%s), %s)' % (r('f64', '6x3'), r('f64', '6x4')))
    a = r('f64', '5x7')
    add('matmul(%s, T(%s))' % (a, a))
    add('dot(%s, %s)' % (r('f64', '3'), f(2.0)))
    add('outer(%s, %s)' % (r('f64', '3'), r('i64', '4')))

    # Joining.
    for axis in ['i:0', 'i:1', 'i:-1', 'none', 'i:2']:
        add('concatenate(%s, %s, axis=%s)' % (r('f64', '2x3'), r('i64', '4x3'), axis))
        add('concatenate(%s, %s, axis=%s)' % (r('f64', '2x3'), r('bool', '2x5'), axis))
    add('concatenate(%s, %s)' % (r('f64', '2x3'), r('f64', '3')))
    add('concatenate(%s, %s)' % (r('f64', ''), r('f64', '')))
    for axis in ['i:0', 'i:1', 'i:2', 'i:-1', 'i:3']:
        add('stack(%s, %s, axis=%s)' % (r('f64', '2x3'), r('i64', '2x3'), axis))
    add('stack(%s, %s)' % (r('f64', '2x3'), r('i64', '3x2')))
    add('vstack(%s, %s)' % (r('f64', '3'), r('f64', '3')))
    add('vstack(%s, %s)' % (r('f64', '2x3'), r('f64', '3')))
    add('hstack(%s, %s)' % (r('f64', '3'), r('i64', '2')))
    add('hstack(%s, %s)' % (r('f64', '2x3'), r('f64', '2x1')))
    add('hstack(%s, %s)' % (r('f64', '2x3'), r('f64', '3x1')))

    # Creation.
    for lit in ['[1;2;3]', '[1.5;2;3]', '[True;False]', '[True;2]', '[[1;2];[3;4]]', '[[1;2];[3]]', '[1;[2;3]]',
                '[]', '[[];[]]', '[[[1;2]];[[3;4]]]', '[[1.0;nan];[inf;-0.0]]', '5', '2.5', 'True',
                '[[1;2];[3;[4]]]', '[9223372036854775807;-9223372036854775808]']:
        add('array(lit:%s)' % lit)
        add('array(lit:%s, dtype=dt:f64)' % lit)
        add('array(lit:%s, dtype=dt:i64)' % lit)
        add('array(lit:%s, dtype=dt:bool)' % lit)
    add('array(lit:[1.7;-1.7;2.5], dtype=dt:i64)')
    add('array(lit:[nan], dtype=dt:i64)')
    add('array(lit:[inf], dtype=dt:i64)')
    for sh in ['3', '2x3', '', '0', '2x0x3']:
        for dt in ['f64', 'i64', 'bool']:
            add('zeros(shape:%s, dtype=dt:%s)' % (sh, dt))
            add('ones(shape:%s, dtype=dt:%s)' % (sh, dt))
        add('full(shape:%s, %s)' % (sh, f(2.5)))
        add('full(shape:%s, i:7)' % sh)
        add('full(shape:%s, b:1)' % sh)
        add('full(shape:%s, i:7, dtype=dt:f64)' % sh)
    add('zeros(shape:-1)')
    add('zeros(shape:100000x100000)')
    add('full_like(T(%s), %s)' % (r('i64', '2x3'), f(1.5)))
    add('full_like(%s, %s, dtype=dt:f64)' % (r('i64', '2x3'), f(1.5)))
    for args in ['i:5', 'i:0', 'i:-3', 'i:2, i:10', 'i:10, i:2', 'i:10, i:2, i:-3', 'i:0, i:10, i:3',
                 '%s, i:1, %s' % (f(0.1), f(0.1)), '%s' % f(2.5), '%s, %s, %s' % (f(0.0), f(1.0), f(0.1)),
                 '%s, %s, %s' % (f(1.0), f(2.0), f(0.3)), '%s, %s, %s' % (f(-1.0), f(1.0), f(0.25)),
                 'i:0, i:5, i:0', '%s, i:5, %s' % (f(0.0), f(0.0)), 'i:0, %s' % f(float('nan')),
                 '%s, %s, %s' % (f(10.0), f(0.0), f(-1.5)), 'i:1, i:2, %s' % f(1e-300),
                 'i:-9223372036854775807, i:9223372036854775807, i:4611686018427387904']:
        add('arange(%s)' % args)
        add('arange(%s, dtype=dt:f64)' % args)
    for args in ['%s, %s' % (f(0.0), f(1.0)), '%s, %s, num=i:5' % (f(0.0), f(1.0)),
                 '%s, %s, num=i:7, endpoint=b:0' % (f(-1.0), f(2.0)), '%s, %s, num=i:1' % (f(2.0), f(3.0)),
                 '%s, %s, num=i:0' % (f(2.0), f(3.0)), '%s, %s, num=i:-1' % (f(2.0), f(3.0)),
                 '%s, %s, num=i:10' % (f(0.0), f(1e-320)), '%s, %s, num=i:13' % (f(0.1), f(0.7)),
                 '%s, %s, num=i:6, dtype=dt:i64' % (f(-2.5), f(7.0)), '%s, %s, num=i:3' % (f(5.0), f(5.0))]:
        add('linspace(%s)' % args)
    for args in ['i:3', 'i:2, i:3', 'i:3, i:3, k=i:1', 'i:3, k=i:-1', 'i:3, i:4, k=i:5', 'i:0']:
        add('eye(%s)' % args)

    # Shapes, copies and conversions.
    a = r('f64', '2x3x4')
    for sh in ['24', '4x6', '-1', '2x-1', '-1x-1', '5x5', '4x-1x3', '3x8', '']:
        add('reshape(%s, shape:%s)' % (a, sh))
        add('reshape(T(%s), shape:%s)' % (a, sh))
        add('reshape(getitem(%s, idx:E;s::2), shape:%s)' % (a, sh))
    add('reshape(%s, shape:)' % r('f64', '1x1'))
    add('reshape(%s, shape:-2)' % a)
    for axes in ['i:0, i:2, i:1', 'i:2, i:0, i:1', 'i:0, i:1', 'i:0, i:0, i:1', 'i:0, i:1, i:5', 'i:-1, i:0, i:1']:
        add('transpose(%s, %s)' % (a, axes))
    for v in views:
        arr = v % r('f64', '3x4')
        add('flatten(%s)' % arr)
        add('ravel(%s)' % arr)
        add('copy(%s)' % arr)
        for dt in ['f64', 'i64', 'bool']:
            add('astype(%s, dt:%s)' % (arr, dt))
    add('astype(%s, dt:i64)' % specials)
    add('astype(%s, dt:bool)' % specials)
    for sh, ax in [('1x3x1', 'none'), ('1x3x1', 'i:0'), ('1x3x1', 'i:2'), ('1x3x1', 'i:1'), ('1', 'none')]:
        add('squeeze(%s, axis=%s)' % (r('f64', sh), ax))

    # Indexing.
    a = r('f64', '4x5')
    for idx in ['i1', 'i-1', 'i4', 'i-5', 'i1;i2', 'i1;i-1', 'i1;i5', 's1:3:', 's::2', 's::-1', 's-2::',
                's:;i1', 's:;s1:4:2', 's::-2;s::-3', 'N', 's:;N', 'E', 'E;i1', 'i1;E', 'E;N', 'N;E;N',
                'i1;i2;i3', 's5:9:', 's3:1:', 's1:3:0', 'E;E', 'x' + r('bool', '4x5'), 'x' + r('bool', '4'),
                'x' + r('bool', '5'), 'xarray(lit:[0;2;-1])', 'xarray(lit:[[0;1];[2;3]])', 'i1;xarray(lit:[0;2])',
                'xarray(lit:[0;2]);i1', 's:;xarray(lit:[4;0])', 'xarray(lit:[0;3]);xarray(lit:[1;2])',
                'xarray(lit:[0;3]);xarray(lit:[1;2;3])', 'xarray(lit:[7])', 'xarray(lit:[1.5])',
                'xarray(lit:[0;1]);s:;', 's:;s:;xarray(lit:[1])', 'xarray(lit:[True;False;True;True])',
                'xarray(lit:[True;False])', 'xarray(lit:[], dtype=dt:i64)']:
        add('getitem(%s, idx:%s)' % (a, idx))
        add('getitem(T(%s), idx:%s)' % (a, idx))
    a3 = r('i64', '2x3x4')
    for idx in ['i0;s:;xarray(lit:[0;2])', 'xarray(lit:[0;1]);s:;xarray(lit:[0;2])', 's:;xarray(lit:[0;2]);s:',
                'E;xarray(lit:[3])', 'x' + r('bool', '2x3'), 'i-1;i-1;i-1']:
        add('getitem(%s, idx:%s)' % (a3, idx))
    a = r('i64', '4x5')
    for idx, val in [('i1', 'i:7'), ('i1', f(2.7)), ('i1', f(float('nan'))), ('i1', f(float('inf'))),
                     ('s:;i2', r('i64', '4')), ('s:;i2', r('i64', '3')), ('i0', r('f64', '1x5')),
                     ('x' + r('bool', '4x5'), 'i:0'), ('x' + r('bool', '4x5'), f(-1.5)),
                     ('xarray(lit:[0;2])', r('i64', '5')), ('xarray(lit:[0;2])', r('i64', '2x5')),
                     ('xarray(lit:[0;2])', r('i64', '3x5')), ('s::2;s::2', r('f64', '2x3')),
                     ('E', 'i:1'), ('i9', 'i:1'), ('xarray(lit:[0;2]);xarray(lit:[1;3])', r('i64', '2')),
                     ('x' + r('bool', '4'), r('i64', '5'))]:
        add('setitem(%s, idx:%s, %s)' % (a, idx, val))
        add('setitem(%s, idx:%s, %s)' % (r('f64', '4x5'), idx, val))
    add('viewset(%s, idx:s:;i1, idx:s1:3:, f:4000000000000000)' % r('f64', '4x5'))
    add('viewset(%s, idx:s::-1, idx:i0, i:9)' % r('i64', '4x5'))

    # Random streams.
    for s in [0, 1, 42, 4294967295]:
        add('rand(i:%d, i:3, i:4)' % s)
        add('randn(i:%d, i:5)' % s)
        add('randn(i:%d)' % s)
        add('uniform(i:%d, %s, %s, size=shape:6)' % (s, f(-1.0), f(1.0)))
        add('uniform(i:%d)' % s)
        add('normal(i:%d, %s, %s, size=shape:2x3)' % (s, f(2.0), f(3.0)))
        add('normal(i:%d)' % s)
        for lo, hi in [('i:5', 'none'), ('i:-3', 'i:3'), ('i:0', 'i:4294967296'), ('i:0', 'i:4294967295'),
                       ('i:0', 'i:1099511627776'), ('i:-9223372036854775808', 'i:9223372036854775807'), ('i:7', 'i:8')]:
            add('randint(i:%d, %s, %s, size=shape:10)' % (s, lo, hi))
        add('randint(i:%d, i:10)' % s)
        add('shuffle(i:%d, %s)' % (s, r('f64', '10')))
        add('shuffle(i:%d, %s)' % (s, r('i64', '5x2')))
        add('permutation(i:%d, i:10)' % s)
        add('permutation(i:%d, %s)' % (s, r('f64', '4x2')))
        add('choice(i:%d, i:5, size=shape:8)' % s)
        add('choice(i:%d, %s, size=shape:2x2)' % (s, r('f64', '6')))
        add('choice(i:%d, i:10, size=shape:4, replace=b:0)' % s)
        add('choice(i:%d, i:10)' % s)
    add('randint(i:0, i:0)')
    add('randint(i:0, i:3, i:1)')
    add('randint(i:0, i:3, i:3, size=shape:0)')
    add('normal(i:0, %s, %s)' % (f(0.0), f(-1.0)))
    add('uniform(i:0, %s, %s)' % (f(0.0), f(float('inf'))))
    add('rand(i:0, i:-1)')
    add('choice(i:0, i:3, size=shape:5, replace=b:0)')
    add('seed(i:-1)')
    add('seed(i:4294967296)')
    return out


def render():
    return ''.join('%s\t%s\n' % (c, result_of(c)) for c in cases())


def main():
    text = render()
    if '--check' in sys.argv[1:]:
        old = open(CASES, encoding='utf-8').read() if os.path.exists(CASES) else ''
        if old != text:
            sys.stdout.writelines(list(difflib.unified_diff(old.splitlines(True), text.splitlines(True),
                                                            'cases.txt (committed)', 'cases.txt (NumPy now)',
                                                            n=0))[:40])
            print('stale: run /usr/bin/python3 tests/py_numpy/make_expected.py')
            return 1
        return 0
    with open(CASES, 'w', encoding='utf-8') as out:
        out.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
