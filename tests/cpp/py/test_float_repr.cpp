// Float text against CPython and NumPy: repr(x), str(np.float64(x)) and
// np.format_float_positional / _scientific with their options.
//
// Natively, with /usr/bin/python3 present, the values are made here from a seeded
// generator, sent to Python as bit patterns, and compared line by line (10^6 for
// repr). Everywhere (and so in the wasm build) the committed samples in
// tests/py_print/ (written by make_expected.py) are compared as well.
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "print/float_repr.hpp"
#include "py_oracle.hpp"

using nl::py::float_format_options;
using nl::py::trim_mode;

namespace
{
    // Doubles of every kind: raw bit patterns over all exponents, short decimals
    // and their neighbours (where shortest digits and ties matter), integers,
    // powers of two (unequal gaps) and the values around the 1e16 and 1e-4
    // switches.
    double mixed_double(py_oracle::bits& g)
    {
        static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
        double x = 0;
        switch (g.below(7))
        {
            case 0:
            {
                std::uint64_t b = g.next();
                if ((b & 0x7ff0000000000000ull) == 0x7ff0000000000000ull)
                    b ^= 1ull << 62;
                return py_oracle::from_bits(b);
            }
            case 1: x = double(g.next() >> 11) / 9007199254740992.0 * p10[g.below(17)] / p10[g.below(17)]; break;
            case 2: x = double(g.below(std::uint64_t(p10[1 + g.below(17)]))) / p10[g.below(23)]; break;
            case 3: x = std::nextafter(double(g.below(100000)) / p10[g.below(23)], g.below(2) ? HUGE_VAL : -HUGE_VAL); break;
            case 4: x = g.below(2) ? double(g.next() >> g.below(64)) : std::ldexp(1.0, int(g.below(2098)) - 1074); break;
            case 5:
            {
                x = g.below(2) ? 1e16 : 1e-4;
                for (int steps = int(g.below(8)); steps > 0; --steps)
                    x = std::nextafter(x, g.below(2) ? HUGE_VAL : 0.0);
                break;
            }
            default: x = double(g.below(1000)) / 8 * p10[g.below(5)]; break;  // binary ties
        }
        return g.below(2) ? -x : x;
    }

    std::vector<std::string> lines_of(const std::string& text)
    {
        std::vector<std::string> out;
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);)
            out.push_back(line);
        return out;
    }

    std::vector<std::string> split(const std::string& s, char sep)
    {
        std::vector<std::string> out;
        std::string::size_type start = 0;
        for (;;)
        {
            const auto at = s.find(sep, start);
            out.push_back(s.substr(start, at - start));
            if (at == std::string::npos)
                return out;
            start = at + 1;
        }
    }

    // Options are written as "precision,unique,fractional,trim,sign,pad_left,
    // pad_right,exp_digits,min_digits" (-1 for None), both here and in the sample.
    std::string options_text(bool scientific, const float_format_options& o)
    {
        const char trims[] = {'k', '.', '0', '-'};
        std::ostringstream s;
        s << (scientific ? 's' : 'p') << ',' << o.precision << ',' << o.unique << ',' << o.fractional << ','
          << trims[int(o.trim)] << ',' << o.sign << ',' << o.pad_left << ',' << o.pad_right << ','
          << o.exp_digits << ',' << o.min_digits;
        return s.str();
    }

    bool parse_options(const std::string& text, bool& scientific, float_format_options& o)
    {
        const auto f = split(text, ',');
        if (f.size() != 10)
            return false;
        scientific = f[0] == "s";
        o.precision = std::stoi(f[1]);
        o.unique = f[2] == "1";
        o.fractional = f[3] == "1";
        const std::string trims = "k.0-";
        o.trim = trim_mode(trims.find(f[4][0]));
        o.sign = f[5] == "1";
        o.pad_left = std::stoi(f[6]);
        o.pad_right = std::stoi(f[7]);
        o.exp_digits = std::stoi(f[8]);
        o.min_digits = std::stoi(f[9]);
        return true;
    }

    std::string format(double x, bool scientific, const float_format_options& o)
    {
        return scientific ? nl::py::format_float_scientific(x, o) : nl::py::format_float_positional(x, o);
    }

    // A random set of arguments NumPy accepts.
    float_format_options random_options(py_oracle::bits& g, bool scientific)
    {
        float_format_options o;
        o.unique = g.below(3) != 0;
        o.precision = o.unique && g.below(3) == 0 ? -1 : int(g.below(20));
        o.fractional = scientific || g.below(4) != 0;
        if (!o.fractional && o.precision == 0)
            o.precision = 1;
        o.trim = trim_mode(g.below(4));
        o.sign = g.below(4) == 0;
        o.pad_left = int(g.below(8)) - 1;
        o.pad_right = scientific ? -1 : int(g.below(24)) - 1;
        o.exp_digits = scientific ? int(g.below(6)) - 1 : -1;
        if (g.below(3) == 0)
            o.min_digits = o.precision >= 0 ? int(g.below(std::uint64_t(o.precision) + 1)) : int(g.below(20));
        return o;
    }

    const char* repr_script = R"(import sys, struct
