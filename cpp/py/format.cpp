// String formatting: format(x, spec) and f"{x:spec}" (through the format-spec
// functions of print/format_spec.hpp), str.format, and printf-style "%" formatting.
#include <cmath>
#include <cstdio>
#include <functional>

#include "print/format_spec.hpp"
#include "vm.hpp"

namespace nl::py
{
    namespace
    {
        /// A decimal number from digits, saturating (a huge index or width is an
        /// error later, never an exception here).
        std::size_t small_number(std::string_view digits)
        {
            std::size_t n = 0;
            for (char c : digits)
            {
                if (c < '0' || c > '9')
                    break;
                n = n > (std::size_t(1) << 40) ? n : n * 10 + std::size_t(c - '0');
            }
            return n;
        }

        /// The largest number written in a format spec (its width or precision):
        /// the text it asks for must fit in memory.
        std::size_t largest_number(std::string_view spec)
        {
            std::size_t best = 0;
            for (std::size_t i = 0; i < spec.size(); ++i)
                if (spec[i] >= '0' && spec[i] <= '9' && (i == 0 || spec[i - 1] < '0' || spec[i - 1] > '9'))
                    best = std::max(best, small_number(spec.substr(i)));
            return best;
        }

        Value outcome_value(Vm& vm, format_outcome&& r)
        {
            if (r.ok())
                return vm.new_str(std::move(r.text));
            if (r.error_type == "OverflowError")
                return vm.raise_overflow(r.message);
            if (r.error_type == "TypeError")
                return vm.raise_type_error(r.message);
            return vm.raise_value_error(r.message);
        }
    }

    Value Vm::format(Value v, std::string_view spec)
    {
        if (const std::size_t n = largest_number(spec); n > 4096 && (!reserve_bytes(n) || !charge(n / 16)))
            return Value::error();
        if (Str* s = v.get<Str>())
        {
            if (spec.empty())
                return v;
            return outcome_value(*this, format_str(s->text, spec));
        }
        if (v.is_bool() && spec.empty())
            return new_str(v.b ? "True" : "False");
        if (v.is_small_int() || v.get<BigIntObj>())
        {
            std::string digits;
            if (v.is_small_int())
                digits = std::to_string(v.small_int());
            else
                digits = v.as<BigIntObj>()->value.to_string();
            if (spec.empty())
            {
                if (v.get<BigIntObj>())
                {
                    std::string checked;
                    if (!int_to_string(v, checked))
                        return Value::error();
                }
                return new_str(std::move(digits));
            }
            return outcome_value(*this, format_int(digits, spec));
        }
        if (v.is_float())
        {
            if (spec.empty())
                return new_str(float_repr(v.f));
            return outcome_value(*this, format_float(v.f, spec));
        }
        if (NativeObject* n = v.get<NativeObject>(); n && n->type->hooks.format)
            return n->type->hooks.format(*this, v, spec);
        if (spec.empty())
            return str_value(v);
        return raise_type_error("unsupported format string passed to " + type_name(v) + ".__format__");
    }

    // -------------------------------------------------------------------- str.format

