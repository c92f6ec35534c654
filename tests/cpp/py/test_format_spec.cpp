// format(x, spec) for float, int and str against CPython 3.11: random specs
// from the mini-language's grammar (and some junk) on random values, compared
// with the live /usr/bin/python3 natively, and with the committed sample
// (tests/py_print/format_spec_sample.txt) in both builds.
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "print/format_spec.hpp"
#include "py_oracle.hpp"

namespace
{
    std::string to_hex(const std::string& s)
    {
        std::string out;
        char buf[3];
        for (const unsigned char c : s)
        {
            std::snprintf(buf, sizeof buf, "%02x", c);
            out += buf;
        }
        return out;
    }

    std::string from_hex(const std::string& h)
    {
        std::string out;
        for (std::size_t i = 0; i + 1 < h.size(); i += 2)
            out += static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16));
        return out;
    }

    std::string pick(py_oracle::bits& g, const std::vector<std::string>& options)
    {
        return options[g.below(options.size())];
    }

    // A spec from the grammar, mostly valid, sometimes not.
    std::string random_spec(py_oracle::bits& g)
    {
        if (g.below(40) == 0)
        {
            std::string junk;
            for (int n = int(g.below(5)); n > 0; --n)
                junk += pick(g, {"a", "q", "%", ".", ",", "_", "9", "<", "z", "#", "0", "\x01", "s", "é"});
            return junk;
        }
        std::string s;
        if (g.below(3) == 0)
        {
            if (g.below(2))
                s += pick(g, {" ", "*", "0", "é", "_", "x", "<"});
            s += pick(g, {"<", ">", "=", "^"});
        }
        if (g.below(3) == 0)
            s += pick(g, {"+", "-", " "});
        if (g.below(12) == 0)
            s += "z";
        if (g.below(6) == 0)
            s += "#";
        if (g.below(5) == 0)
            s += "0";
        if (g.below(2))
            s += std::to_string(g.below(25));
        if (g.below(5) == 0)
            s += pick(g, {",", "_"});
        if (g.below(2))
            s += "." + std::to_string(g.below(20));
        if (g.below(5) != 0)
            s += pick(g, {"e", "E", "f", "F", "g", "G", "n", "%", "b", "c", "d", "o", "x", "X", "s", "r"});
        return s;
    }

    std::string random_int(py_oracle::bits& g)
    {
        std::string digits;
        switch (g.below(4))
        {
            case 0: digits = std::to_string(g.below(100)); break;
            case 1: digits = std::to_string(g.next() >> g.below(64)); break;
            case 2:
                for (int n = 1 + int(g.below(400)); n > 0; --n)
                    digits += static_cast<char>('0' + g.below(10));
                break;
            default: digits = std::to_string(g.below(0x110000)); break;
        }
        while (digits.size() > 1 && digits[0] == '0')
            digits.erase(0, 1);
        return (g.below(3) == 0 && digits != "0" ? "-" : "") + digits;
    }

    double random_float(py_oracle::bits& g)
    {
        static const double specials[] = {0.0, -0.0, 0.5, 2.5, 0.125, 1e16, 1e-5, 123.456, 1e300, 5e-324,
                                          HUGE_VAL, -HUGE_VAL, std::nan("")};
        double x;
        switch (g.below(4))
        {
            case 0: x = specials[g.below(13)]; break;
            case 1:
            {
                std::uint64_t b = g.next();
                if ((b & 0x7ff0000000000000ull) == 0x7ff0000000000000ull)
                    b ^= 1ull << 62;
                x = py_oracle::from_bits(b);
                break;
            }
            case 2: x = double(g.below(2000000)) / std::pow(10.0, double(g.below(9))); break;
            default: x = double(g.next() >> 11) / 9007199254740992.0 * std::pow(10.0, double(g.below(30)) - 10); break;
        }
        return g.below(3) == 0 ? -x : x;
    }

    // A case line: "<f|i|s> <value> <spec as hex>", value as float bits, decimal
    // or hex UTF-8.
    struct format_case
    {
        char kind;
        std::string value, spec;
    };

    std::string run_case(const format_case& c)
    {
        nl::py::format_outcome r;
        if (c.kind == 'f')
            r = nl::py::format_float(py_oracle::from_bits(std::stoull(c.value, nullptr, 16)), c.spec);
        else if (c.kind == 'i')
            r = nl::py::format_int(c.value, c.spec);
        else
            r = nl::py::format_str(from_hex(c.value), c.spec);
        // Backslashes and newlines escaped, as the script writes them (a 'c'
        // format can make a newline).
        std::string text = r.ok() ? "=" + r.text : "!" + r.error_type + ": " + r.message, out;
        for (const char ch : text)
            out += ch == '\\' ? std::string("\\\\") : ch == '\n' ? std::string("\\n") : std::string(1, ch);
        return out;
    }

    const char* script = R"(import sys, struct