import numpy as np
out = []
for line in sys.stdin:
    x = struct.unpack('<d', struct.pack('<Q', int(line, 16)))[0]
    out.append(repr(x) + ' ' + str(np.float64(x)))
sys.stdout.write('\n'.join(out) + '\n')
)";

    const char* format_script = R"(import sys, struct
import numpy as np
out = []
for line in sys.stdin:
    h, o = line.split()
    x = struct.unpack('<d', struct.pack('<Q', int(h, 16)))[0]
    kind, prec, uniq, frac, trim, sign, pl, pr, ed, md = o.split(',')
    none = lambda v: None if int(v) < 0 else int(v)
    if kind == 's':
        s = np.format_float_scientific(x, precision=none(prec), unique=uniq == '1', trim=trim,
                                       sign=sign == '1', pad_left=none(pl), exp_digits=none(ed),
                                       min_digits=none(md))
    else:
        s = np.format_float_positional(x, precision=none(prec), unique=uniq == '1',
                                       fractional=frac == '1', trim=trim, sign=sign == '1',
                                       pad_left=none(pl), pad_right=none(pr), min_digits=none(md))
    out.append(s)
sys.stdout.write('\n'.join(out) + '\n')
)";
}

TEST_CASE("float_repr and NumPy's float64 str on hand-picked values", "[float_repr]")
{
    using nl::py::float_repr;
    CHECK(float_repr(0.0) == "0.0");
    CHECK(float_repr(-0.0) == "-0.0");
    CHECK(float_repr(HUGE_VAL) == "inf");
    CHECK(float_repr(-HUGE_VAL) == "-inf");
    CHECK(float_repr(std::nan("")) == "nan");
    CHECK(float_repr(-std::nan("")) == "nan");
    CHECK(float_repr(0.1) == "0.1");
    CHECK(float_repr(1.0 / 3) == "0.3333333333333333");
    CHECK(float_repr(1e16) == "1e+16");
    CHECK(float_repr(9999999999999998.0) == "9999999999999998.0");
    CHECK(float_repr(1e-4) == "0.0001");
    CHECK(float_repr(1e-5) == "1e-05");
    CHECK(float_repr(1e23) == "1e+23");
    CHECK(float_repr(5e-324) == "5e-324");
    CHECK(float_repr(1.7976931348623157e308) == "1.7976931348623157e+308");
    CHECK(float_repr(123456789012345680.0) == "1.2345678901234568e+17");
    CHECK(nl::py::numpy_float64_str(-0.0) == "-0.0");
    CHECK(nl::py::numpy_float64_str(1e16) == "1e+16");
    CHECK(nl::py::numpy_float64_str(HUGE_VAL) == "inf");
}

