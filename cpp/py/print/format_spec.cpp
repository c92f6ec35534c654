#include "format_spec.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "float_repr.hpp"

namespace nl::py
{
    namespace
    {
        // Widths past this are refused as Python would fail to allocate them.
        constexpr long long max_width = 100000000;

        format_outcome failure(const char* type, std::string message)
        {
            format_outcome out;
            out.error_type = type;
            out.message = std::move(message);
            return out;
        }

        format_outcome success(std::string text)
        {
            format_outcome out;
            out.text = std::move(text);
            return out;
        }

        // The code points of a UTF-8 string, each as its own UTF-8 bytes.
        std::vector<std::string> code_points(std::string_view s)
        {
            std::vector<std::string> out;
            for (std::size_t i = 0; i < s.size();)
            {
                const unsigned char c = static_cast<unsigned char>(s[i]);
                std::size_t n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
                n = std::min(n, s.size() - i);
                out.emplace_back(s.substr(i, n));
                i += n;
            }
            return out;
        }

        std::uint32_t code_point_value(const std::string& cp)
        {
            const auto* b = reinterpret_cast<const unsigned char*>(cp.data());
            switch (cp.size())
            {
                case 1: return b[0];
                case 2: return ((b[0] & 0x1fu) << 6) | (b[1] & 0x3fu);
                case 3: return ((b[0] & 0x0fu) << 12) | ((b[1] & 0x3fu) << 6) | (b[2] & 0x3fu);
                default: return ((b[0] & 0x07u) << 18) | ((b[1] & 0x3fu) << 12) | ((b[2] & 0x3fu) << 6) | (b[3] & 0x3fu);
            }
        }

        std::string utf8(std::uint32_t c)
        {
            std::string s;
            if (c < 0x80)
                s += static_cast<char>(c);
            else if (c < 0x800)
            {
                s += static_cast<char>(0xc0 | (c >> 6));
                s += static_cast<char>(0x80 | (c & 0x3f));
            }
            else if (c < 0x10000)
            {
                s += static_cast<char>(0xe0 | (c >> 12));
                s += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
                s += static_cast<char>(0x80 | (c & 0x3f));
            }
            else
            {
                s += static_cast<char>(0xf0 | (c >> 18));
                s += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
                s += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
                s += static_cast<char>(0x80 | (c & 0x3f));
            }
            return s;
        }

        // A presentation type as CPython's messages show it: 'f', or '\x1'.
        std::string type_text(std::uint32_t type)
        {
            if (type > 32 && type < 128)
                return std::string(1, static_cast<char>(type));
            char buf[16];
            std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(type));
            return buf;
        }

        struct spec
        {
            std::string fill = " ";
            char align = 0;
            char sign = 0;
            bool no_negative_zero = false;  // 'z'
            bool alternate = false;         // '#'
            long long width = -1;
            char grouping = 0;              // ',' or '_'
            int group_size = 3;             // 4 for '_' with b, o, x, X
            long long precision = -1;
            std::uint32_t type = 0;
        };

        bool is_align(const std::string& cp) { return cp == "<" || cp == ">" || cp == "=" || cp == "^"; }

