#!/usr/bin/python3
"""The NumPy oracle for the interpreter's printing (cpp/py/print).

Run with Debian's Python 3.11 and NumPy 1.24:

    /usr/bin/python3 tests/py_print/make_expected.py          # rewrites the files
    /usr/bin/python3 tests/py_print/make_expected.py --check  # exit 1 + diff if stale

It writes, beside itself:

float_repr_sample.txt    one double a line: `<16 hex digits of its bits> <repr(x)>
                         <str(np.float64(x))>`, for 12,000 doubles of every kind (raw
                         bit patterns, short decimals and their neighbours, powers of
                         two, integers, binary ties, the values around 1e16 and 1e-4).
float_format_sample.txt  `<hex>|<options>|<text>`: np.format_float_positional or
                         _scientific with random options, written as
                         `p|s,precision,unique,fractional,trim,sign,pad_left,pad_right,
                         exp_digits,min_digits` (-1 for None).
arrays.txt               array printing cases (see ARRAY_CASES below).
format_spec_sample.txt   format(x, spec) for random floats, ints and strs and random
                         specs (see format_spec_sample below).

The C++ tests (tests/cpp/py/) read these files in the native and the wasm build;
natively they also ask this Python for 10^6 more values directly.
"""

import difflib
import os
import random
import struct
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def bits_of(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def from_bits(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


def mixed_double(rng):
    """A double of one of several kinds, as tests/cpp/py/test_float_repr.cpp makes them."""
    kind = rng.randrange(7)
    if kind == 0:
        b = rng.getrandbits(64)
        if b & 0x7ff0000000000000 == 0x7ff0000000000000:
            b ^= 1 << 62
        return from_bits(b)
    if kind == 1:
        x = rng.getrandbits(53) / 2.0**53 * 10.0**rng.randrange(17) / 10.0**rng.randrange(17)
    elif kind == 2:
        x = rng.randrange(10**(1 + rng.randrange(17))) / 10.0**rng.randrange(23)
    elif kind == 3:
        x = np.nextafter(rng.randrange(100000) / 10.0**rng.randrange(23), rng.choice([np.inf, -np.inf]))
    elif kind == 4:
        x = float(rng.getrandbits(64) >> rng.randrange(64)) if rng.randrange(2) else 2.0**(rng.randrange(2098) - 1074)
    elif kind == 5:
        x = rng.choice([1e16, 1e-4])
        for _ in range(rng.randrange(8)):
            x = np.nextafter(x, rng.choice([np.inf, 0.0]))
    else:
        x = rng.randrange(1000) / 8 * 10.0**rng.randrange(5)
    x = float(x)
    return -x if rng.randrange(2) else x


def float_repr_sample():
    rng = random.Random(1)
    specials = [0.0, -0.0, 0.1, 1e16, 1e-4, 1e-5, 1e23, 5e-324, 2.2250738585072014e-308,
                1.7976931348623157e308, 9007199254740993.0, 0.3, 2 / 3, 100.0, 1e22]
    values = specials + [mixed_double(rng) for _ in range(12000 - len(specials))]
    return ''.join('%016x %r %s\n' % (bits_of(x), x, np.float64(x)) for x in values)


def float_format_sample():
    rng = random.Random(2)
    lines = []
    for _ in range(3000):
        x = mixed_double(rng)
        scientific = rng.randrange(2) == 0
        unique = rng.randrange(3) != 0
        precision = -1 if unique and rng.randrange(3) == 0 else rng.randrange(20)
        fractional = scientific or rng.randrange(4) != 0
        if not fractional and precision == 0:
            precision = 1
        trim = 'k.0-'[rng.randrange(4)]
        sign = rng.randrange(4) == 0
        pad_left = rng.randrange(8) - 1
        pad_right = -1 if scientific else rng.randrange(24) - 1
        exp_digits = rng.randrange(6) - 1 if scientific else -1
        min_digits = -1
        if rng.randrange(3) == 0:
            min_digits = rng.randrange(precision + 1) if precision >= 0 else rng.randrange(20)
        none = lambda v: None if v < 0 else v
        if scientific:
            text = np.format_float_scientific(x, precision=none(precision), unique=unique, trim=trim,
                                              sign=sign, pad_left=none(pad_left),
                                              exp_digits=none(exp_digits), min_digits=none(min_digits))
        else:
            text = np.format_float_positional(x, precision=none(precision), unique=unique,
                                              fractional=fractional, trim=trim, sign=sign,
                                              pad_left=none(pad_left), pad_right=none(pad_right),
                                              min_digits=none(min_digits))
        options = '%s,%d,%d,%d,%s,%d,%d,%d,%d,%d' % ('s' if scientific else 'p', precision, unique,
                                                     fractional, trim, sign, pad_left, pad_right,
                                                     exp_digits, min_digits)
        lines.append('%016x|%s|%s\n' % (bits_of(x), options, text))
    return ''.join(lines)


# ---------------------------------------------------------------- arrays.txt
#
# One block per case:
#
#   === <name>
#   layout <dtype> <offset> shape <d0 d1 ...> strides <s0 s1 ...>   (in elements)
#   options <precision> <suppress> <linewidth> <threshold> <edgeitems> <sign: minus plus space>
#   data <the base buffer: hex bits for float64, decimal for int64, 0/1 for bool>
#   --- str
#   <str(a), any number of lines>
#   --- repr
#   <repr(a)>
#
# (set_printoptions ignores precision=None, so every case has a number.) The printed text never has a line starting with
# "=== " or "--- ".

ARRAY_CASES = []


def case(name, a, base=None, **options):
    ARRAY_CASES.append((name, a, base, options))


def build_array_cases():
    ARRAY_CASES.clear()
    rs = np.random.RandomState(5)
    nan, inf = np.nan, np.inf

    # Floats: magnitudes, signs, zeros, the scientific switch.
    case('float.pair', np.array([0.61, 1.12]))
    case('float.whole', np.array([1.0, 2.0, 3.0]))
    case('float.mixed_digits', np.array([1.0, 2.5, -3.25]))
    case('float.tenths', np.array([0.1, 0.2, 0.3, 0.7]))
    case('float.third', np.array([1 / 3, 2 / 3, 1.0]))
    case('float.padding', np.array([-123.456, 0.001, 7.0]))
    case('float.negative', np.array([-1.5, -0.25, -100.0]))
    case('float.zero', np.array([0.0]))
    case('float.zeros', np.zeros(5))
    case('float.negzero', np.array([-0.0]))
    case('float.negzero_mixed', np.array([0.0, -0.0, 1.5]))
    case('float.small_1e-4', np.array([0.0001, 1.0]))
    case('float.small_below_1e-4', np.array([0.00009999, 1.0]))
    case('float.small_1e-5', np.array([1e-5, 1.0]))
    case('float.tiny', np.array([1e-300, 5e-324]))
    case('float.large_1e8', np.array([1e8, 1.0]))
    case('float.large_below_1e8', np.array([99999999.0, 1.0]))
    case('float.large_1e16', np.array([1e16]))
    case('float.huge', np.array([1.7976931348623157e308, -1e300]))
    case('float.ratio_1000', np.array([1.0, 1000.0]))
    case('float.ratio_1001', np.array([1.0, 1001.0]))
    case('float.ratio_with_zero', np.array([0.0, 1.0, 1000.5]))
    case('float.sci_exp3', np.array([1e-100, 1e100]))
    case('float.sci_mixed', np.array([1.5e-7, -2.25e10, 3.0]))
    case('float.sci_negzero', np.array([-0.0, 1e-9]))
    case('float.many_digits', np.array([123456.789012345, 0.000123456789]))
    case('float.rounding_8', np.array([0.123456785, 0.123456775, 1.999999999]))
    case('float.integers_big', np.array([12345678.0, 1.5]))
    case('float.precision_cut', np.array([np.pi, np.e, np.sqrt(2)]))
    # Non-finite values.
    case('float.nan', np.array([nan]))
    case('float.nan_mixed', np.array([nan, 1.5, -2.0]))
    case('float.inf', np.array([inf, -inf, 1.0]))
    case('float.only_inf', np.array([inf, inf]))
    case('float.neg_inf_only', np.array([-inf]))
    case('float.nan_inf_sci', np.array([nan, inf, 1e-10, 1.0]))
    case('float.nan_2d', np.array([[nan, 1.0], [2.5, -inf]]))
    # Print options.
    for p in (0, 1, 2, 3, 4, 12, 16):
        case('float.precision%d' % p, np.array([np.pi, -np.e, 100.0, 0.5]), precision=p)
    case('float.precision3_sci', np.array([1e-7, np.pi]), precision=3)
    case('float.precision2_2d', rs.randn(3, 4), precision=2)
    case('float.precision4_neg', rs.randn(6), precision=4)
    case('float.suppress_small', np.array([1e-10, 1.0]), suppress=True)
    case('float.suppress_rounds_to_zero', np.array([-1e-10, 1e-9, 2.0]), suppress=True)
    case('float.suppress_large', np.array([1e-10, 1e8]), suppress=True)
    case('float.suppress_ratio', np.array([1.0, 12345.678]), suppress=True)
    case('float.suppress_precision3', np.array([0.00012345, 1.0, -7.5]), suppress=True, precision=3)
    case('float.suppress_eps', np.arange(4.0) ** 2 - (np.arange(4.0) + np.finfo(float).eps) ** 2, suppress=True)
    case('float.eps_sci', np.arange(4.0) ** 2 - (np.arange(4.0) + np.finfo(float).eps) ** 2)
    case('float.sign_plus', np.array([1.5, -2.0, 0.0]), sign='+')
    case('float.sign_space', np.array([1.5, 2.0]), sign=' ')
    case('float.sign_plus_nan', np.array([nan, inf, 1.0]), sign='+')
    case('float.linewidth_40', rs.randn(12), linewidth=40)
    case('float.threshold_5', np.arange(10.0), threshold=5)
    case('float.edgeitems_1', np.arange(2000.0), edgeitems=1)
    # 1-D arrays of many sizes (wrapping at 75 columns).
    for n in (1, 2, 7, 8, 9, 10, 11, 12, 13, 20, 31):
        case('float.randn%d' % n, rs.randn(n))
    case('float.linspace30', np.linspace(0, 1, 30))
    case('float.arange100', np.arange(100.0))
    case('float.scaled', rs.randn(15) * 1000)
    case('float.sci_wrap', rs.randn(20) * 1e-6)
    # 2-D and 3-D.
    case('float.2d_1x1', np.array([[1.5]]))
    case('float.2d_1x5', rs.randn(1, 5))
    case('float.2d_5x1', rs.randn(5, 1))
    case('float.2d_3x3', rs.randn(3, 3))
    case('float.2d_wide', rs.randn(3, 20))
    case('float.2d_sci', rs.randn(2, 3) * 1e-5)
    case('float.3d_2x2x2', rs.randn(2, 2, 2))
    case('float.3d_2x3x4', rs.randn(2, 3, 4))
    case('float.3d_1x1x1', np.array([[[7.0]]]))
    case('float.3d_2x1x3', rs.randn(2, 1, 3))
    case('float.4d', rs.randn(2, 2, 1, 2))
    # Summarised (more than 1000 elements).
    case('float.summary_arange2000', np.arange(2000.0))
    case('float.summary_randn1001', rs.randn(1001))
    case('float.summary_2d', rs.randn(40, 30))
    case('float.summary_2d_tall', rs.randn(1001, 2))
    case('float.summary_2d_wide', rs.randn(2, 1001))
    case('float.summary_3d', rs.randn(11, 10, 10))
    case('float.summary_sci', np.logspace(-10, 10, 1500))
    case('float.summary_nan', np.concatenate([[nan], np.arange(1500.0), [inf]]))
    # 0-d.
    for name, v in (('half', 1.5), ('negzero', -0.0), ('big', 1e20), ('nan', nan), ('inf', -inf),
                    ('third', 1 / 3), ('tiny', 1e-5), ('int_valued', 3.0)):
        case('float.0d_' + name, np.array(v))
    case('float.0d_precision3', np.array(1 / 3), precision=3)

    # int64.
    case('int.small', np.array([1, 2, 3]))
    case('int.signs', np.array([-1, 100, 5]))
    case('int.extremes', np.array([np.iinfo(np.int64).min, np.iinfo(np.int64).max]))
    case('int.zero', np.array([0]))
    case('int.arange30', np.arange(30))
    case('int.2d', np.arange(12).reshape(3, 4))
    case('int.2d_neg', np.arange(-6, 6).reshape(4, 3) * 17)
    case('int.3d', np.arange(24).reshape(2, 3, 4))
    case('int.wide', np.arange(0, 1000000, 9000))
    case('int.summary', np.arange(2000))
    case('int.summary_2d', np.arange(2000).reshape(40, 50))
    case('int.summary_3d', np.arange(8000).reshape(20, 20, 20) - 4000)
    case('int.0d', np.array(3))
    case('int.0d_neg', np.array(-42))
    case('int.randint', rs.randint(-1000, 1000, size=(4, 6)))

    # bool.
    case('bool.pair', np.array([True, False]))
    case('bool.one', np.array([False]))
    case('bool.2d', np.array([[True, False, True], [False, False, True]]))
    case('bool.3d', rs.rand(2, 2, 3) > 0.5)
    case('bool.wide', rs.rand(30) > 0.5)
    case('bool.summary', np.arange(1500) % 3 == 0)
    case('bool.0d_true', np.array(True))
    case('bool.0d_false', np.array(False))

    # Empty arrays.
    case('empty.float', np.array([]))
    case('empty.int', np.array([], dtype=np.int64))
    case('empty.bool', np.array([], dtype=bool))
    case('empty.2d_0x3', np.zeros((0, 3)))
    case('empty.2d_2x0', np.zeros((2, 0), dtype=np.int64))

    # Views: strided layouts (transposes, steps, reversed).
    base = rs.randn(4, 5)
    case('view.transpose', base.T, base)
    case('view.column', base[:, 1], base)
    case('view.step', base[::2, ::-2], base)
    ibase = np.arange(20).reshape(4, 5)
    case('view.int_transpose', ibase.T, ibase)
    case('view.int_reversed', ibase[::-1, 2:], ibase)


def layout_line(a, base):
    if base is None:
        base = np.ascontiguousarray(a)
        offset, strides = 0, [s // a.itemsize for s in base.strides]
    else:
        offset = (a.__array_interface__['data'][0] - base.__array_interface__['data'][0]) // a.itemsize
        strides = [s // a.itemsize for s in a.strides]
    dtype = {'float64': 'float64', 'int64': 'int64', 'bool': 'bool'}[a.dtype.name]
    flat = base.ravel()
    if dtype == 'float64':
        data = ' '.join('%016x' % bits_of(float(v)) for v in flat)
    elif dtype == 'int64':
        data = ' '.join(str(int(v)) for v in flat)
    else:
        data = ' '.join('1' if v else '0' for v in flat)
    return 'layout %s %d shape %s strides %s\ndata %s' % (
        dtype, offset, ' '.join(str(d) for d in a.shape), ' '.join(str(s) for s in strides), data)


def arrays():
    build_array_cases()
    out = []
    for name, a, base, options in ARRAY_CASES:
        opts = dict(precision=8, suppress=False, linewidth=75, threshold=1000, edgeitems=3, sign='-')
        opts.update(options)
        np.set_printoptions(precision=None if opts['precision'] < 0 else opts['precision'],
                            suppress=opts['suppress'], linewidth=opts['linewidth'],
                            threshold=opts['threshold'], edgeitems=opts['edgeitems'], sign=opts['sign'])
        try:
            text_str, text_repr = str(a), repr(a)
        finally:
            np.set_printoptions(precision=8, suppress=False, linewidth=75, threshold=1000, edgeitems=3,
                                sign='-')
        out.append('=== %s\n%s\noptions %d %d %d %d %d %s\n--- str\n%s\n--- repr\n%s\n' % (
            name, layout_line(a, base), opts['precision'], opts['suppress'], opts['linewidth'],
            opts['threshold'], opts['edgeitems'], {'-': 'minus', '+': 'plus', ' ': 'space'}[opts['sign']],
            text_str, text_repr))
    return ''.join(out)


# ---------------------------------------------------------- format_spec_sample.txt
#
# `<kind> <value> x<spec as UTF-8 hex>\t<result>`: kind f (value: float bits in
# hex), i (decimal) or s (x<UTF-8 hex>); result `=<text>` or `!<Error>: <message>`,
# with a backslash written as two and a newline as backslash-n.

def random_spec(rng):
    pick = rng.choice
    if rng.randrange(40) == 0:
        return ''.join(pick(['a', 'q', '%', '.', ',', '_', '9', '<', 'z', '#', '0', '\x01', 's', 'é'])
                       for _ in range(rng.randrange(5)))
    s = ''
    if rng.randrange(3) == 0:
        if rng.randrange(2):
            s += pick([' ', '*', '0', 'é', '_', 'x', '<'])
        s += pick('<>=^')
    if rng.randrange(3) == 0:
        s += pick('+- ')
    if rng.randrange(12) == 0:
        s += 'z'
    if rng.randrange(6) == 0:
        s += '#'
    if rng.randrange(5) == 0:
        s += '0'
    if rng.randrange(2):
        s += str(rng.randrange(25))
    if rng.randrange(5) == 0:
        s += pick(',_')
    if rng.randrange(2):
        s += '.' + str(rng.randrange(20))
    if rng.randrange(5) != 0:
        s += pick('eEfFgGn%bcdoxXsr')
    return s


def format_spec_sample():
    rng = random.Random(3)
    specials = [0.0, -0.0, 0.5, 2.5, 0.125, 1e16, 1e-5, 123.456, 1e300, 5e-324, np.inf, -np.inf, np.nan]
    lines = []
    for _ in range(4000):
        kind = 'fis'[rng.randrange(3)]
        if kind == 'f':
            r = rng.randrange(4)
            if r == 0:
                v = rng.choice(specials)
            elif r == 1:
                v = mixed_double(rng)
            elif r == 2:
                v = rng.randrange(2000000) / 10.0**rng.randrange(9)
            else:
                v = rng.getrandbits(53) / 2.0**53 * 10.0**(rng.randrange(30) - 10)
            v = float(-v if rng.randrange(3) == 0 else v)
            value = '%016x' % bits_of(v)
        elif kind == 'i':
            r = rng.randrange(4)
            if r == 0:
                v = rng.randrange(100)
            elif r == 1:
                v = rng.getrandbits(64) >> rng.randrange(64)
            elif r == 2:
                v = int(''.join(str(rng.randrange(10)) for _ in range(1 + rng.randrange(400))))
            else:
                v = rng.randrange(0x110000)
            v = -v if rng.randrange(3) == 0 else v
            value = str(v)
        else:
            v = rng.choice(['', 'a', 'ab', 'hello', 'héllo wörld', 'tab\tx', '0123456789'])
            value = 'x' + v.encode().hex()
        spec = random_spec(rng)
        try:
            result = '=' + format(v, spec)
        except Exception as e:
            result = '!%s: %s' % (type(e).__name__, e)
        result = result.replace('\\', '\\\\').replace('\n', '\\n')
        lines.append('%s %s x%s\t%s\n' % (kind, value, spec.encode().hex(), result))
    return ''.join(lines)


FILES = {
    'format_spec_sample.txt': format_spec_sample,
    'arrays.txt': arrays,
    'float_repr_sample.txt': float_repr_sample,
    'float_format_sample.txt': float_format_sample,
}


def main():
    check = '--check' in sys.argv[1:]
    stale = False
    for name, make in FILES.items():
        path = os.path.join(HERE, name)
        text = make()
        if check:
            old = open(path, encoding='utf-8').read() if os.path.exists(path) else ''
            if old != text:
                stale = True
                sys.stdout.writelines(list(difflib.unified_diff(
                    old.splitlines(True), text.splitlines(True), name + ' (committed)',
                    name + ' (NumPy now)', n=0))[:40])
        else:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
    if stale:
        print('stale: run /usr/bin/python3 tests/py_print/make_expected.py')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