TEST_CASE("float_repr equals CPython's repr on 10^6 random doubles", "[float_repr][oracle]")
{
    if (!py_oracle::available())
    {
        WARN("/usr/bin/python3 with NumPy is not available: only the committed sample is checked");
        return;
    }
    constexpr int count = 1000000;
    py_oracle::bits g(20240611);
    std::vector<double> values(count);
    std::string input;
    input.reserve(count * 17);
    for (auto& x : values)
    {
        x = mixed_double(g);
        input += py_oracle::hex(py_oracle::to_bits(x)) + '\n';
    }
    const auto expected = py_oracle::run(repr_script, input);
    REQUIRE(expected.size() == values.size());
    int repr_failures = 0, str_failures = 0;
    for (int i = 0; i < count; ++i)
    {
        const std::string& line = expected[i];
        const auto space = line.find(' ');
        const std::string repr = nl::py::float_repr(values[i]), str = nl::py::numpy_float64_str(values[i]);
        if (repr != line.substr(0, space) && ++repr_failures <= 10)
            FAIL_CHECK(py_oracle::hex(py_oracle::to_bits(values[i])) << ": repr " << repr << " vs CPython " << line.substr(0, space));
        if (str != line.substr(space + 1) && ++str_failures <= 10)
            FAIL_CHECK(py_oracle::hex(py_oracle::to_bits(values[i])) << ": str " << str << " vs NumPy " << line.substr(space + 1));
    }
    CHECK(repr_failures == 0);
    CHECK(str_failures == 0);
}

TEST_CASE("format_float_positional and _scientific equal NumPy's on 2x10^5 random calls",
          "[float_repr][oracle]")
{
    if (!py_oracle::available())
    {
        WARN("/usr/bin/python3 with NumPy is not available: only the committed sample is checked");
        return;
    }
    constexpr int count = 200000;
    py_oracle::bits g(7);
    struct call
    {
        double x;
        bool scientific;
        float_format_options options;
    };
    std::vector<call> calls(count);
    std::string input;
    for (auto& c : calls)
    {
        c.x = mixed_double(g);
        c.scientific = g.below(2) == 0;
        c.options = random_options(g, c.scientific);
        input += py_oracle::hex(py_oracle::to_bits(c.x)) + ' ' + options_text(c.scientific, c.options) + '\n';
    }
    const auto expected = py_oracle::run(format_script, input);
    REQUIRE(expected.size() == calls.size());
    int failures = 0;
    for (int i = 0; i < count; ++i)
    {
        const std::string got = format(calls[i].x, calls[i].scientific, calls[i].options);
        if (got != expected[i] && ++failures <= 10)
            FAIL_CHECK(py_oracle::hex(py_oracle::to_bits(calls[i].x))
                       << ' ' << options_text(calls[i].scientific, calls[i].options) << ": '" << got
                       << "' vs NumPy '" << expected[i] << "'");
    }
    CHECK(failures == 0);
}

TEST_CASE("the committed samples: repr, NumPy str and format options", "[float_repr]")
{
    const auto repr_lines = lines_of(py_oracle::read_file(NL_PY_PRINT_DIR "/float_repr_sample.txt"));
    REQUIRE(repr_lines.size() >= 10000);
    int failures = 0;
    for (const auto& line : repr_lines)
    {
        const auto f = split(line, ' ');
        REQUIRE(f.size() == 3);
        const double x = py_oracle::from_bits(std::stoull(f[0], nullptr, 16));
        if ((nl::py::float_repr(x) != f[1] || nl::py::numpy_float64_str(x) != f[2]) && ++failures <= 10)
            FAIL_CHECK(line << ": got " << nl::py::float_repr(x) << ' ' << nl::py::numpy_float64_str(x));
    }
    CHECK(failures == 0);

    const auto format_lines = lines_of(py_oracle::read_file(NL_PY_PRINT_DIR "/float_format_sample.txt"));
    REQUIRE(format_lines.size() >= 2000);
    failures = 0;
    for (const auto& line : format_lines)
    {
        const auto f = split(line, '|');
        REQUIRE(f.size() == 3);
        bool scientific = false;
        float_format_options o;
        REQUIRE(parse_options(f[1], scientific, o));
        const std::string got = format(py_oracle::from_bits(std::stoull(f[0], nullptr, 16)), scientific, o);
        if (got != f[2] && ++failures <= 10)
            FAIL_CHECK(line << ": got '" << got << "'");
    }
    CHECK(failures == 0);
}