        // CPython's parse_internal_render_format_spec.
        format_outcome parse(std::string_view text, std::uint32_t default_type, char default_align,
                             const char* type_name, spec& f)
        {
            const std::vector<std::string> cps = code_points(text);
            const std::size_t end = cps.size();
            std::size_t pos = 0;
            bool fill_specified = false, align_specified = false;
            f.align = default_align;
            f.type = default_type;
            if (end >= 2 && is_align(cps[1]))
            {
                f.fill = cps[0];
                f.align = cps[1][0];
                fill_specified = align_specified = true;
                pos = 2;
            }
            else if (end >= 1 && is_align(cps[0]))
            {
                f.align = cps[0][0];
                align_specified = true;
                pos = 1;
            }
            if (pos < end && (cps[pos] == "+" || cps[pos] == "-" || cps[pos] == " "))
                f.sign = cps[pos++][0];
            if (pos < end && cps[pos] == "z")
            {
                f.no_negative_zero = true;
                ++pos;
            }
            if (pos < end && cps[pos] == "#")
            {
                f.alternate = true;
                ++pos;
            }
            if (!fill_specified && pos < end && cps[pos] == "0")
            {
                f.fill = "0";
                if (!align_specified && default_align == '>')
                    f.align = '=';
                ++pos;
            }
            const auto integer = [&](long long& value) -> int
            {
                int digits = 0;
                long long v = 0;
                for (; pos < end && cps[pos].size() == 1 && cps[pos][0] >= '0' && cps[pos][0] <= '9'; ++pos, ++digits)
                {
                    const int d = cps[pos][0] - '0';
                    if (v > (INT64_MAX - d) / 10)
                        return -1;
                    v = v * 10 + d;
                }
                value = v;
                return digits;
            };
            const int width_digits = integer(f.width);
            if (width_digits < 0)
                return failure("ValueError", "Too many decimal digits in format string");
            if (width_digits == 0)
                f.width = -1;
            if (pos < end && cps[pos] == ",")
            {
                f.grouping = ',';
                ++pos;
            }
            if (pos < end && cps[pos] == "_")
            {
                if (f.grouping)
                    return failure("ValueError", "Cannot specify both ',' and '_'.");
                f.grouping = '_';
                ++pos;
            }
            if (pos < end && cps[pos] == "," && f.grouping == '_')
                return failure("ValueError", "Cannot specify both ',' and '_'.");
            if (pos < end && cps[pos] == ".")
            {
                ++pos;
                const int digits = integer(f.precision);
                if (digits < 0)
                    return failure("ValueError", "Too many decimal digits in format string");
                if (digits == 0)
                    return failure("ValueError", "Format specifier missing precision");
            }
            if (end - pos > 1)
                return failure("ValueError", "Invalid format specifier '" + std::string(text) + "' for object of type '" +
                                                 type_name + "'");
            if (end - pos == 1)
                f.type = code_point_value(cps[pos]);
            if (f.grouping)
            {
                switch (f.type)
                {
                    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
                        break;
                    case 'b': case 'o': case 'x': case 'X':
                        if (f.grouping == '_')
                        {
                            f.group_size = 4;
                            break;
                        }
                        [[fallthrough]];
                    default:
                        return failure("ValueError", std::string("Cannot specify '") + f.grouping + "' with '" +
                                                         type_text(f.type) + "'.");
                }
            }
            if (f.width > max_width || f.precision > max_width)
                return failure("MemoryError", "");
            return success("");
        }

        // CPython's _PyUnicode_InsertThousandsGrouping: groups `digits` from the
        // right, and pads with zeros (grouped too) up to min_width characters.
        std::string group(const std::string& digits, long long min_width, char separator, int size)
        {
            std::vector<std::string> parts;  // right to left
            long long remaining = static_cast<long long>(digits.size());
            bool broke = false, use_separator = false;
            std::size_t taken = 0;
            const auto take = [&](long long l)
            {
                const long long zeros = std::max(0LL, l - remaining), chars = std::max(0LL, std::min(remaining, l));
                std::string part(static_cast<std::size_t>(zeros), '0');
                part += digits.substr(digits.size() - taken - static_cast<std::size_t>(chars), static_cast<std::size_t>(chars));
                taken += static_cast<std::size_t>(chars);
                parts.push_back(part);
                remaining -= chars;
            };
            if (separator)
            {
                for (;;)
                {
                    const long long l = std::min<long long>(size, std::max({remaining, min_width, 1LL}));
                    take(l);
                    use_separator = true;
                    min_width -= l;
                    if (remaining <= 0 && min_width <= 0)
                    {
                        broke = true;
                        break;
                    }
                    min_width -= 1;  // the separator's width
                }
            }
            if (!broke)
                take(std::max({remaining, min_width, 1LL}));
            (void)use_separator;
            std::string out;
            for (auto it = parts.rbegin(); it != parts.rend(); ++it)
            {
                if (it != parts.rbegin())
                    out += separator;
                out += *it;
            }
            return out;
        }