out = []
for line in sys.stdin:
    kind, value, spec = line.split()
    spec = bytes.fromhex(spec[1:]).decode()
    if kind == 'f':
        v = struct.unpack('<d', struct.pack('<Q', int(value, 16)))[0]
    elif kind == 'i':
        v = int(value)
    else:
        v = bytes.fromhex(value[1:]).decode()
    try:
        out.append('=' + format(v, spec))
    except Exception as e:
        out.append('!' + type(e).__name__ + ': ' + str(e))
sys.stdout.write('\n'.join(o.replace('\\', '\\\\').replace('\n', '\\n') for o in out) + '\n')
)";
}

TEST_CASE("format specs on hand-picked values", "[format_spec]")
{
    CHECK(nl::py::format_float(3.14159, ".3f").text == "3.142");
    CHECK(nl::py::format_float(2.5, ">8").text == "     2.5");
    CHECK(nl::py::format_float(0.5, "+.2f").text == "+0.50");
    CHECK(nl::py::format_float(1234567.891, ",.2f").text == "1,234,567.89");
    CHECK(nl::py::format_float(0.256, ".1%").text == "25.6%");
    CHECK(nl::py::format_float(12345.678, "e").text == "1.234568e+04");
    CHECK(nl::py::format_float(0.0001234, "g").text == "0.0001234");
    CHECK(nl::py::format_int("1234567", ",").text == "1,234,567");
    CHECK(nl::py::format_int("255", "#x").text == "0xff");
    CHECK(nl::py::format_int("-42", "08d").text == "-0000042");
    CHECK(nl::py::format_str("ab", "^6").text == "  ab  ");
    const auto bad = nl::py::format_float(1.5, "q");
    CHECK(bad.error_type == "ValueError");
    CHECK(bad.message == "Unknown format code 'q' for object of type 'float'");
}

TEST_CASE("format specs equal CPython's on 3x10^5 random cases", "[format_spec][oracle]")
{
    if (!py_oracle::available())
    {
        WARN("/usr/bin/python3 is not available: only the committed sample is checked");
        return;
    }
    constexpr int count = 300000;
    py_oracle::bits g(99);
    std::vector<format_case> cases(count);
    std::string input;
    for (auto& c : cases)
    {
        switch (g.below(3))
        {
            case 0: c.kind = 'f'; c.value = py_oracle::hex(py_oracle::to_bits(random_float(g))); break;
            case 1: c.kind = 'i'; c.value = random_int(g); break;
            default:
                c.kind = 's';
                c.value = to_hex(pick(g, {"", "a", "ab", "hello", "héllo wörld", "tab\tx", "0123456789"}));
                break;
        }
        c.spec = random_spec(g);
        input += std::string(1, c.kind) + ' ' + (c.kind == 's' ? "x" : "") + c.value + " x" + to_hex(c.spec) + '\n';
    }
    const auto expected = py_oracle::run(script, input);
    REQUIRE(expected.size() == cases.size());
    int failures = 0;
    for (int i = 0; i < count; ++i)
    {
        const std::string got = run_case(cases[i]);
        if (got != expected[i] && ++failures <= 15)
            FAIL_CHECK(cases[i].kind << ' ' << cases[i].value << " spec '" << cases[i].spec << "': got '" << got
                                     << "' vs CPython '" << expected[i] << "'");
    }
    CHECK(failures == 0);
}

TEST_CASE("the committed format-spec sample", "[format_spec]")
{
    std::istringstream in(py_oracle::read_file(NL_PY_PRINT_DIR "/format_spec_sample.txt"));
    int checked = 0, failures = 0;
    for (std::string line; std::getline(in, line); ++checked)
    {
        // "<kind> <value> <spec hex>\t<expected>"
        const auto tab = line.find('\t');
        std::istringstream fields(line.substr(0, tab));
        format_case c;
        std::string spec_hex;
        fields >> c.kind >> c.value >> spec_hex;
        c.spec = from_hex(spec_hex.substr(1));
        if (c.kind == 's')
            c.value = c.value.substr(1);
        const std::string got = run_case(c);
        if (got != line.substr(tab + 1) && ++failures <= 10)
            FAIL_CHECK(line << ": got '" << got << "'");
    }
    CHECK(checked >= 3000);
    CHECK(failures == 0);
}