    Value Vm::str_format(const std::string& fmt, Call& call)
    {
        std::string out;
        std::size_t i = 0;
        int auto_index = 0;
        enum
        {
            unknown,
            automatic,
            manual
        } numbering = unknown;
        // One replacement field {name!conv:spec}; `depth` allows one nested level in specs.
        std::function<bool(std::string_view, std::string&, int)> expand;
        auto field = [&](std::string_view text, std::string& dst, int depth) -> bool
        {
            // Split name, conversion and spec (brackets in the name may hold ':' or '!').
            std::size_t k = 0;
            int bracket = 0;
            while (k < text.size())
            {
                const char c = text[k];
                if (c == '[')
                    ++bracket;
                else if (c == ']')
                    --bracket;
                else if (bracket == 0 && (c == ':' || c == '!'))
                    break;
                ++k;
            }
            const std::string_view name = text.substr(0, k);
            char conv = 0;
            std::string_view spec;
            if (k < text.size() && text[k] == '!')
            {
                if (k + 1 >= text.size())
                {
                    raise_value_error("end of string while looking for conversion specifier");
                    return false;
                }
                conv = text[k + 1];
                k += 2;
                if (k < text.size() && text[k] != ':')
                {
                    raise_value_error("expected ':' after conversion specifier");
                    return false;
                }
            }
            if (k < text.size() && text[k] == ':')
                spec = text.substr(k + 1);
            // The argument: index or keyword, then .attr and [key] parts.
            std::size_t p = 0;
            while (p < name.size() && name[p] != '.' && name[p] != '[')
                ++p;
            const std::string_view first = name.substr(0, p);
            Value v;
            bool is_number = !first.empty();
            for (char c : first)
                is_number = is_number && c >= '0' && c <= '9';
            if (first.empty() || is_number)
            {
                std::size_t index;
                if (first.empty())
                {
                    if (numbering == manual)
                    {
                        raise_value_error("cannot switch from manual field specification to automatic field numbering");
                        return false;
                    }
                    numbering = automatic;
                    index = std::size_t(auto_index++);
                }
                else
                {
                    if (numbering == automatic)
                    {
                        raise_value_error("cannot switch from automatic field numbering to manual field specification");
                        return false;
                    }
                    numbering = manual;
                    if (first.size() > 18)
                    {
                        raise_value_error("Too many decimal digits in format string");
                        return false;
                    }
                    index = small_number(first);
                }
                if (index >= call.size())
                {
                    raise_index_error("Replacement index " + std::to_string(index) +
                                      " out of range for positional args tuple");
                    return false;
                }
                v = call[index];
            }
            else
            {
                v = call.kw(first);
                if (v.is_undefined())
                {
                    raise_key_error(new_str(std::string(first)));
                    return false;
                }
            }
            while (p < name.size())
            {
                if (name[p] == '.')
                {
                    std::size_t e = p + 1;
                    while (e < name.size() && name[e] != '.' && name[e] != '[')
                        ++e;
                    v = getattr(v, intern(name.substr(p + 1, e - p - 1)));
                    if (v.is_error())
                        return false;
                    p = e;
                }
                else
                {
                    const std::size_t e = name.find(']', p);
                    if (e == std::string_view::npos)
                    {
                        raise_value_error("Missing ']' in format string");
                        return false;
                    }
                    const std::string_view key = name.substr(p + 1, e - p - 1);
                    bool digits = !key.empty();
                    for (char c : key)
                        digits = digits && c >= '0' && c <= '9';
                    const Value kv = digits ? Value::from_int(std::int64_t(small_number(key))) : new_str(std::string(key));
                    v = getitem(v, kv);
                    if (v.is_error())
                        return false;
                    p = e + 1;
                }
            }
            if (conv == 'r' || conv == 'a')
                v = repr_value(v);
            else if (conv == 's')
                v = str_value(v);
            else if (conv != 0)
            {
                raise_value_error(std::string("Unknown conversion specifier ") + conv);
                return false;
            }
            if (v.is_error())
                return false;
            std::string spec_text;
            if (spec.find('{') != std::string_view::npos)
            {
                if (depth >= 1)
                {
                    raise_value_error("Max string recursion exceeded");
                    return false;
                }
                if (!expand(spec, spec_text, depth + 1))
                    return false;
            }
            else
                spec_text = std::string(spec);
            const Value r = format(v, spec_text);
            if (r.is_error())
                return false;
            dst += r.as<Str>()->text;
            return true;
        };
        expand = [&](std::string_view text, std::string& dst, int depth) -> bool
        {
            std::size_t j = 0;
            while (j < text.size())
            {
                const char c = text[j];
                if (c == '{')
                {
                    if (j + 1 < text.size() && text[j + 1] == '{')
                    {
                        dst += '{';
                        j += 2;
                        continue;
                    }
                    // Find the matching '}'.
                    int level = 1;
                    std::size_t e = j + 1;
                    while (e < text.size() && level > 0)
                    {
                        if (text[e] == '{')
                            ++level;
                        else if (text[e] == '}')
                            --level;
                        if (level > 0)
                            ++e;
                    }
                    if (e >= text.size())
                    {
                        raise_value_error(level > 0 && text.find('}', j) == std::string_view::npos && e - j == 1
                                              ? "Single '{' encountered in format string"
                                              : "expected '}' before end of string");
                        return false;
                    }
                    if (!field(text.substr(j + 1, e - j - 1), dst, depth))
                        return false;
                    j = e + 1;
                    continue;
                }
                if (c == '}')
                {
                    if (j + 1 < text.size() && text[j + 1] == '}')
                    {
                        dst += '}';
                        j += 2;
                        continue;
                    }
                    raise_value_error("Single '}' encountered in format string");
                    return false;
                }
                dst += c;
                ++j;
            }
            return true;
        };
        (void)i;
        if (!expand(fmt, out, 0))
            return Value::error();
        return new_str(std::move(out));
    }