        // CPython's calc_number_widths + fill_number: sign, prefix, padding and
        // the grouped integer digits, then the rest (".5e+10%") as it is.
        std::string layout_number(bool negative, const std::string& prefix, const std::string& digits,
                                  const std::string& remainder, const spec& f, bool no_grouping = false)
        {
            std::string sign;
            if (f.sign == '+')
                sign = negative ? "-" : "+";
            else if (f.sign == ' ')
                sign = negative ? "-" : " ";
            else if (negative)
                sign = "-";
            const long long fixed = static_cast<long long>(sign.size() + prefix.size() + code_points(remainder).size());
            const long long min_width = f.fill == "0" && f.align == '=' ? f.width - fixed : 0;
            const char separator = no_grouping ? 0 : f.grouping;
            const std::string grouped = digits.empty() ? std::string() : group(digits, min_width, separator, f.group_size);
            const long long padding = f.width - (fixed + static_cast<long long>(grouped.size()));
            long long left = 0, inner = 0, right = 0;
            if (padding > 0)
            {
                switch (f.align)
                {
                    case '<': right = padding; break;
                    case '^': left = padding / 2; right = padding - left; break;
                    case '=': inner = padding; break;
                    default: left = padding; break;
                }
            }
            std::string out;
            const auto fill = [&](long long n)
            {
                for (long long i = 0; i < n; ++i)
                    out += f.fill;
            };
            fill(left);
            out += sign + prefix;
            fill(inner);
            out += grouped + remainder;
            fill(right);
            return out;
        }

        // PyOS_double_to_string(x, type, precision, flags) for finite and
        // non-finite x; type is one of e f g r (upper: use capitals).
        std::string double_to_string(double x, char type, int precision, bool upper, bool alternate, bool add_dot_0,
                                     bool no_negative_zero)
        {
            if (std::isnan(x))
                return upper ? "NAN" : "nan";
            if (std::isinf(x))
                return std::string(x < 0 ? "-" : "") + (upper ? "INF" : "inf");

            decimal_digits d;
            const double a = std::fabs(x);
            switch (type)
            {
                case 'e': d = dragon4_digits(a, false, cutoff_mode::total_length, precision + 1); break;
                case 'f': d = dragon4_digits(a, false, cutoff_mode::fraction_length, precision); break;
                case 'g': d = dragon4_digits(a, false, cutoff_mode::total_length, precision == 0 ? 1 : precision); break;
                default: d = dragon4_digits(a, true, cutoff_mode::total_length, -1); break;
            }
            // dtoa's digit strings: no trailing zeros, and zero as "0" at 10^0.
            while (d.digits.size() > 1 && d.digits.back() == '0')
                d.digits.pop_back();
            if (d.digits == "0")
                d.exponent = 0;
            const std::string& digits = d.digits;
            const long long n = static_cast<long long>(digits.size());
            long long decpt = d.exponent + 1;
            if (type == 'g' && precision == 0)
                precision = 1;

            bool use_exp = false;
            long long vend = n;
            switch (type)
            {
                case 'e': use_exp = true; vend = precision + 1; break;
                case 'f': vend = decpt + precision; break;
                case 'g':
                    use_exp = decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision);
                    if (alternate)
                        vend = precision;
                    break;
                default: use_exp = decpt <= -4 || decpt > 16; break;
            }
            long long exponent = 0;
            if (use_exp)
            {
                exponent = decpt - 1;
                decpt = 1;
            }
            const long long vstart = decpt <= 0 ? decpt - 1 : 0;
            vend = !use_exp && add_dot_0 ? std::max(vend, decpt + 1) : std::max(vend, decpt);

