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
arrays.txt               array printing cases (see ARRAYS below).

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


FILES = {
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