    // -------------------------------------------------------------------- printf-style

    Value Vm::percent_format(const std::string& fmt, Value args)
    {
        std::vector<Value> items;
        Dict* mapping = args.get<Dict>();
        if (Tuple* tu = args.get<Tuple>())
            items = tu->items;
        else
            items.push_back(args);
        std::size_t next_arg = 0;
        bool used_mapping = false;
        std::string out;
        std::size_t i = 0;
        auto take = [&](Value& v) -> bool
        {
            if (next_arg >= items.size())
            {
                raise_type_error("not enough arguments for format string");
                return false;
            }
            v = items[next_arg++];
            return true;
        };
        while (i < fmt.size())
        {
            const char c = fmt[i];
            if (c != '%')
            {
                out += c;
                ++i;
                continue;
            }
            const std::size_t start = i;
            ++i;
            if (i >= fmt.size())
                return raise_value_error("incomplete format");
            Value value = Value::undefined();
            if (fmt[i] == '(')
            {
                if (!mapping)
                    return raise_type_error("format requires a mapping");
                const std::size_t e = fmt.find(')', i);
                if (e == std::string::npos)
                    return raise_value_error("incomplete format key");
                const Value key = new_str(fmt.substr(i + 1, e - i - 1));
                const int found = dict_get(mapping, key, value);
                if (found < 0)
                    return Value::error();
                if (!found)
                    return raise_key_error(key);
                used_mapping = true;
                i = e + 1;
            }
            std::string flags;
            while (i < fmt.size() && std::string("-+ #0").find(fmt[i]) != std::string::npos)
                flags += fmt[i++];
            std::string width, precision;
            bool has_precision = false;
            if (i < fmt.size() && fmt[i] == '*')
            {
                Value w;
                if (!take(w))
                    return Value::error();
                if (!w.is_small_int())
                    return raise_type_error("* wants int");
                width = std::to_string(w.small_int());
                ++i;
            }
            else
                while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9')
                    width += fmt[i++];
            if (i < fmt.size() && fmt[i] == '.')
            {
                has_precision = true;
                ++i;
                if (i < fmt.size() && fmt[i] == '*')
                {
                    Value pv;
                    if (!take(pv))
                        return Value::error();
                    if (!pv.is_small_int())
                        return raise_type_error("* wants int");
                    precision = std::to_string(pv.small_int());
                    ++i;
                }
                else
                    while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9')
                        precision += fmt[i++];
                if (precision.empty())
                    precision = "0";
            }
            if (const std::size_t w = small_number(width); w > 4096 && (!reserve_bytes(w) || !charge(w / 16)))
                return Value::error();
            while (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L'))
                ++i;
            if (i >= fmt.size())
                return raise_value_error("incomplete format");
            const char type = fmt[i++];
            if (type == '%')
            {
                out += '%';
                continue;
            }
            if (value.is_undefined() && !take(value))
                return Value::error();
            const bool left = flags.find('-') != std::string::npos;
            const bool zero = flags.find('0') != std::string::npos && !left;
            std::string sign;
            if (flags.find('+') != std::string::npos)
                sign = "+";
            else if (flags.find(' ') != std::string::npos)
                sign = " ";
            const bool alt = flags.find('#') != std::string::npos;
            auto pad = [&](std::string s)
            {
                const std::size_t w = small_number(width);
                std::size_t len = 0;
                for (unsigned char ch : s)
                    len += (ch & 0xC0) != 0x80;
                if (len < w)
                    s = left ? s + std::string(w - len, ' ') : std::string(w - len, ' ') + s;
                return s;
            };
            switch (type)
            {
            case 's':
            case 'r':
            case 'a':
            {
                std::string s;
                if (!(type == 's' ? str(value, s) : repr(value, s)))
                    return Value::error();
                if (has_precision)
                {
                    // Precision counts code points.
                    std::size_t keep = small_number(precision), k = 0, n = 0;
                    while (k < s.size() && n < keep)
                    {
                        ++k;
                        while (k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80)
                            ++k;
                        ++n;
                    }
                    s.resize(k);
                }
                out += pad(s);
                break;
            }
            case 'c':
            {
                std::string s;
                if (Str* cs = value.get<Str>(); cs && cs->length() == 1)
                    s = cs->text;
                else if (value.is_small_int())
                {
                    const std::int64_t cp = value.small_int();
                    if (cp < 0 || cp > 0x10FFFF)
                        return raise_overflow("%c arg not in range(0x110000)");
                    const Value ch = format(Value::from_int(cp), "c");
                    if (ch.is_error())
                        return ch;
                    s = ch.as<Str>()->text;
                }
                else
                    return raise_type_error("%c requires int or char");
                out += pad(s);
                break;
            }
            case 'd':
            case 'i':
            case 'u':
            case 'o':
            case 'x':
            case 'X':
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
            {
                const bool integer =
                    type == 'd' || type == 'i' || type == 'u' || type == 'o' || type == 'x' || type == 'X';
                Value num = value;
                if (NativeObject* n = value.get<NativeObject>())
                {
                    if (integer && n->type->hooks.to_int)
                        num = n->type->hooks.to_int(*this, value);
                    else if (!integer && n->type->hooks.to_float)
                        num = n->type->hooks.to_float(*this, value);
                    if (num.is_error())
                        return num;
                }
                const bool is_num = num.is_small_int() || num.get<BigIntObj>() || num.is_float();
                if (!is_num)
                {
                    if (type == 'o' || type == 'x' || type == 'X')
                        return raise_type_error(std::string("%") + type + " format: an integer is required, not " +
                                                type_name(value));
                    return raise_type_error(std::string("%") + type + " format: a real number is required, not " +
                                            type_name(value));
                }
                if (integer && num.is_float())
                {
                    if (type == 'o' || type == 'x' || type == 'X')
                        return raise_type_error(std::string("%") + type + " format: an integer is required, not float");
                    if (!std::isfinite(num.f))
                        return std::isnan(num.f) ? raise_value_error("cannot convert float NaN to integer")
                                                 : raise_overflow("cannot convert float infinity to integer");
                    num = new_int(BigInt::from_double(num.f));
                }
                std::string spec;
                if (left)
                    spec += '<';
                spec += sign;
                if (alt)
                    spec += '#';
                if (zero)
                    spec += '0';
                spec += width;
                if (has_precision && !integer)
                    spec += "." + precision;
                spec += integer ? (type == 'i' || type == 'u' ? 'd' : type) : type;
                Value r = num.is_float() ? format(num, spec) : format(num, spec);
                if (r.is_error())
                    return r;
                std::string s = r.as<Str>()->text;
                if (integer && has_precision)
                {
                    // %.3d pads the digits with zeros to the precision.
                    const std::size_t p = small_number(precision);
                    std::size_t digit_start = 0;
                    while (digit_start < s.size() &&
                           (s[digit_start] == ' ' || s[digit_start] == '-' || s[digit_start] == '+'))
                        ++digit_start;
                    std::string digits = s.substr(digit_start);
                    std::string prefix = s.substr(0, digit_start);
                    while (!prefix.empty() && prefix[0] == ' ')
                        prefix.erase(0, 1);
                    if (digits.size() < p)
                        digits = std::string(p - digits.size(), '0') + digits;
                    s = pad(prefix + digits);
                }
                out += s;
                break;
            }
            default:
            {
                char buf[96];
                std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu", type,
                              unsigned(static_cast<unsigned char>(type)), i - 1);
                return raise_value_error(buf);
            }
            }
            (void)start;
        }
        if (!mapping && next_arg < items.size())
            return raise_type_error("not all arguments converted during string formatting");
        (void)used_mapping;
        return new_str(std::move(out));
    }
}