            std::string out;
            if (std::signbit(x) && !(no_negative_zero && digits == "0"))
                out += '-';
            for (long long i = vstart; i < vend; ++i)
            {
                if (i == decpt)
                    out += '.';
                out += i >= 0 && i < n ? digits[static_cast<std::size_t>(i)] : '0';
            }
            if (decpt == vend)
                out += '.';
            if (out.back() == '.' && !alternate)
                out.pop_back();
            if (use_exp)
            {
                char buf[16];
                std::snprintf(buf, sizeof buf, "%c%+.02lld", upper ? 'E' : 'e', exponent);
                out += buf;
            }
            return out;
        }

        format_outcome format_float_spec(double x, const spec& f, const char* type_name)
        {
            std::uint32_t type = f.type;
            switch (type)
            {
                case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': break;
                default:
                    return failure("ValueError", "Unknown format code '" + type_text(type) + "' for object of type '" +
                                                     type_name + "'");
            }
            if (f.precision > 2147483647LL)
                return failure("ValueError", "precision too big");
            int precision = static_cast<int>(f.precision), default_precision = 6;
            bool add_dot_0 = false, percent = false;
            if (type == 0)
            {
                add_dot_0 = true;
                type = 'r';
                default_precision = 0;
            }
            if (type == 'n')
                type = 'g';
            if (type == '%')
            {
                type = 'f';
                x *= 100;
                percent = true;
            }
            if (precision < 0)
                precision = default_precision;
            else if (type == 'r')
                type = 'g';
            const bool upper = type == 'E' || type == 'F' || type == 'G';
            const char lower = static_cast<char>(upper ? type - 'A' + 'a' : type);
            std::string number = double_to_string(x, lower, precision, upper, f.alternate, add_dot_0, f.no_negative_zero);
            if (percent)
                number += '%';

            const bool negative = !number.empty() && number[0] == '-';
            const std::string body = negative ? number.substr(1) : number;
            std::size_t digits_end = 0;
            while (digits_end < body.size() && body[digits_end] >= '0' && body[digits_end] <= '9')
                ++digits_end;
            return success(layout_number(negative, "", body.substr(0, digits_end), body.substr(digits_end), f,
                                         f.type == 'n'));
        }

        // Decimal text to digits in base 2, 8 or 16 (no sign): repeated division
        // of base-10^9 limbs by the base.
        std::string to_base(const std::string& decimal, int base)
        {
            std::vector<std::uint32_t> limbs;  // most significant first, base 10^9
            const std::size_t first = decimal.size() % 9;
            for (std::size_t i = 0; i < decimal.size();)
            {
                const std::size_t len = i == 0 && first ? first : 9;
                limbs.push_back(static_cast<std::uint32_t>(std::stoul(decimal.substr(i, len))));
                i += len;
            }
            std::string out;
            const char* symbols = "0123456789abcdef";
            for (;;)
            {
                std::uint64_t rem = 0;
                bool nonzero = false;
                for (auto& l : limbs)
                {
                    const std::uint64_t cur = rem * 1000000000ull + l;
                    l = static_cast<std::uint32_t>(cur / static_cast<std::uint64_t>(base));
                    rem = cur % static_cast<std::uint64_t>(base);
                    nonzero = nonzero || l != 0;
                }
                out += symbols[rem];
                if (!nonzero)
                    break;
            }
            return std::string(out.rbegin(), out.rend());
        }
    }

    format_outcome format_float(double x, std::string_view text)
    {
        if (text.empty())
            return success(float_repr(x));
        spec f;
        format_outcome parsed = parse(text, 0, '>', "float", f);
        if (!parsed.ok())
            return parsed;
        return format_float_spec(x, f, "float");
    }

    format_outcome format_int(std::string_view decimal, std::string_view text)
    {
        const bool negative = !decimal.empty() && decimal[0] == '-';
        std::string magnitude(negative ? decimal.substr(1) : decimal);
        while (magnitude.size() > 1 && magnitude[0] == '0')
            magnitude.erase(0, 1);
        if (text.empty())
            return success((negative && magnitude != "0" ? "-" : "") + magnitude);
        spec f;
        format_outcome parsed = parse(text, 'd', '>', "int", f);
        if (!parsed.ok())
            return parsed;
        switch (f.type)
        {
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
            {
                errno = 0;
                const std::string full = (negative ? "-" : "") + magnitude;
                const double x = std::strtod(full.c_str(), nullptr);
                if (std::isinf(x))
                    return failure("OverflowError", "int too large to convert to float");
                return format_float_spec(x, f, "int");
            }
            case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': break;
            default:
                return failure("ValueError", "Unknown format code '" + type_text(f.type) + "' for object of type 'int'");
        }
        if (f.precision != -1)
            return failure("ValueError", "Precision not allowed in integer format specifier");
        if (f.no_negative_zero)
            return failure("ValueError", "Negative zero coercion (z) not allowed in integer format specifier");
        if (f.type == 'c')
        {
            if (f.sign)
                return failure("ValueError", "Sign not allowed with integer format specifier 'c'");
            if (f.alternate)
                return failure("ValueError", "Alternate form (#) not allowed with integer format specifier 'c'");
            // PyLong_AsLong first, then the code point range.
            const bool fits_long = magnitude.size() < 19 || (magnitude.size() == 19 && (magnitude < "9223372036854775807" ||
                                   magnitude == "9223372036854775807" || (negative && magnitude == "9223372036854775808")));
            if (!fits_long)
                return failure("OverflowError", "Python int too large to convert to C long");
            if ((negative && magnitude != "0") || magnitude.size() > 7 || std::stoul(magnitude) > 0x10ffff)
                return failure("OverflowError", "%c arg not in range(0x110000)");
            // The character counts as non-digit text: no grouping, no zero fill.
            return success(layout_number(false, "", "", utf8(static_cast<std::uint32_t>(std::stoul(magnitude))), f));
        }
        std::string digits = magnitude, prefix;
        switch (f.type)
        {
            case 'b': digits = to_base(magnitude, 2); prefix = "0b"; break;
            case 'o': digits = to_base(magnitude, 8); prefix = "0o"; break;
            case 'x': digits = to_base(magnitude, 16); prefix = "0x"; break;
            case 'X':
                digits = to_base(magnitude, 16);
                for (auto& c : digits)
                    c = static_cast<char>(c >= 'a' ? c - 'a' + 'A' : c);
                prefix = "0X";
                break;
            default: break;
        }
        if (!f.alternate)
            prefix.clear();
        return success(layout_number(negative && magnitude != "0", prefix, digits, "", f, f.type == 'n'));
    }

    format_outcome format_str(std::string_view s, std::string_view text)
    {
        if (text.empty())
            return success(std::string(s));
        spec f;
        format_outcome parsed = parse(text, 's', '<', "str", f);
        if (!parsed.ok())
            return parsed;
        if (f.type != 's')
            return failure("ValueError", "Unknown format code '" + type_text(f.type) + "' for object of type 'str'");
        if (f.sign)
            return failure("ValueError", f.sign == ' ' ? "Space not allowed in string format specifier"
                                                       : "Sign not allowed in string format specifier");
        if (f.no_negative_zero)
            return failure("ValueError", "Negative zero coercion (z) not allowed in string format specifier");
        if (f.alternate)
            return failure("ValueError", "Alternate form (#) not allowed in string format specifier");
        if (f.align == '=')
            return failure("ValueError", "'=' alignment not allowed in string format specifier");
        std::vector<std::string> cps = code_points(s);
        if (f.precision >= 0 && static_cast<long long>(cps.size()) > f.precision)
            cps.resize(static_cast<std::size_t>(f.precision));
        const long long len = static_cast<long long>(cps.size());
        const long long total = std::max(len, f.width);
        const long long left = f.align == '>' ? total - len : f.align == '^' ? (total - len) / 2 : 0;
        const long long right = total - len - left;
        std::string out;
        for (long long i = 0; i < left; ++i)
            out += f.fill;
        for (const auto& cp : cps)
            out += cp;
        for (long long i = 0; i < right; ++i)
            out += f.fill;
        return success(out);
    }
}
