// The builtins: functions (print, len, range, sorted...), the constructors of the
// builtin types, the methods of str, list, dict and tuple, the math module, and
// the glue of the native API (Call, ModuleBuilder).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "vm.hpp"

namespace nl::py
{
    // -------------------------------------------------------------------- Call

    std::string_view Call::kw_name(std::size_t i) const { return m_kwnames[i].as<Str>()->text; }

    Value Call::kw(std::string_view name) const
    {
        for (std::size_t i = 0; i < m_nkw; ++i)
            if (kw_name(i) == name)
                return m_kwvalues[i];
        return Value::undefined();
    }

    bool Call::parse(std::string_view fname, std::initializer_list<const char*> names, std::size_t required,
                     Value* out) const
    {
        const std::size_t n = names.size();
        const std::string f(fname);
        if (m_nargs > n)
        {
            vm.raise_type_error(f + "() takes at most " + std::to_string(n) + " argument" + (n == 1 ? "" : "s") + " (" +
                                std::to_string(m_nargs + m_nkw) + " given)");
            return false;
        }
        for (std::size_t i = 0; i < n; ++i)
            out[i] = i < m_nargs ? m_args[i] : Value::undefined();
        for (std::size_t k = 0; k < m_nkw; ++k)
        {
            const std::string_view kn = kw_name(k);
            std::size_t i = 0;
            for (const char* name : names)
            {
                if (kn == name)
                    break;
                ++i;
            }
            if (i == n)
            {
                vm.raise_type_error("'" + std::string(kn) + "' is an invalid keyword argument for " + f + "()");
                return false;
            }
            if (i < m_nargs)
            {
                vm.raise_type_error("argument for " + f + "() given by name ('" + std::string(kn) +
                                    "') and position (" + std::to_string(i + 1) + ")");
                return false;
            }
            out[i] = m_kwvalues[k];
        }
        std::size_t i = 0;
        for (const char* name : names)
        {
            if (i < required && out[i].is_undefined())
            {
                vm.raise_type_error(f + "() missing required argument '" + name + "' (pos " + std::to_string(i + 1) +
                                    ")");
                return false;
            }
            ++i;
        }
        return true;
    }

    bool Call::no_keywords(std::string_view fname) const
    {
        if (m_nkw == 0)
            return true;
        vm.raise_type_error(std::string(fname) + "() takes no keyword arguments");
        return false;
    }

    bool Call::check_count(std::string_view fname, std::size_t min, std::size_t max) const
    {
        if (!no_keywords(fname))
            return false;
        const std::string f(fname);
        if (min == max && min == 1 && m_nargs != 1)
        {
            vm.raise_type_error(f + "() takes exactly one argument (" + std::to_string(m_nargs) + " given)");
            return false;
        }
        if (max == 0 && m_nargs > 0)
        {
            vm.raise_type_error(f + "() takes no arguments (" + std::to_string(m_nargs) + " given)");
            return false;
        }
        // PyArg_UnpackTuple's wording uses the bare name.
        std::string bare = f.substr(f.rfind('.') + 1);
        if (m_nargs < min)
        {
            if (min == max)
                vm.raise_type_error(bare + " expected " + std::to_string(min) + " argument" + (min == 1 ? "" : "s") +
                                    ", got " + std::to_string(m_nargs));
            else
                vm.raise_type_error(bare + " expected at least " + std::to_string(min) + " argument" +
                                    (min == 1 ? "" : "s") + ", got " + std::to_string(m_nargs));
            return false;
        }
        if (m_nargs > max)
        {
            if (min == max)
                vm.raise_type_error(bare + " expected " + std::to_string(max) + " argument" + (max == 1 ? "" : "s") +
                                    ", got " + std::to_string(m_nargs));
            else
                vm.raise_type_error(bare + " expected at most " + std::to_string(max) + " argument" +
                                    (max == 1 ? "" : "s") + ", got " + std::to_string(m_nargs));
            return false;
        }
        return true;
    }

    // -------------------------------------------------------------------- ModuleBuilder

    void ModuleBuilder::function(std::string_view name, NativeFn fn)
    {
        NativeFunction* f = m_vm.new_native(m_module->name + "." + std::string(name), std::move(fn));
        f->name = std::string(name);
        f->module = m_module;
        m_vm.dict_set_str(m_module->attrs, m_vm.intern(name), Value::from_obj(f));
    }

    void ModuleBuilder::value(std::string_view name, Value v)
    {
        m_vm.dict_set_str(m_module->attrs, m_vm.intern(name), v);
    }

    TypeObj* ModuleBuilder::type(std::string_view name)
    {
        TypeObj* t = m_vm.new_type(std::string(name), m_module->name, m_vm.t.object);
        value(name, Value::from_obj(t));
        return t;
    }

    TypeObj* ModuleBuilder::exception(std::string_view name, TypeObj* base)
    {
        TypeObj* t = m_vm.new_type(std::string(name), m_module->name, base);
        t->is_exception = true;
        value(name, Value::from_obj(t));
        return t;
    }

    ModuleBuilder ModuleBuilder::submodule(std::string_view name)
    {
        Module* m = m_vm.heap.make<Module>(m_module->name + "." + std::string(name), m_vm.new_dict());
        value(name, Value::from_obj(m));
        return ModuleBuilder(m_vm, m);
    }

    // -------------------------------------------------------------------- helpers

    namespace
    {
        bool is_int(Value v) { return v.is_small_int() || v.get<BigIntObj>(); }

        /// A stable merge sort whose comparison may fail (returns -1): CPython's
        /// list.sort only uses <, and so does this.
        class Sorter
        {
        public:
            Sorter(Vm& vm, std::vector<Value>& keys, std::vector<std::size_t>& order)
                : m_vm(vm), m_keys(keys), m_order(order)
            {
            }

            bool sort()
            {
                const std::size_t n = m_order.size();
                std::vector<std::size_t> tmp(n);
                // Insertion sort on runs of 16, then merges.
                const std::size_t run = 16;
                for (std::size_t lo = 0; lo < n; lo += run)
                {
                    const std::size_t hi = std::min(n, lo + run);
                    for (std::size_t i = lo + 1; i < hi; ++i)
                    {
                        const std::size_t x = m_order[i];
                        std::size_t j = i;
                        while (j > lo)
                        {
                            const int lt = less(x, m_order[j - 1]);
                            if (lt < 0)
                                return false;
                            if (!lt)
                                break;
                            m_order[j] = m_order[j - 1];
                            --j;
                        }
                        m_order[j] = x;
                    }
                }
                for (std::size_t width = run; width < n; width *= 2)
                {
                    if (!m_vm.charge(n / 4 + 1))
                        return false;
                    for (std::size_t lo = 0; lo < n; lo += 2 * width)
                    {
                        const std::size_t mid = std::min(n, lo + width), hi = std::min(n, lo + 2 * width);
                        std::size_t a = lo, b = mid, k = lo;
                        while (a < mid && b < hi)
                        {
                            const int lt = less(m_order[b], m_order[a]);
                            if (lt < 0)
                                return false;
                            tmp[k++] = lt ? m_order[b++] : m_order[a++];
                        }
                        while (a < mid)
                            tmp[k++] = m_order[a++];
                        while (b < hi)
                            tmp[k++] = m_order[b++];
                    }
                    std::swap(m_order, tmp);
                }
                return true;
            }

        private:
            int less(std::size_t a, std::size_t b) { return m_vm.less(m_keys[a], m_keys[b]); }
            Vm& m_vm;
            std::vector<Value>& m_keys;
            std::vector<std::size_t>& m_order;
        };

        /// Sorts items in place (by key(item) when key is not None), stably; reverse
        /// keeps equal items in their original order, as CPython does.
        bool sort_values(Vm& vm, std::vector<Value>& items, Value key, bool reverse)
        {
            std::vector<Value> keys;
            Vm::Roots roots(vm, &keys);
            if (!key.is_none() && !key.is_undefined())
            {
                keys.reserve(items.size());
                std::vector<Value> held = items;
                Vm::Roots held_roots(vm, &held);
                for (const Value& v : held)
                {
                    const Value k = vm.call(key, &v, 1);
                    if (k.is_error())
                        return false;
                    keys.push_back(k);
                }
            }
            else
                keys = items;
            const std::size_t n = items.size();
            std::vector<std::size_t> order(n);
            for (std::size_t i = 0; i < n; ++i)
                order[i] = reverse ? n - 1 - i : i;
            Sorter s(vm, keys, order);
            if (!s.sort())
                return false;
            std::vector<Value> sorted(n);
            for (std::size_t i = 0; i < n; ++i)
                sorted[reverse ? n - 1 - i : i] = items[order[i]];
            items = std::move(sorted);
            return true;
        }

        // Simple case mapping: ASCII, Latin-1, Greek and Cyrillic.
        std::uint32_t to_upper_cp(std::uint32_t c)
        {
            if (c >= 'a' && c <= 'z')
                return c - 32;
            if ((c >= 0xE0 && c <= 0xFE && c != 0xF7))
                return c - 32;
            if (c == 0xFF)
                return 0x178;
            if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2)
                return c - 32;
            if (c == 0x3C2)
                return 0x3A3;
            if (c >= 0x430 && c <= 0x44F)
                return c - 32;
            if (c >= 0x450 && c <= 0x45F)
                return c - 80;
            if (c >= 0x100 && c <= 0x17F && (c & 1) && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F)
                return c - 1;
            return c;
        }
        std::uint32_t to_lower_cp(std::uint32_t c)
        {
            if (c >= 'A' && c <= 'Z')
                return c + 32;
            if ((c >= 0xC0 && c <= 0xDE && c != 0xD7))
                return c + 32;
            if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
                return c + 32;
            if (c >= 0x410 && c <= 0x42F)
                return c + 32;
            if (c >= 0x400 && c <= 0x40F)
                return c + 80;
            if (c >= 0x100 && c <= 0x17F && !(c & 1) && c != 0x130 && c != 0x138)
                return c + 1;
            return c;
        }

        std::vector<std::uint32_t> decode(const std::string& s)
        {
            std::vector<std::uint32_t> cps;
            cps.reserve(s.size());
            std::size_t i = 0;
            while (i < s.size())
            {
                const unsigned char c = static_cast<unsigned char>(s[i]);
                int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
                std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
                ++i;
                for (int k = 1; k < len && i < s.size(); ++k, ++i)
                    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
                cps.push_back(cp);
            }
            return cps;
        }

        void encode(std::string& s, std::uint32_t cp)
        {
            if (cp < 0x80)
                s += char(cp);
            else if (cp < 0x800)
            {
                s += char(0xC0 | (cp >> 6));
                s += char(0x80 | (cp & 0x3F));
            }
            else if (cp < 0x10000)
            {
                s += char(0xE0 | (cp >> 12));
                s += char(0x80 | ((cp >> 6) & 0x3F));
                s += char(0x80 | (cp & 0x3F));
            }
            else
            {
                s += char(0xF0 | (cp >> 18));
                s += char(0x80 | ((cp >> 12) & 0x3F));
                s += char(0x80 | ((cp >> 6) & 0x3F));
                s += char(0x80 | (cp & 0x3F));
            }
        }

        bool is_space_cp(std::uint32_t c)
        {
            return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0 ||
                   c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
                   c == 0x205f || c == 0x3000;
        }
        bool is_alpha_cp(std::uint32_t c)
        {
            return (c | 32) - 'a' < 26u || (c >= 0xC0 && c != 0xD7 && c != 0xF7 && c < 0x2000) || c == 0xAA ||
                   c == 0xB5 || c == 0xBA || (c >= 0x3040 && c < 0xA000) || (c >= 0xAC00 && c < 0xD7A4);
        }
        bool is_digit_cp(std::uint32_t c) { return c - '0' < 10u; }
        bool is_upper_cp(std::uint32_t c) { return to_lower_cp(c) != c; }
        bool is_lower_cp(std::uint32_t c) { return to_upper_cp(c) != c || c == 0xDF; }

        /// Parses Python's int() text: optional spaces, sign, underscores between
        /// digits, a base prefix when base is 0 or matches.
        bool parse_int_text(std::string_view text, int base, BigInt& out)
        {
            std::size_t a = 0, b = text.size();
            while (a < b && is_space_cp(static_cast<unsigned char>(text[a])))
                ++a;
            while (b > a && is_space_cp(static_cast<unsigned char>(text[b - 1])))
                --b;
            std::string_view s = text.substr(a, b - a);
            bool neg = false;
            if (!s.empty() && (s[0] == '+' || s[0] == '-'))
            {
                neg = s[0] == '-';
                s.remove_prefix(1);
            }
            if (s.size() >= 2 && s[0] == '0')
            {
                const char p = char(s[1] | 32);
                const int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
                if (pb && (base == 0 || base == pb))
                {
                    base = pb;
                    s.remove_prefix(2);
                    if (!s.empty() && s[0] == '_')
                        s.remove_prefix(1);
                }
            }
            if (base == 0)
            {
                base = 10;
                // Base 0 refuses leading zeros ("010"), as Python's literals do.
                if (s.size() > 1 && s[0] == '0')
                {
                    for (char c : s)
                        if (c != '0' && c != '_')
                            return false;
                }
            }
            std::string digits;
            bool prev_underscore = true;
            for (char c : s)
            {
                if (c == '_')
                {
                    if (prev_underscore)
                        return false;
                    prev_underscore = true;
                    continue;
                }
                prev_underscore = false;
                digits += c;
            }
            if (digits.empty() || prev_underscore)
                return false;
            if (!BigInt::parse(digits, base, out))
                return false;
            if (neg)
                out = -out;
            return true;
        }

        /// Python's float(): strtod plus inf/nan spellings and underscores.
        bool parse_float_text(std::string_view text, double& out)
        {
            std::size_t a = 0, b = text.size();
            while (a < b && is_space_cp(static_cast<unsigned char>(text[a])))
                ++a;
            while (b > a && is_space_cp(static_cast<unsigned char>(text[b - 1])))
                --b;
            std::string s(text.substr(a, b - a));
            if (s.empty())
                return false;
            std::string lower;
            for (char c : s)
                lower += char(std::tolower(static_cast<unsigned char>(c)));
            std::string body = lower;
            double sign = 1;
            if (!body.empty() && (body[0] == '+' || body[0] == '-'))
            {
                sign = body[0] == '-' ? -1 : 1;
                body.erase(0, 1);
            }
            if (body == "inf" || body == "infinity")
            {
                out = sign * std::numeric_limits<double>::infinity();
                return true;
            }
            if (body == "nan")
            {
                out = std::copysign(std::numeric_limits<double>::quiet_NaN(), sign);
                return true;
            }
            // Only digits, one '.', an exponent, and single underscores between digits.
            std::string clean;
            for (std::size_t i = 0; i < s.size(); ++i)
            {
                const char c = s[i];
                if (c == '_')
                {
                    if (i == 0 || i + 1 >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i - 1])) ||
                        !std::isdigit(static_cast<unsigned char>(s[i + 1])))
                        return false;
                    continue;
                }
                if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' || c == '+' ||
                      c == '-'))
                    return false;
                clean += c;
            }
            bool digit = false;
            for (char c : clean)
                digit = digit || std::isdigit(static_cast<unsigned char>(c));
            if (!digit)
                return false;
            char* end = nullptr;
            out = std::strtod(clean.c_str(), &end);
            return end && *end == '\0';
        }

        /// Python's round(x, n) for a float: the correctly rounded decimal, read back.
        double round_float(double x, std::int64_t n)
        {
            if (!std::isfinite(x) || x == 0.0)
                return x;
            if (n > 323)
                return x;
            if (n < -308)
                return std::copysign(0.0, x);
            if (n >= 0)
            {
                char buf[400];
                std::snprintf(buf, sizeof buf, "%.*f", int(n), x);
                return std::strtod(buf, nullptr);
            }
            // Negative n: round to a multiple of 10^-n, half to even on the exact value.
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.17e", x);
            int exp10 = std::atoi(std::strchr(buf, 'e') + 1);
            const int keep = exp10 + int(n) + 1;  // significant digits to keep
            if (keep < 0)
                return std::copysign(0.0, x);
            std::snprintf(buf, sizeof buf, "%.*e", std::max(keep - 1, 0), x);
            if (keep == 0)
            {
                // Compare with half of 10^-n exactly: 5 * 10^(-n-1).
                const double half = 5 * std::pow(10.0, double(-n - 1));
                const double ax = std::fabs(x);
                const double r = ax > half ? std::pow(10.0, double(-n)) : 0.0;
                return std::copysign(r, x);
            }
            return std::strtod(buf, nullptr);
        }
    }

    // -------------------------------------------------------------------- builtins

    void Vm::init_builtins()
    {
        m_builtins = new_dict();
        Vm& vm = *this;
        auto def = [&](const char* name, NativeFn fn)
        {
            NativeFunction* f = new_native(name, std::move(fn));
            dict_set_str(m_builtins, intern(name), Value::from_obj(f));
        };
        auto bind_type = [&](TypeObj* tp, NativeFn ctor)
        {
            tp->construct = std::move(ctor);
            dict_set_str(m_builtins, intern(tp->name), Value::from_obj(tp));
        };

        // Exceptions: constructible, catchable by name.
        for (TypeObj* e : {t.BaseException,
                           t.Exception,
                           t.ArithmeticError,
                           t.ZeroDivisionError,
                           t.OverflowError,
                           t.FloatingPointError,
                           t.LookupError,
                           t.IndexError,
                           t.KeyError,
                           t.TypeError,
                           t.ValueError,
                           t.NameError,
                           t.UnboundLocalError,
                           t.AttributeError,
                           t.RuntimeError,
                           t.RecursionError,
                           t.NotImplementedError,
                           t.MemoryError,
                           t.SyntaxError,
                           t.IndentationError,
                           t.TabError,
                           t.StopIteration,
                           t.AssertionError,
                           t.ImportError,
                           t.ModuleNotFoundError,
                           t.OSError,
                           t.TimeoutError,
                           t.KeyboardInterrupt,
                           t.SystemExit,
                           t.UnicodeError})
        {
            bind_type(e,
                      [e](Call& c) -> Value
                      {
                          if (!c.no_keywords(e->name))
                              return Value::error();
                          std::vector<Value> args(c.args(), c.args() + c.size());
                          return Value::from_obj(c.vm.heap.make<Exception>(e, std::move(args)));
                      });
        }

        dict_set_str(m_builtins, intern("None"), Value::none());
        dict_set_str(m_builtins, intern("Ellipsis"), m_ellipsis);
        dict_set_str(m_builtins, intern("__name__"), Value::from_obj(intern("__main__")));

        def("print",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                std::string sep = " ", end = "\n";
                for (std::size_t k = 0; k < c.kw_size(); ++k)
                {
                    const std::string_view name = c.kw_name(k);
                    const Value v = c.kw_value(k);
                    if (name == "sep" || name == "end")
                    {
                        if (v.is_none())
                            continue;
                        Str* s = v.get<Str>();
                        if (!s)
                            return vm.raise_type_error(std::string(name) + " must be None or a string, not " +
                                                       vm.type_name(v));
                        (name == "sep" ? sep : end) = s->text;
                    }
                    else if (name == "file")
                    {
                        if (!v.is_none())
                            return vm.unsupported("print(file=...)");
                    }
                    else if (name != "flush")
                        return vm.raise_type_error("'" + std::string(name) +
                                                   "' is an invalid keyword argument for print()");
                }
                std::string out;
                for (std::size_t i = 0; i < c.size(); ++i)
                {
                    if (i)
                        out += sep;
                    if (!vm.str(c[i], out))
                        return Value::error();
                }
                out += end;
                if (!vm.write(out))
                    return Value::error();
                return Value::none();
            });

        def("len",
            [](Call& c) -> Value
            {
                if (!c.check_count("len", 1, 1))
                    return Value::error();
                std::int64_t n;
                if (!c.vm.length(c[0], n))
                    return Value::error();
                return Value::from_int(n);
            });

        bind_type(t.range,
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.no_keywords("range"))
                          return Value::error();
                      if (c.size() == 0)
                          return vm.raise_type_error("range expected at least 1 argument, got 0");
                      if (c.size() > 3)
                          return vm.raise_type_error("range expected at most 3 arguments, got " +
                                                     std::to_string(c.size()));
                      std::int64_t v[3] = {0, 0, 1};
                      for (std::size_t i = 0; i < c.size(); ++i)
                      {
                          if (c[i].get<BigIntObj>())
                              return vm.raise_overflow("Python int too large to convert to C ssize_t");
                          if (!vm.to_index(c[i], v[c.size() == 1 ? 1 : i]))
                              return Value::error();
                      }
                      if (v[2] == 0)
                          return vm.raise_value_error("range() arg 3 must not be zero");
                      // Within +-2**61, no range arithmetic can overflow int64.
                      constexpr std::int64_t bound = std::int64_t(1) << 61;
                      for (std::int64_t x : v)
                          if (x > bound || x < -bound)
                              return vm.unsupported("range() with a bound or step beyond 2**61");
                      return Value::from_obj(vm.heap.make<Range>(v[0], v[1], v[2]));
                  });

        bind_type(t.zip,
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      for (std::size_t k = 0; k < c.kw_size(); ++k)
                          if (c.kw_name(k) != "strict")
                              return vm.raise_type_error("zip() got an unexpected keyword argument '" +
                                                         std::string(c.kw_name(k)) + "'");
                      Iterator* it = vm.heap.make<Iterator>(IterKind::zip);
                      const Value result = Value::from_obj(it);
                      for (std::size_t i = 0; i < c.size(); ++i)
                      {
                          const Value sub = vm.get_iter(c[i]);
                          if (sub.is_error())
                          {
                              if (vm.pending_is(vm.t.TypeError) && !c[i].is_obj())
                              {
                                  vm.clear_pending();
                                  return vm.raise_type_error("'" + vm.type_name(c[i]) + "' object is not iterable");
                              }
                              return sub;
                          }
                          it->items.push_back(sub);
                      }
                      return result;
                  });

        bind_type(t.enumerate,
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      Value a[2];
                      if (!c.parse("enumerate", {"iterable", "start"}, 1, a))
                          return Value::error();
                      std::int64_t start = 0;
                      if (!a[1].is_undefined() && !vm.to_index(a[1], start))
                          return Value::error();
                      const Value inner = vm.get_iter(a[0]);
                      if (inner.is_error())
                          return inner;
                      Iterator* it = vm.heap.make<Iterator>(IterKind::enumerate);
                      it->src = inner;
                      it->a = start;
                      return Value::from_obj(it);
                  });

        bind_type(t.map,
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.no_keywords("map"))
                          return Value::error();
                      if (c.size() < 2)
                          return vm.raise_type_error("map() must have at least two arguments.");
                      Iterator* it = vm.heap.make<Iterator>(IterKind::map);
                      it->src = c[0];
                      for (std::size_t i = 1; i < c.size(); ++i)
                      {
                          const Value sub = vm.get_iter(c[i]);
                          if (sub.is_error())
                              return sub;
                          it->items.push_back(sub);
                      }
                      return Value::from_obj(it);
                  });

        bind_type(t.filter,
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("filter", 2, 2))
                          return Value::error();
                      const Value sub = vm.get_iter(c[1]);
                      if (sub.is_error())
                          return sub;
                      Iterator* it = vm.heap.make<Iterator>(IterKind::filter);
                      it->src = c[0];
                      it->items.push_back(sub);
                      return Value::from_obj(it);
                  });

        def("reversed",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count("reversed", 1, 1))
                    return Value::error();
                const Value v = c[0];
                if (v.get<List>())
                {
                    Iterator* it = vm.heap.make<Iterator>(IterKind::reversed_list);
                    it->src = v;
                    it->a = std::int64_t(v.as<List>()->items.size()) - 1;
                    return Value::from_obj(it);
                }
                if (Range* r = v.get<Range>())
                {
                    const std::int64_t n = r->length();
                    Iterator* it = vm.heap.make<Iterator>(IterKind::range);
                    it->a = r->start + (n - 1) * r->step;
                    it->b = r->start - r->step;
                    it->c = -r->step;
                    if (n == 0)
                        it->a = it->b;
                    return Value::from_obj(it);
                }
                if (v.get<Tuple>() || v.get<Str>() || v.get<DictView>() || v.get<Dict>() ||
                    (v.get<NativeObject>() && v.as<NativeObject>()->type->hooks.getitem))
                {
                    std::vector<Value> items;
                    if (!vm.collect(v, items))
                        return Value::error();
                    std::reverse(items.begin(), items.end());
                    return vm.get_iter(vm.new_list(std::move(items)));
                }
                return vm.raise_type_error("'" + vm.type_name(v) + "' object is not reversible");
            });

        def("abs",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count("abs", 1, 1))
                    return Value::error();
                const Value v = c[0];
                if (v.is_small_int())
                {
                    const std::int64_t x = v.small_int();
                    if (x == INT64_MIN)
                        return vm.new_int(-BigInt::from_int64(x));
                    return Value::from_int(x < 0 ? -x : x);
                }
                if (v.is_float())
                    return Value::from_float(std::fabs(v.f));
                if (BigIntObj* b = v.get<BigIntObj>())
                    return b->value.negative() ? vm.new_int(-b->value) : v;
                if (NativeObject* n = v.get<NativeObject>(); n && n->type->hooks.abs)
                    return n->type->hooks.abs(vm, v);
                return vm.raise_type_error("bad operand type for abs(): '" + vm.type_name(v) + "'");
            });

        auto minmax = [](bool is_max)
        {
            return [is_max](Call& c) -> Value
            {
                Vm& vm = c.vm;
                const char* name = is_max ? "max" : "min";
                Value key = Value::none(), dflt = Value::undefined();
                for (std::size_t k = 0; k < c.kw_size(); ++k)
                {
                    if (c.kw_name(k) == "key")
                        key = c.kw_value(k);
                    else if (c.kw_name(k) == "default")
                        dflt = c.kw_value(k);
                    else
                        return vm.raise_type_error("'" + std::string(c.kw_name(k)) +
                                                   "' is an invalid keyword argument for " + name + "()");
                }
                if (c.size() == 0)
                    return vm.raise_type_error(std::string(name) + " expected at least 1 argument, got 0");
                std::vector<Value> items;
                Vm::Roots roots(vm, &items);
                if (c.size() == 1)
                {
                    if (!vm.collect(c[0], items))
                        return Value::error();
                }
                else
                {
                    if (!dflt.is_undefined())
                        return vm.raise_type_error(std::string("Cannot specify a default for ") + name +
                                                   "() with multiple positional arguments");
                    items.assign(c.args(), c.args() + c.size());
                }
                if (items.empty())
                {
                    if (!dflt.is_undefined())
                        return dflt;
                    return vm.raise_value_error(std::string(name) + "() arg is an empty sequence");
                }
                std::vector<Value> keys;
                Vm::Roots key_roots(vm, &keys);
                if (!key.is_none())
                {
                    for (const Value& v : items)
                    {
                        const Value k = vm.call(key, &v, 1);
                        if (k.is_error())
                            return k;
                        keys.push_back(k);
                    }
                }
                else
                    keys = items;
                std::size_t best = 0;
                for (std::size_t i = 1; i < items.size(); ++i)
                {
                    // max keeps the first of equal items: replace only when strictly greater.
                    const int lt = is_max ? vm.less(keys[best], keys[i]) : vm.less(keys[i], keys[best]);
                    if (lt < 0)
                        return Value::error();
                    if (lt)
                        best = i;
                }
                return items[best];
            };
        };
        def("max", minmax(true));
        def("min", minmax(false));

        def("sum",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                Value a[2];
                if (!c.parse("sum", {"iterable", "start"}, 1, a))
                    return Value::error();
                if (c.size() > 2)
                    return vm.raise_type_error("sum() takes at most 2 arguments (" + std::to_string(c.size()) +
                                               " given)");
                Value acc = a[1].is_undefined() ? Value::from_int(0) : a[1];
                if (acc.get<Str>())
                    return vm.raise_type_error("sum() can't sum strings [use ''.join(seq) instead]");
                const Value it = vm.get_iter(a[0]);
                if (it.is_error())
                    return it;
                std::vector<Value> hold{it, acc};
                Vm::Roots roots(vm, &hold);
                Value item;
                int st;
                while ((st = vm.next(it, item)) == 1)
                {
                    if (acc.is_float() && item.is_float())
                        acc = Value::from_float(acc.f + item.f);
                    else if (acc.tag == Tag::integer && item.tag == Tag::integer)
                    {
                        std::int64_t r;
                        if (!__builtin_add_overflow(acc.i, item.i, &r))
                            acc = Value::from_int(r);
                        else
                            acc = vm.binary(BinOp::add, acc, item);
                    }
                    else
                        acc = vm.binary(BinOp::add, acc, item);
                    if (acc.is_error())
                        return acc;
                    hold[1] = acc;
                }
                if (st < 0)
                    return Value::error();
                return acc;
            });

        def("round",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                Value a[2];
                if (!c.parse("round", {"number", "ndigits"}, 1, a))
                    return Value::error();
                const Value x = a[0];
                const bool has_n = !a[1].is_undefined() && !a[1].is_none();
                if (NativeObject* n = x.get<NativeObject>())
                {
                    if (n->type->hooks.round)
                        return n->type->hooks.round(vm, x, has_n ? a[1] : Value::undefined());
                    return vm.raise_type_error("type " + n->type->qualified_name() +
                                               " doesn't define __round__ method");
                }
                std::int64_t nd = 0;
                if (has_n)
                {
                    if (a[1].get<BigIntObj>())
                        nd = a[1].as<BigIntObj>()->value.negative() ? INT64_MIN / 2 : INT64_MAX / 2;
                    else if (!vm.to_index(a[1], nd))
                        return Value::error();
                }
                if (x.is_float())
                {
                    if (!has_n)
                    {
                        if (std::isnan(x.f))
                            return vm.raise_value_error("cannot convert float NaN to integer");
                        if (std::isinf(x.f))
                            return vm.raise_overflow("cannot convert float infinity to integer");
                        const double r = std::nearbyint(x.f);  // ties to even (default rounding mode)
                        return vm.new_int(BigInt::from_double(r));
                    }
                    return Value::from_float(round_float(x.f, nd));
                }
                if (is_int(x))
                {
                    if (!has_n || nd >= 0)
                        return x.is_bool() ? Value::from_int(x.b) : x;
                    // Round to a multiple of 10^-nd, half to even.
                    BigInt v,
                        pow10 = BigInt::pow(BigInt::from_int64(10), std::uint64_t(std::min<std::int64_t>(-nd, 100000)));
                    Vm::to_bigint(x, v);
                    BigInt q, r;
                    BigInt::divmod(v, pow10, &q, &r);
                    const int cmp = BigInt::compare(r.shift_left(1), pow10);
                    if (cmp > 0 || (cmp == 0 && q.is_odd()))
                        q = q + BigInt::from_int64(1);
                    return vm.new_int(q * pow10);
                }
                return vm.raise_type_error("type " + vm.type_name(x) + " doesn't define __round__ method");
            });

        bind_type(t.int_,
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      Value a[2];
                      if (c.size() + c.kw_size() > 2)
                          return vm.raise_type_error("int() takes at most 2 arguments (" +
                                                     std::to_string(c.size() + c.kw_size()) + " given)");
                      if (!c.parse("int", {"x", "base"}, 0, a))
                          return Value::error();
                      if (a[0].is_undefined())
                          return Value::from_int(0);
                      const Value x = a[0];
                      if (!a[1].is_undefined())
                      {
                          std::int64_t base;
                          if (!vm.to_index(a[1], base))
                              return Value::error();
                          if (base != 0 && (base < 2 || base > 36))
                              return vm.raise_value_error("int() base must be >= 2 and <= 36, or 0");
                          Str* s = x.get<Str>();
                          if (!s)
                              return vm.raise_type_error("int() can't convert non-string with explicit base");
                          BigInt r;
                          if (!parse_int_text(s->text, int(base), r))
                          {
                              std::string rep;
                              vm.repr(x, rep);
                              return vm.raise_value_error("invalid literal for int() with base " +
                                                          std::to_string(base) + ": " + rep);
                          }
                          return vm.new_int(std::move(r));
                      }
                      if (x.is_bool())
                          return Value::from_int(x.b);
                      if (is_int(x))
                          return x;
                      if (x.is_float())
                      {
                          if (std::isnan(x.f))
                              return vm.raise_value_error("cannot convert float NaN to integer");
                          if (std::isinf(x.f))
                              return vm.raise_overflow("cannot convert float infinity to integer");
                          return vm.new_int(BigInt::from_double(x.f));
                      }
                      if (Str* s = x.get<Str>())
                      {
                          std::size_t digits = 0;
                          for (char ch : s->text)
                              digits += ch >= '0' && ch <= '9';
                          if (digits > limits::int_max_str_digits)
                              return vm.raise_value_error(
                                  "Exceeds the limit (" + std::to_string(limits::int_max_str_digits) +
                                  " digits) for integer string conversion: value has " + std::to_string(digits) +
                                  " digits; use sys.set_int_max_str_digits() to increase the limit");
                          BigInt r;
                          if (!parse_int_text(s->text, 10, r))
                          {
                              std::string rep;
                              vm.repr(x, rep);
                              return vm.raise_value_error("invalid literal for int() with base 10: " + rep);
                          }
                          return vm.new_int(std::move(r));
                      }
                      if (NativeObject* n = x.get<NativeObject>(); n && n->type->hooks.to_int)
                          return n->type->hooks.to_int(vm, x);
                      return vm.raise_type_error(
                          "int() argument must be a string, a bytes-like object or a real number, not '" +
                          vm.type_name(x) + "'");
                  });

        bind_type(t.float_,
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("float", 0, 1))
                          return Value::error();
                      if (c.size() == 0)
                          return Value::from_float(0.0);
                      const Value x = c[0];
                      if (x.is_float())
                          return x;
                      if (Str* s = x.get<Str>())
                      {
                          double d;
                          if (!parse_float_text(s->text, d))
                          {
                              std::string rep;
                              vm.repr(x, rep);
                              return vm.raise_value_error("could not convert string to float: " + rep);
                          }
                          return Value::from_float(d);
                      }
                      if (is_int(x) || (x.get<NativeObject>() && x.as<NativeObject>()->type->hooks.to_float))
                      {
                          double d;
                          if (!vm.to_double(x, d))
                              return Value::error();
                          return Value::from_float(d);
                      }
                      return vm.raise_type_error("float() argument must be a string or a real number, not '" +
                                                 vm.type_name(x) + "'");
                  });

        bind_type(t.str,
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (c.size() + c.kw_size() > 3)
                          return vm.raise_type_error("str() takes at most 3 arguments (" +
                                                     std::to_string(c.size() + c.kw_size()) + " given)");
                      if (c.size() > 1 || c.kw_size() > 0)
                          return vm.unsupported("str() with an encoding (bytes)");
                      if (c.size() == 0)
                          return vm.empty_str();
                      return vm.str_value(c[0]);
                  });

        def("repr",
            [](Call& c) -> Value
            {
                if (!c.check_count("repr", 1, 1))
                    return Value::error();
                return c.vm.repr_value(c[0]);
            });

        def("ascii",
            [](Call& c) -> Value
            {
                if (!c.check_count("ascii", 1, 1))
                    return Value::error();
                return c.vm.repr_value(c[0]);
            });

        bind_type(t.bool_,
                  [](Call& c) -> Value
                  {
                      if (!c.check_count("bool", 0, 1))
                          return Value::error();
                      if (c.size() == 0)
                          return Value::from_bool(false);
                      const int tv = c.vm.truth(c[0]);
                      if (tv < 0)
                          return Value::error();
                      return Value::from_bool(tv);
                  });

        bind_type(t.list,
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("list", 0, 1))
                          return Value::error();
                      std::vector<Value> items;
                      if (c.size() == 1 && !vm.collect(c[0], items))
                          return Value::error();
                      return vm.new_list(std::move(items));
                  });

        bind_type(t.tuple,
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("tuple", 0, 1))
                          return Value::error();
                      if (c.size() == 0)
                          return vm.empty_tuple();
                      if (c[0].get<Tuple>())
                          return c[0];
                      std::vector<Value> items;
                      if (!vm.collect(c[0], items))
                          return Value::error();
                      return items.empty() ? vm.empty_tuple() : vm.new_tuple(std::move(items));
                  });

        bind_type(t.dict,
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (c.size() > 1)
                          return vm.raise_type_error("dict expected at most 1 argument, got " +
                                                     std::to_string(c.size()));
                      Dict* d = vm.new_dict();
                      const Value result = Value::from_obj(d);
                      std::vector<Value> hold{result};
                      Vm::Roots roots(vm, &hold);
                      if (c.size() == 1)
                      {
                          if (Dict* src = c[0].get<Dict>())
                          {
                              for (std::size_t i = 0; i < src->entries.size(); ++i)
                              {
                                  const Dict::Entry e = src->entries[i];
                                  if (!e.key.is_undefined() && !vm.dict_set(d, e.key, e.value))
                                      return Value::error();
                              }
                          }
                          else
                          {
                              std::vector<Value> items;
                              Vm::Roots item_roots(vm, &items);
                              if (!vm.collect(c[0], items))
                                  return Value::error();
                              for (std::size_t i = 0; i < items.size(); ++i)
                              {
                                  std::vector<Value> pair;
                                  const Value& item = items[i];
                                  if (!(item.get<List>() || item.get<Tuple>() || item.get<Str>() ||
                                        item.get<Iterator>() || item.get<NativeObject>()))
                                      return vm.raise_type_error("cannot convert dictionary update sequence element #" +
                                                                 std::to_string(i) + " to a sequence");
                                  if (!vm.collect(item, pair))
                                      return Value::error();
                                  if (pair.size() != 2)
                                      return vm.raise_value_error("dictionary update sequence element #" +
                                                                  std::to_string(i) + " has length " +
                                                                  std::to_string(pair.size()) + "; 2 is required");
                                  if (!vm.dict_set(d, pair[0], pair[1]))
                                      return Value::error();
                              }
                          }
                      }
                      for (std::size_t k = 0; k < c.kw_size(); ++k)
                          if (!vm.dict_set(d, vm.new_str(std::string(c.kw_name(k))), c.kw_value(k)))
                              return Value::error();
                      return result;
                  });

        bind_type(t.slice,
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("slice", 1, 3))
                          return Value::error();
                      if (c.size() == 1)
                          return Value::from_obj(vm.heap.make<Slice>(Value::none(), c[0], Value::none()));
                      return Value::from_obj(vm.heap.make<Slice>(c[0], c[1], c.size() == 3 ? c[2] : Value::none()));
                  });

        bind_type(t.type,
                  [](Call& c) -> Value
                  {
                      if (c.size() == 1 && c.kw_size() == 0)
                          return Value::from_obj(c.vm.type_of(c[0]));
                      if (c.size() == 3)
                          return c.vm.unsupported("type() with three arguments (making a class)");
                      return c.vm.raise_type_error("type() takes 1 or 3 arguments");
                  });
        t.object->construct = [](Call& c) -> Value { return c.vm.unsupported("object()"); };
        dict_set_str(m_builtins, intern("object"), Value::from_obj(t.object));

        def("sorted",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (c.size() != 1)
                {
                    if (c.size() == 0)
                        return vm.raise_type_error("sorted expected 1 argument, got 0");
                    return vm.raise_type_error("sorted expected 1 argument, got " + std::to_string(c.size()));
                }
                Value key = Value::none();
                bool reverse = false;
                for (std::size_t k = 0; k < c.kw_size(); ++k)
                {
                    if (c.kw_name(k) == "key")
                        key = c.kw_value(k);
                    else if (c.kw_name(k) == "reverse")
                    {
                        const int tv = vm.truth(c.kw_value(k));
                        if (tv < 0)
                            return Value::error();
                        reverse = tv;
                    }
                    else
                        return vm.raise_type_error("sort() got an unexpected keyword argument '" +
                                                   std::string(c.kw_name(k)) + "'");
                }
                std::vector<Value> items;
                if (!vm.collect(c[0], items))
                    return Value::error();
                const Value result = vm.new_list({});
                std::vector<Value> hold{result};
                Vm::Roots roots(vm, &hold);
                Vm::Roots item_roots(vm, &items);
                if (!sort_values(vm, items, key, reverse))
                    return Value::error();
                result.as<List>()->items = std::move(items);
                return result;
            });

        def("isinstance",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count("isinstance", 2, 2))
                    return Value::error();
                TypeObj* actual = vm.type_of(c[0]);
                auto check = [&](Value tv, bool& ok) -> bool
                {
                    TypeObj* tt = tv.get<TypeObj>();
                    if (!tt)
                    {
                        ok = false;
                        return false;
                    }
                    return actual->is_subtype(tt);
                };
                bool ok = true, match = false;
                if (Tuple* tu = c[1].get<Tuple>())
                {
                    for (const Value& x : tu->items)
                        match = check(x, ok) || match;
                }
                else
                    match = check(c[1], ok);
                if (!ok)
                    return vm.raise_type_error("isinstance() arg 2 must be a type, a tuple of types, or a union");
                return Value::from_bool(match);
            });

        def("issubclass",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count("issubclass", 2, 2))
                    return Value::error();
                TypeObj* a = c[0].get<TypeObj>();
                if (!a)
                    return vm.raise_type_error("issubclass() arg 1 must be a class");
                bool match = false;
                auto check = [&](Value tv) -> bool
                {
                    TypeObj* tt = tv.get<TypeObj>();
                    if (!tt)
                        return false;
                    match = match || a->is_subtype(tt);
                    return true;
                };
                bool ok = true;
                if (Tuple* tu = c[1].get<Tuple>())
                {
                    for (const Value& x : tu->items)
                        ok = check(x) && ok;
                }
                else
                    ok = check(c[1]);
                if (!ok)
                    return vm.raise_type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union");
                return Value::from_bool(match);
            });

        auto any_all = [](bool is_any)
        {
            return [is_any](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count(is_any ? "any" : "all", 1, 1))
                    return Value::error();
                const Value it = vm.get_iter(c[0]);
                if (it.is_error())
                    return it;
                std::vector<Value> hold{it};
                Vm::Roots roots(vm, &hold);
                Value item;
                int st;
                while ((st = vm.next(it, item)) == 1)
                {
                    const int tv = vm.truth(item);
                    if (tv < 0)
                        return Value::error();
                    if (bool(tv) == is_any)
                        return Value::from_bool(is_any);
                }
                if (st < 0)
                    return Value::error();
                return Value::from_bool(!is_any);
            };
        };
        def("any", any_all(true));
        def("all", any_all(false));

        def("chr",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count("chr", 1, 1))
                    return Value::error();
                std::int64_t cp;
                if (c[0].get<BigIntObj>())
                    return vm.raise_overflow("Python int too large to convert to C int");
                if (!vm.to_index(c[0], cp))
                    return Value::error();
                if (cp < 0 || cp > 0x10FFFF)
                    return vm.raise_value_error("chr() arg not in range(0x110000)");
                std::string s;
                encode(s, std::uint32_t(cp));
                return vm.new_str(std::move(s));
            });

        def("ord",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count("ord", 1, 1))
                    return Value::error();
                Str* s = c[0].get<Str>();
                if (!s)
                    return vm.raise_type_error("ord() expected string of length 1, but " + vm.type_name(c[0]) +
                                               " found");
                if (s->length() != 1)
                    return vm.raise_type_error("ord() expected a character, but string of length " +
                                               std::to_string(s->length()) + " found");
                return Value::from_int(std::int64_t(decode(s->text)[0]));
            });

        def("divmod",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count("divmod", 2, 2))
                    return Value::error();
                const Value a = c[0], b = c[1];
                const bool num = (is_int(a) || a.is_float()) && (is_int(b) || b.is_float());
                if (!num)
                {
                    if (a.get<NativeObject>() || b.get<NativeObject>())
                    {
                        const Value q = vm.binary(BinOp::floordiv, a, b);
                        if (q.is_error())
                            return q;
                        const Value r = vm.binary(BinOp::mod, a, b);
                        if (r.is_error())
                            return r;
                        return vm.new_tuple({q, r});
                    }
                    return vm.raise_type_error("unsupported operand type(s) for divmod(): '" + vm.type_name(a) +
                                               "' and '" + vm.type_name(b) + "'");
                }
                const Value q = vm.binary(BinOp::floordiv, a, b);
                if (q.is_error())
                    return q;
                const Value r = vm.binary(BinOp::mod, a, b);
                if (r.is_error())
                    return r;
                return vm.new_tuple({q, r});
            });

        def("pow",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                Value a[3];
                if (!c.parse("pow", {"base", "exp", "mod"}, 2, a))
                    return Value::error();
                if (a[2].is_undefined() || a[2].is_none())
                    return vm.binary(BinOp::pow, a[0], a[1]);
                if (!is_int(a[0]) || !is_int(a[1]) || !is_int(a[2]))
                    return vm.raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
                BigInt base, exp, mod;
                Vm::to_bigint(a[0], base);
                Vm::to_bigint(a[1], exp);
                Vm::to_bigint(a[2], mod);
                if (mod.is_zero())
                    return vm.raise_value_error("pow() 3rd argument cannot be 0");
                if (exp.negative())
                    return vm.unsupported("pow() with a negative exponent and a modulus (modular inverse)");
                BigInt r = BigInt::pow_mod(base, exp, mod);
                return vm.new_int(std::move(r));
            });

        auto base_text = [](int base, const char* name, const char* prefix)
        {
            return [base, name, prefix](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count(name, 1, 1))
                    return Value::error();
                BigInt v;
                if (!Vm::to_bigint(c[0], v))
                {
                    std::int64_t i;
                    if (!vm.to_index(c[0], i))
                        return Value::error();
                    v = BigInt::from_int64(i);
                }
                std::string digits = v.to_string_pow2(base);
                const bool neg = !digits.empty() && digits[0] == '-';
                if (neg)
                    digits.erase(0, 1);
                return vm.new_str(std::string(neg ? "-" : "") + prefix + digits);
            };
        };
        def("hex", base_text(16, "hex", "0x"));
        def("oct", base_text(8, "oct", "0o"));
        def("bin", base_text(2, "bin", "0b"));

        def("hash",
            [](Call& c) -> Value
            {
                if (!c.check_count("hash", 1, 1))
                    return Value::error();
                std::uint64_t h;
                if (!c.vm.hash(c[0], h))
                    return Value::error();
                return Value::from_int(std::int64_t(h));
            });

        def("id",
            [](Call& c) -> Value
            {
                if (!c.check_count("id", 1, 1))
                    return Value::error();
                const Value v = c[0];
                return Value::from_int(v.is_obj() ? std::int64_t(reinterpret_cast<std::uintptr_t>(v.o) >> 1) : v.i);
            });

        def("iter",
            [](Call& c) -> Value
            {
                if (!c.check_count("iter", 1, 1))
                    return Value::error();
                return c.vm.get_iter(c[0]);
            });

        def("next",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count("next", 1, 2))
                    return Value::error();
                Value item;
                const int st = vm.next(c[0], item);
                if (st < 0)
                    return Value::error();
                if (st == 0)
                {
                    if (c.size() == 2)
                        return c[1];
                    return vm.raise_args(vm.t.StopIteration, {});
                }
                return item;
            });

        def("callable",
            [](Call& c) -> Value
            {
                if (!c.check_count("callable", 1, 1))
                    return Value::error();
                const Value v = c[0];
                const bool yes = v.get<Function>() || v.get<NativeFunction>() || v.get<BoundMethod>() ||
                                 (v.get<TypeObj>() && v.as<TypeObj>()->construct);
                return Value::from_bool(yes);
            });

        def("format",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count("format", 1, 2))
                    return Value::error();
                if (c.size() == 2 && !c[1].get<Str>())
                    return vm.raise_type_error("format() argument 2 must be str, not " + vm.type_name(c[1]));
                return vm.format(c[0], c.size() == 2 ? std::string_view(c[1].as<Str>()->text) : std::string_view());
            });

        def("getattr",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count("getattr", 2, 3))
                    return Value::error();
                Str* name = c[1].get<Str>();
                if (!name)
                    return vm.raise_type_error("attribute name must be string, not '" + vm.type_name(c[1]) + "'");
                const Value v = vm.lookup_attr(c[0], vm.intern(name->text));
                if (v.is_error())
                    return v;
                if (v.is_undefined())
                {
                    if (c.size() == 3)
                        return c[2];
                    return vm.getattr(c[0], vm.intern(name->text));
                }
                return v;
            });

        def("hasattr",
            [](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count("hasattr", 2, 2))
                    return Value::error();
                Str* name = c[1].get<Str>();
                if (!name)
                    return vm.raise_type_error("attribute name must be string, not '" + vm.type_name(c[1]) + "'");
                const Value v = vm.lookup_attr(c[0], vm.intern(name->text));
                if (v.is_error())
                    return v;
                return Value::from_bool(!v.is_undefined());
            });

        // Builtins outside the subset: a clear error naming them.
        for (const char* name :
             {"open",        "input",        "eval",    "exec",      "compile",    "globals",    "locals",
              "vars",        "dir",          "help",    "exit",      "quit",       "breakpoint", "memoryview",
              "bytearray",   "bytes",        "complex", "frozenset", "set",        "super",      "property",
              "classmethod", "staticmethod", "setattr", "delattr",   "__import__", "aiter",      "anext"})
        {
            const std::string n = name;
            def(name, [n](Call& c) -> Value { return c.vm.unsupported(n + "()"); });
        }

        (void)vm;
    }

    // -------------------------------------------------------------------- methods

    namespace
    {
        Str* self_str(Call& c) { return c.self.as<Str>(); }
        List* self_list(Call& c) { return c.self.as<List>(); }
        Dict* self_dict(Call& c) { return c.self.as<Dict>(); }

        /// Optional start/end arguments of str.find and friends, as byte offsets
        /// (after clamping in code points).
        bool str_range(Vm& vm, Str* s, Call& c, std::size_t first, std::size_t& start, std::size_t& end,
                       std::vector<std::size_t>& offs)
        {
            const auto n = std::int64_t(s->length());
            std::int64_t a = 0, b = n;
            for (std::size_t k = 0; k < 2; ++k)
            {
                if (c.size() <= first + k || c[first + k].is_none())
                    continue;
                std::int64_t v;
                if (c[first + k].get<BigIntObj>())
                    v = c[first + k].as<BigIntObj>()->value.negative() ? INT64_MIN / 2 : INT64_MAX / 2;
                else if (!vm.to_index(c[first + k], v))
                    return false;
                if (v < 0)
                    v = std::max<std::int64_t>(v + n, 0);
                v = std::min(v, n);
                (k == 0 ? a : b) = v;
            }
            if (s->is_ascii())
            {
                start = std::size_t(a);
                end = std::size_t(std::max(a, b));
                return true;
            }
            offs.clear();
            for (std::size_t i = 0; i < s->text.size(); ++i)
                if ((static_cast<unsigned char>(s->text[i]) & 0xC0) != 0x80)
                    offs.push_back(i);
            offs.push_back(s->text.size());
            start = offs[std::size_t(a)];
            end = offs[std::size_t(std::max(a, b))];
            return true;
        }

        std::int64_t code_points_before(const std::string& s, std::size_t byte)
        {
            std::int64_t n = 0;
            for (std::size_t i = 0; i < byte; ++i)
                n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
            return n;
        }

        Value split_impl(Call& c, bool right)
        {
            Vm& vm = c.vm;
            Str* s = self_str(c);
            Value a[2];
            if (!c.parse(right ? "rsplit" : "split", {"sep", "maxsplit"}, 0, a))
                return Value::error();
            std::int64_t maxsplit = -1;
            if (!a[1].is_undefined() && !vm.to_index(a[1], maxsplit))
                return Value::error();
            std::vector<Value> parts;
            const std::string& text = s->text;
            if (a[0].is_undefined() || a[0].is_none())
            {
                // Runs of whitespace; no empty strings.
                std::vector<std::pair<std::size_t, std::size_t>> words;
                std::size_t i = 0;
                while (i < text.size())
                {
                    while (i < text.size() && is_space_cp(static_cast<unsigned char>(text[i])))
                        ++i;
                    if (i >= text.size())
                        break;
                    const std::size_t b = i;
                    while (i < text.size() && !is_space_cp(static_cast<unsigned char>(text[i])))
                        ++i;
                    words.push_back({b, i});
                }
                if (maxsplit >= 0 && std::int64_t(words.size()) > maxsplit + 1)
                {
                    if (!right)
                    {
                        std::vector<std::pair<std::size_t, std::size_t>> w(words.begin(), words.begin() + maxsplit);
                        std::size_t rest = words[std::size_t(maxsplit)].first, end = text.size();
                        while (end > rest && is_space_cp(static_cast<unsigned char>(text[end - 1])))
                            --end;
                        w.push_back({rest, end});
                        words = w;
                    }
                    else
                    {
                        const std::size_t keep_from = words.size() - std::size_t(maxsplit);
                        std::vector<std::pair<std::size_t, std::size_t>> w;
                        std::size_t start = 0;
                        while (start < text.size() && is_space_cp(static_cast<unsigned char>(text[start])))
                            ++start;
                        w.push_back({start, words[keep_from - 1].second});
                        w.insert(w.end(), words.begin() + std::ptrdiff_t(keep_from), words.end());
                        words = w;
                    }
                }
                for (auto& w : words)
                    parts.push_back(vm.new_str(text.substr(w.first, w.second - w.first)));
                return vm.new_list(std::move(parts));
            }
            Str* sep = a[0].get<Str>();
            if (!sep)
                return vm.raise_type_error("must be str or None, not " + vm.type_name(a[0]));
            if (sep->text.empty())
                return vm.raise_value_error("empty separator");
            const std::string& d = sep->text;
            std::vector<std::string> pieces;
            if (!right)
            {
                std::size_t pos = 0;
                while (true)
                {
                    const std::size_t f = (maxsplit < 0 || std::int64_t(pieces.size()) < maxsplit) ? text.find(d, pos)
                                                                                                   : std::string::npos;
                    if (f == std::string::npos)
                    {
                        pieces.push_back(text.substr(pos));
                        break;
                    }
                    pieces.push_back(text.substr(pos, f - pos));
                    pos = f + d.size();
                }
            }
            else
            {
                std::size_t end = text.size();
                std::vector<std::string> rev;
                while (true)
                {
                    std::size_t f = std::string::npos;
                    if ((maxsplit < 0 || std::int64_t(rev.size()) < maxsplit) && end >= d.size())
                        f = text.rfind(d, end - d.size());
                    if (f == std::string::npos)
                    {
                        rev.push_back(text.substr(0, end));
                        break;
                    }
                    rev.push_back(text.substr(f + d.size(), end - f - d.size()));
                    end = f;
                }
                pieces.assign(rev.rbegin(), rev.rend());
            }
            for (auto& p : pieces)
                parts.push_back(vm.new_str(std::move(p)));
            return vm.new_list(std::move(parts));
        }

        Value strip_impl(Call& c, int which, const char* name)
        {
            Vm& vm = c.vm;
            if (!c.check_count(std::string("str.") + name, 0, 1))
                return Value::error();
            Str* s = self_str(c);
            std::vector<std::uint32_t> chars;
            bool whitespace = true;
            if (c.size() == 1 && !c[0].is_none())
            {
                Str* cs = c[0].get<Str>();
                if (!cs)
                    return vm.raise_type_error(std::string(name) + " arg must be None or str");
                chars = decode(cs->text);
                whitespace = false;
            }
            const auto cps = decode(s->text);
            auto strip_it = [&](std::uint32_t cp)
            { return whitespace ? is_space_cp(cp) : std::find(chars.begin(), chars.end(), cp) != chars.end(); };
            std::size_t a = 0, b = cps.size();
            if (which & 1)
                while (a < b && strip_it(cps[a]))
                    ++a;
            if (which & 2)
                while (b > a && strip_it(cps[b - 1]))
                    --b;
            if (a == 0 && b == cps.size())
                return c.self;
            std::string r;
            for (std::size_t i = a; i < b; ++i)
                encode(r, cps[i]);
            return vm.new_str(std::move(r));
        }

        Value find_impl(Call& c, bool reverse, bool raise, const char* name)
        {
            Vm& vm = c.vm;
            if (!c.no_keywords(name))
                return Value::error();
            if (c.size() < 1)
                return vm.raise_type_error(std::string(name) + "() takes at least 1 argument (0 given)");
            if (c.size() > 3)
                return vm.raise_type_error(std::string(name) + "() takes at most 3 arguments (" +
                                           std::to_string(c.size()) + " given)");
            Str* s = self_str(c);
            Str* sub = c[0].get<Str>();
            if (!sub)
                return vm.raise_type_error("must be str, not " + vm.type_name(c[0]));
            std::size_t start, end;
            std::vector<std::size_t> offs;
            if (!str_range(vm, s, c, 1, start, end, offs))
                return Value::error();
            std::size_t f = std::string::npos;
            if (end >= start && end - start >= sub->text.size())
            {
                const std::string_view window(s->text.data() + start, end - start);
                const std::size_t r = reverse ? window.rfind(sub->text) : window.find(sub->text);
                if (r != std::string_view::npos)
                    f = start + r;
            }
            if (f == std::string::npos)
            {
                if (raise)
                    return vm.raise_value_error("substring not found");
                return Value::from_int(-1);
            }
            return Value::from_int(code_points_before(s->text, f));
        }

        Value justify(Call& c, int how, const char* name)
        {
            Vm& vm = c.vm;
            if (!c.check_count(name, 1, 2))
                return Value::error();
            Str* s = self_str(c);
            std::int64_t width;
            if (!vm.to_index(c[0], width))
                return Value::error();
            std::string fill = " ";
            if (c.size() == 2)
            {
                Str* f = c[1].get<Str>();
                if (!f || f->length() != 1)
                    return vm.raise_type_error(std::string("The fill character must be exactly one character long"));
                fill = f->text;
            }
            const auto len = std::int64_t(s->length());
            if (width <= len)
                return c.self;
            if (!vm.reserve_bytes(std::size_t(width) * fill.size()))
                return Value::error();
            const std::int64_t pad = width - len;
            std::int64_t left = how == 0 ? 0 : how == 1 ? pad : pad / 2 + (pad & width & 1);
            std::string r;
            for (std::int64_t i = 0; i < left; ++i)
                r += fill;
            r += s->text;
            for (std::int64_t i = 0; i < pad - left; ++i)
                r += fill;
            return vm.new_str(std::move(r));
        }

        Value str_predicate(Call& c, const char* name, bool (*pred)(std::uint32_t))
        {
            if (!c.check_count(std::string("str.") + name, 0, 0))
                return Value::error();
            const auto cps = decode(self_str(c)->text);
            if (cps.empty())
                return Value::from_bool(false);
            for (auto cp : cps)
                if (!pred(cp))
                    return Value::from_bool(false);
            return Value::from_bool(true);
        }
    }

    void Vm::init_methods()
    {
        // ---------------------------------------------------------------- str
        TypeObj* s = t.str;
        s->method("join",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("str.join", 1, 1))
                          return Value::error();
                      std::vector<Value> items;
                      if (!vm.collect(c[0], items))
                          return Value::error();
                      const std::string& sep = self_str(c)->text;
                      std::size_t total = 0;
                      for (std::size_t i = 0; i < items.size(); ++i)
                      {
                          Str* item = items[i].get<Str>();
                          if (!item)
                              return vm.raise_type_error("sequence item " + std::to_string(i) +
                                                         ": expected str instance, " + vm.type_name(items[i]) +
                                                         " found");
                          total += item->text.size() + sep.size();
                      }
                      if (!vm.reserve_bytes(total) || !vm.charge(total / 16 + items.size() / 2))
                          return Value::error();
                      std::string r;
                      r.reserve(total);
                      for (std::size_t i = 0; i < items.size(); ++i)
                      {
                          if (i)
                              r += sep;
                          r += items[i].as<Str>()->text;
                      }
                      return vm.new_str(std::move(r));
                  });
        s->method("split", [](Call& c) { return split_impl(c, false); });
        s->method("rsplit", [](Call& c) { return split_impl(c, true); });
        s->method("strip", [](Call& c) { return strip_impl(c, 3, "strip"); });
        s->method("lstrip", [](Call& c) { return strip_impl(c, 1, "lstrip"); });
        s->method("rstrip", [](Call& c) { return strip_impl(c, 2, "rstrip"); });
        s->method("upper",
                  [](Call& c) -> Value
                  {
                      if (!c.check_count("str.upper", 0, 0))
                          return Value::error();
                      std::string r;
                      for (auto cp : decode(self_str(c)->text))
                      {
                          if (cp == 0xDF)
                              r += "SS";
                          else
                              encode(r, to_upper_cp(cp));
                      }
                      return c.vm.new_str(std::move(r));
                  });
        s->method("lower",
                  [](Call& c) -> Value
                  {
                      if (!c.check_count("str.lower", 0, 0))
                          return Value::error();
                      std::string r;
                      for (auto cp : decode(self_str(c)->text))
                          encode(r, to_lower_cp(cp));
                      return c.vm.new_str(std::move(r));
                  });
        s->method("casefold",
                  [](Call& c) -> Value
                  {
                      if (!c.check_count("str.casefold", 0, 0))
                          return Value::error();
                      std::string r;
                      for (auto cp : decode(self_str(c)->text))
                      {
                          if (cp == 0xDF)
                              r += "ss";
                          else
                              encode(r, to_lower_cp(cp));
                      }
                      return c.vm.new_str(std::move(r));
                  });
        s->method("swapcase",
                  [](Call& c) -> Value
                  {
                      if (!c.check_count("str.swapcase", 0, 0))
                          return Value::error();
                      std::string r;
                      for (auto cp : decode(self_str(c)->text))
                          encode(r, is_upper_cp(cp) ? to_lower_cp(cp) : to_upper_cp(cp));
                      return c.vm.new_str(std::move(r));
                  });
        auto title_like = [](bool title)
        {
            return [title](Call& c) -> Value
            {
                if (!c.check_count(title ? "str.title" : "str.capitalize", 0, 0))
                    return Value::error();
                std::string r;
                bool start = true;
                for (auto cp : decode(self_str(c)->text))
                {
                    const bool cased = is_upper_cp(cp) || is_lower_cp(cp);
                    encode(r, start ? to_upper_cp(cp) : to_lower_cp(cp));
                    start = title ? !cased : false;
                }
                return c.vm.new_str(std::move(r));
            };
        };
        s->method("title", title_like(true));
        s->method("capitalize", title_like(false));
        s->method("replace",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("replace", 2, 3))
                          return Value::error();
                      Str* old_s = c[0].get<Str>();
                      Str* new_s = c[1].get<Str>();
                      if (!old_s)
                          return vm.raise_type_error("replace() argument 1 must be str, not " + vm.type_name(c[0]));
                      if (!new_s)
                          return vm.raise_type_error("replace() argument 2 must be str, not " + vm.type_name(c[1]));
                      std::int64_t count = -1;
                      if (c.size() == 3 && !vm.to_index(c[2], count))
                          return Value::error();
                      const std::string& text = self_str(c)->text;
                      std::string r;
                      if (old_s->text.empty())
                      {
                          // Between every character (code point), and at both ends.
                          const auto cps = decode(text);
                          std::int64_t done = 0;
                          for (std::size_t i = 0; i <= cps.size(); ++i)
                          {
                              if (count < 0 || done < count)
                              {
                                  r += new_s->text;
                                  ++done;
                              }
                              if (i < cps.size())
                                  encode(r, cps[i]);
                          }
                          return vm.new_str(std::move(r));
                      }
                      std::size_t pos = 0;
                      std::int64_t done = 0;
                      while (count < 0 || done < count)
                      {
                          const std::size_t f = text.find(old_s->text, pos);
                          if (f == std::string::npos)
                              break;
                          r.append(text, pos, f - pos);
                          r += new_s->text;
                          pos = f + old_s->text.size();
                          ++done;
                          if (r.size() > limits::heap_bytes && !vm.reserve_bytes(r.size()))
                              return Value::error();
                      }
                      r.append(text, pos, std::string::npos);
                      return vm.new_str(std::move(r));
                  });
        s->method("format", [](Call& c) -> Value { return c.vm.str_format(self_str(c)->text, c); });
        auto affix = [](bool prefix)
        {
            return [prefix](Call& c) -> Value
            {
                Vm& vm = c.vm;
                const char* name = prefix ? "startswith" : "endswith";
                if (!c.check_count(name, 1, 3))
                    return Value::error();
                Str* self = self_str(c);
                std::size_t start, end;
                std::vector<std::size_t> offs;
                if (!str_range(vm, self, c, 1, start, end, offs))
                    return Value::error();
                const std::string_view window(self->text.data() + start, end >= start ? end - start : 0);
                auto test = [&](Value v, bool& ok) -> bool
                {
                    Str* a = v.get<Str>();
                    if (!a)
                    {
                        ok = false;
                        return false;
                    }
                    if (a->text.size() > window.size())
                        return false;
                    return prefix ? window.substr(0, a->text.size()) == a->text
                                  : window.substr(window.size() - a->text.size()) == a->text;
                };
                bool ok = true, match = false;
                if (Tuple* tu = c[0].get<Tuple>())
                {
                    for (const Value& v : tu->items)
                    {
                        match = test(v, ok) || match;
                        if (!ok)
                            return vm.raise_type_error(std::string("tuple for ") + name +
                                                       " must only contain str, not " + vm.type_name(v));
                    }
                }
                else
                {
                    match = test(c[0], ok);
                    if (!ok)
                        return vm.raise_type_error(
                            std::string(name) + " first arg must be str or a tuple of str, not " + vm.type_name(c[0]));
                }
                return Value::from_bool(match);
            };
        };
        s->method("startswith", affix(true));
        s->method("endswith", affix(false));
        s->method("find", [](Call& c) { return find_impl(c, false, false, "find"); });
        s->method("rfind", [](Call& c) { return find_impl(c, true, false, "rfind"); });
        s->method("index", [](Call& c) { return find_impl(c, false, true, "index"); });
        s->method("rindex", [](Call& c) { return find_impl(c, true, true, "rindex"); });
        s->method("count",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (c.size() < 1)
                          return vm.raise_type_error("count() takes at least 1 argument (0 given)");
                      if (!c.check_count("count", 1, 3))
                          return Value::error();
                      Str* self = self_str(c);
                      Str* sub = c[0].get<Str>();
                      if (!sub)
                          return vm.raise_type_error("must be str, not " + vm.type_name(c[0]));
                      std::size_t start, end;
                      std::vector<std::size_t> offs;
                      if (!str_range(vm, self, c, 1, start, end, offs))
                          return Value::error();
                      if (end < start)
                          return Value::from_int(0);
                      const std::string_view window(self->text.data() + start, end - start);
                      if (sub->text.empty())
                          return Value::from_int(code_points_before(std::string(window), window.size()) + 1);
                      std::int64_t n = 0;
                      std::size_t pos = 0;
                      while ((pos = window.find(sub->text, pos)) != std::string_view::npos)
                      {
                          ++n;
                          pos += sub->text.size();
                      }
                      return Value::from_int(n);
                  });
        s->method("isdigit", [](Call& c) { return str_predicate(c, "isdigit", is_digit_cp); });
        s->method("isdecimal", [](Call& c) { return str_predicate(c, "isdecimal", is_digit_cp); });
        s->method("isnumeric", [](Call& c) { return str_predicate(c, "isnumeric", is_digit_cp); });
        s->method("isalpha", [](Call& c) { return str_predicate(c, "isalpha", is_alpha_cp); });
        s->method("isalnum",
                  [](Call& c) {
                      return str_predicate(c, "isalnum",
                                           [](std::uint32_t cp) { return is_alpha_cp(cp) || is_digit_cp(cp); });
                  });
        s->method("isspace", [](Call& c) { return str_predicate(c, "isspace", is_space_cp); });
        auto case_pred = [](bool upper)
        {
            return [upper](Call& c) -> Value
            {
                if (!c.check_count(upper ? "str.isupper" : "str.islower", 0, 0))
                    return Value::error();
                bool cased = false;
                for (auto cp : decode(self_str(c)->text))
                {
                    if (upper ? is_lower_cp(cp) : is_upper_cp(cp))
                        return Value::from_bool(false);
                    cased = cased || is_upper_cp(cp) || is_lower_cp(cp);
                }
                return Value::from_bool(cased);
            };
        };
        s->method("isupper", case_pred(true));
        s->method("islower", case_pred(false));
        s->method("isidentifier",
                  [](Call& c) -> Value
                  {
                      if (!c.check_count("str.isidentifier", 0, 0))
                          return Value::error();
                      const auto cps = decode(self_str(c)->text);
                      if (cps.empty() || is_digit_cp(cps[0]))
                          return Value::from_bool(false);
                      for (auto cp : cps)
                          if (!(is_alpha_cp(cp) || is_digit_cp(cp) || cp == '_'))
                              return Value::from_bool(false);
                      return Value::from_bool(true);
                  });
        s->method("center", [](Call& c) { return justify(c, 2, "center"); });
        s->method("ljust", [](Call& c) { return justify(c, 0, "ljust"); });
        s->method("rjust", [](Call& c) { return justify(c, 1, "rjust"); });
        s->method("zfill",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("str.zfill", 1, 1))
                          return Value::error();
                      std::int64_t width;
                      if (!vm.to_index(c[0], width))
                          return Value::error();
                      const std::string& text = self_str(c)->text;
                      const auto len = std::int64_t(self_str(c)->length());
                      if (width <= len)
                          return c.self;
                      if (!vm.reserve_bytes(std::size_t(width)))
                          return Value::error();
                      std::string r = text;
                      std::size_t at = (!r.empty() && (r[0] == '+' || r[0] == '-')) ? 1 : 0;
                      r.insert(at, std::size_t(width - len), '0');
                      return vm.new_str(std::move(r));
                  });
        s->method("splitlines",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      Value a[1];
                      if (!c.parse("splitlines", {"keepends"}, 0, a))
                          return Value::error();
                      const bool keep = !a[0].is_undefined() && vm.truth(a[0]) == 1;
                      const std::string& text = self_str(c)->text;
                      std::vector<Value> parts;
                      std::size_t i = 0, start = 0;
                      while (i < text.size())
                      {
                          const char ch = text[i];
                          if (ch == '\n' || ch == '\r')
                          {
                              std::size_t e = i + 1;
                              if (ch == '\r' && e < text.size() && text[e] == '\n')
                                  ++e;
                              parts.push_back(vm.new_str(text.substr(start, (keep ? e : i) - start)));
                              start = i = e;
                              continue;
                          }
                          ++i;
                      }
                      if (start < text.size())
                          parts.push_back(vm.new_str(text.substr(start)));
                      return vm.new_list(std::move(parts));
                  });
        auto partition = [](bool right)
        {
            return [right](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count(right ? "str.rpartition" : "str.partition", 1, 1))
                    return Value::error();
                Str* sep = c[0].get<Str>();
                if (!sep)
                    return vm.raise_type_error("must be str, not " + vm.type_name(c[0]));
                if (sep->text.empty())
                    return vm.raise_value_error("empty separator");
                const std::string& text = self_str(c)->text;
                const std::size_t f = right ? text.rfind(sep->text) : text.find(sep->text);
                if (f == std::string::npos)
                    return right ? vm.new_tuple({vm.empty_str(), vm.empty_str(), c.self})
                                 : vm.new_tuple({c.self, vm.empty_str(), vm.empty_str()});
                return vm.new_tuple(
                    {vm.new_str(text.substr(0, f)), c[0], vm.new_str(text.substr(f + sep->text.size()))});
            };
        };
        s->method("partition", partition(false));
        s->method("rpartition", partition(true));
        s->method("removeprefix",
                  [](Call& c) -> Value
                  {
                      if (!c.check_count("str.removeprefix", 1, 1))
                          return Value::error();
                      Str* p = c[0].get<Str>();
                      if (!p)
                          return c.vm.raise_type_error("removeprefix() argument must be str, not " +
                                                       c.vm.type_name(c[0]));
                      const std::string& text = self_str(c)->text;
                      if (text.compare(0, p->text.size(), p->text) == 0)
                          return c.vm.new_str(text.substr(p->text.size()));
                      return c.self;
                  });
        s->method("removesuffix",
                  [](Call& c) -> Value
                  {
                      if (!c.check_count("str.removesuffix", 1, 1))
                          return Value::error();
                      Str* p = c[0].get<Str>();
                      if (!p)
                          return c.vm.raise_type_error("removesuffix() argument must be str, not " +
                                                       c.vm.type_name(c[0]));
                      const std::string& text = self_str(c)->text;
                      if (!p->text.empty() && text.size() >= p->text.size() &&
                          text.compare(text.size() - p->text.size(), p->text.size(), p->text) == 0)
                          return c.vm.new_str(text.substr(0, text.size() - p->text.size()));
                      return c.self;
                  });
        s->method("encode", [](Call& c) -> Value { return c.vm.unsupported("str.encode() (bytes)"); });

        // ---------------------------------------------------------------- list
        TypeObj* l = t.list;
        l->method("append",
                  [](Call& c) -> Value
                  {
                      if (!c.check_count("list.append", 1, 1))
                          return Value::error();
                      List* self = self_list(c);
                      if (self->items.size() == self->items.capacity())
                      {
                          const std::size_t grow = std::max<std::size_t>(self->items.capacity(), 4) * sizeof(Value);
                          if (!c.vm.reserve_bytes(grow))
                              return Value::error();
                          c.vm.heap.account(std::ptrdiff_t(grow));
                      }
                      self->items.push_back(c[0]);
                      return Value::none();
                  });
        l->method("extend",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("list.extend", 1, 1))
                          return Value::error();
                      std::vector<Value> items;
                      if (!vm.collect(c[0], items))
                          return Value::error();
                      if (!vm.reserve_bytes(items.size() * sizeof(Value)))
                          return Value::error();
                      vm.heap.account(std::ptrdiff_t(items.size() * sizeof(Value)));
                      List* self = self_list(c);
                      self->items.insert(self->items.end(), items.begin(), items.end());
                      return Value::none();
                  });
        l->method("pop",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("pop", 0, 1))
                          return Value::error();
                      List* self = self_list(c);
                      std::int64_t i = -1;
                      if (c.size() == 1 && !vm.to_index(c[0], i))
                          return Value::error();
                      if (self->items.empty())
                          return vm.raise_index_error("pop from empty list");
                      const auto n = std::int64_t(self->items.size());
                      if (i < 0)
                          i += n;
                      if (i < 0 || i >= n)
                          return vm.raise_index_error("pop index out of range");
                      const Value v = self->items[std::size_t(i)];
                      self->items.erase(self->items.begin() + i);
                      return v;
                  });
        l->method("insert",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("insert", 2, 2))
                          return Value::error();
                      List* self = self_list(c);
                      std::int64_t i;
                      if (!vm.to_index(c[0], i))
                          return Value::error();
                      const auto n = std::int64_t(self->items.size());
                      if (i < 0)
                          i = std::max<std::int64_t>(i + n, 0);
                      i = std::min(i, n);
                      vm.heap.account(sizeof(Value));
                      self->items.insert(self->items.begin() + i, c[1]);
                      return Value::none();
                  });
        l->method("remove",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("list.remove", 1, 1))
                          return Value::error();
                      List* self = self_list(c);
                      if (!vm.charge(self->items.size()))
                          return Value::error();
                      for (std::size_t i = 0; i < self->items.size(); ++i)
                      {
                          const int eq = vm.equal(self->items[i], c[0]);
                          if (eq < 0)
                              return Value::error();
                          if (eq)
                          {
                              self->items.erase(self->items.begin() + std::ptrdiff_t(i));
                              return Value::none();
                          }
                      }
                      return vm.raise_value_error("list.remove(x): x not in list");
                  });
        auto seq_index = [](bool is_list)
        {
            return [is_list](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count("index", 1, 3))
                    return Value::error();
                const std::vector<Value>& items = is_list ? self_list(c)->items : c.self.as<Tuple>()->items;
                if (!vm.charge(items.size()))
                    return Value::error();
                const auto n = std::int64_t(items.size());
                std::int64_t a = 0, b = n;
                for (std::size_t k = 1; k < c.size(); ++k)
                {
                    std::int64_t v;
                    if (c[k].get<BigIntObj>())
                        v = c[k].as<BigIntObj>()->value.negative() ? INT64_MIN / 2 : INT64_MAX / 2;
                    else if (!vm.to_index(c[k], v))
                        return Value::error();
                    if (v < 0)
                        v = std::max<std::int64_t>(v + n, 0);
                    (k == 1 ? a : b) = std::min(v, n);
                }
                for (std::int64_t i = a; i < b && i < std::int64_t(items.size()); ++i)
                {
                    const int eq = vm.equal(items[std::size_t(i)], c[0]);
                    if (eq < 0)
                        return Value::error();
                    if (eq)
                        return Value::from_int(i);
                }
                if (!is_list)
                    return vm.raise_value_error("tuple.index(x): x not in tuple");
                std::string rep;
                if (!vm.repr(c[0], rep))
                    return Value::error();
                return vm.raise_value_error(rep + " is not in list");
            };
        };
        l->method("index", seq_index(true));
        auto seq_count = [](bool is_list)
        {
            return [is_list](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count(is_list ? "list.count" : "tuple.count", 1, 1))
                    return Value::error();
                const std::vector<Value> items = is_list ? self_list(c)->items : c.self.as<Tuple>()->items;
                if (!vm.charge(items.size()))
                    return Value::error();
                std::int64_t n = 0;
                for (const Value& v : items)
                {
                    const int eq = vm.equal(v, c[0]);
                    if (eq < 0)
                        return Value::error();
                    n += eq;
                }
                return Value::from_int(n);
            };
        };
        l->method("count", seq_count(true));
        l->method("sort",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (c.size() > 0)
                          return vm.raise_type_error("sort() takes no positional arguments");
                      Value key = Value::none();
                      bool reverse = false;
                      for (std::size_t k = 0; k < c.kw_size(); ++k)
                      {
                          if (c.kw_name(k) == "key")
                              key = c.kw_value(k);
                          else if (c.kw_name(k) == "reverse")
                          {
                              const int tv = vm.truth(c.kw_value(k));
                              if (tv < 0)
                                  return Value::error();
                              reverse = tv;
                          }
                          else
                              return vm.raise_type_error("sort() got an unexpected keyword argument '" +
                                                         std::string(c.kw_name(k)) + "'");
                      }
                      List* self = self_list(c);
                      // CPython sorts a detached copy and empties the list meanwhile.
                      std::vector<Value> items = std::move(self->items);
                      self->items.clear();
                      Vm::Roots roots(vm, &items);
                      const bool ok = sort_values(vm, items, key, reverse);
                      if (!self->items.empty() && ok)
                          return vm.raise_value_error("list modified during sort");
                      self->items = std::move(items);
                      return ok ? Value::none() : Value::error();
                  });
        l->method("reverse",
                  [](Call& c) -> Value
                  {
                      if (!c.check_count("list.reverse", 0, 0))
                          return Value::error();
                      std::reverse(self_list(c)->items.begin(), self_list(c)->items.end());
                      return Value::none();
                  });
        l->method("copy",
                  [](Call& c) -> Value
                  {
                      if (!c.check_count("list.copy", 0, 0))
                          return Value::error();
                      if (!c.vm.reserve_bytes(self_list(c)->items.size() * sizeof(Value)))
                          return Value::error();
                      return c.vm.new_list(self_list(c)->items);
                  });
        l->method("clear",
                  [](Call& c) -> Value
                  {
                      if (!c.check_count("list.clear", 0, 0))
                          return Value::error();
                      self_list(c)->items.clear();
                      return Value::none();
                  });

        // ---------------------------------------------------------------- tuple
        t.tuple->method("index", seq_index(false));
        t.tuple->method("count", seq_count(false));

        // ---------------------------------------------------------------- dict
        TypeObj* d = t.dict;
        auto view = [](IterKind which, const char* name)
        {
            return [which, name](Call& c) -> Value
            {
                if (!c.check_count(std::string("dict.") + name, 0, 0))
                    return Value::error();
                return Value::from_obj(c.vm.heap.make<DictView>(self_dict(c), which));
            };
        };
        d->method("keys", view(IterKind::dict_keys, "keys"));
        d->method("values", view(IterKind::dict_values, "values"));
        d->method("items", view(IterKind::dict_items, "items"));
        d->method("get",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("get", 1, 2))
                          return Value::error();
                      Value out;
                      const int found = vm.dict_get(self_dict(c), c[0], out);
                      if (found < 0)
                          return Value::error();
                      if (found)
                          return out;
                      return c.size() == 2 ? c[1] : Value::none();
                  });
        d->method("pop",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("pop", 1, 2))
                          return Value::error();
                      Value out;
                      const int found = vm.dict_get(self_dict(c), c[0], out);
                      if (found < 0)
                          return Value::error();
                      if (!found)
                      {
                          if (c.size() == 2)
                              return c[1];
                          return vm.raise_key_error(c[0]);
                      }
                      vm.dict_del(self_dict(c), c[0]);
                      return out;
                  });
        d->method("popitem",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("dict.popitem", 0, 0))
                          return Value::error();
                      Dict* self = self_dict(c);
                      for (std::size_t i = self->entries.size(); i-- > 0;)
                      {
                          const Dict::Entry e = self->entries[i];
                          if (e.key.is_undefined())
                              continue;
                          const Value pair = vm.new_tuple({e.key, e.value});
                          vm.dict_del(self, e.key);
                          return pair;
                      }
                      return vm.raise_key_error(vm.new_str("popitem(): dictionary is empty"));
                  });
        d->method("setdefault",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (!c.check_count("setdefault", 1, 2))
                          return Value::error();
                      Value out;
                      const int found = vm.dict_get(self_dict(c), c[0], out);
                      if (found < 0)
                          return Value::error();
                      if (found)
                          return out;
                      const Value v = c.size() == 2 ? c[1] : Value::none();
                      if (!vm.dict_set(self_dict(c), c[0], v))
                          return Value::error();
                      return v;
                  });
        d->method("update",
                  [](Call& c) -> Value
                  {
                      Vm& vm = c.vm;
                      if (c.size() > 1)
                          return vm.raise_type_error("update expected at most 1 argument, got " +
                                                     std::to_string(c.size()));
                      Dict* self = self_dict(c);
                      if (c.size() == 1)
                      {
                          const Value made = vm.call(Value::from_obj(vm.t.dict), c.args(), 1);
                          if (made.is_error())
                              return made;
                          Dict* src = made.as<Dict>();
                          for (std::size_t i = 0; i < src->entries.size(); ++i)
                          {
                              const Dict::Entry e = src->entries[i];
                              if (!e.key.is_undefined() && !vm.dict_set(self, e.key, e.value))
                                  return Value::error();
                          }
                      }
                      for (std::size_t k = 0; k < c.kw_size(); ++k)
                          if (!vm.dict_set(self, vm.new_str(std::string(c.kw_name(k))), c.kw_value(k)))
                              return Value::error();
                      return Value::none();
                  });
        d->method("copy",
                  [](Call& c) -> Value
                  {
                      if (!c.check_count("dict.copy", 0, 0))
                          return Value::error();
                      const Value self = c.self;
                      return c.vm.call(Value::from_obj(c.vm.t.dict), &self, 1);
                  });
        d->method("clear",
                  [](Call& c) -> Value
                  {
                      if (!c.check_count("dict.clear", 0, 0))
                          return Value::error();
                      Dict* self = self_dict(c);
                      self->entries.clear();
                      self->index.clear();
                      self->used = 0;
                      ++self->version;
                      return Value::none();
                  });
        {
            NativeFunction* fromkeys = new_native("fromkeys",
                                                  [](Call& c) -> Value
                                                  {
                                                      Vm& vm = c.vm;
                                                      if (!c.check_count("fromkeys", 1, 2))
                                                          return Value::error();
                                                      std::vector<Value> keys;
                                                      if (!vm.collect(c[0], keys))
                                                          return Value::error();
                                                      Dict* r = vm.new_dict();
                                                      const Value v = c.size() == 2 ? c[1] : Value::none();
                                                      for (const Value& k : keys)
                                                          if (!vm.dict_set(r, k, v))
                                                              return Value::error();
                                                      return Value::from_obj(r);
                                                  });
            dict_set_str(d->attrs, intern("fromkeys"), Value::from_obj(fromkeys));
        }

        // ---------------------------------------------------------------- numbers
        t.int_->method("bit_length",
                       [](Call& c) -> Value
                       {
                           if (!c.check_count("int.bit_length", 0, 0))
                               return Value::error();
                           BigInt v;
                           Vm::to_bigint(c.self, v);
                           return Value::from_int(std::int64_t(v.bit_length()));
                       });
        t.int_->method("conjugate",
                       [](Call& c) -> Value { return c.self.is_bool() ? Value::from_int(c.self.b) : c.self; });
        t.float_->method("is_integer",
                         [](Call& c) -> Value
                         {
                             if (!c.check_count("float.is_integer", 0, 0))
                                 return Value::error();
                             const double x = c.self.f;
                             return Value::from_bool(std::isfinite(x) && std::floor(x) == x);
                         });
        t.float_->method("conjugate", [](Call& c) -> Value { return c.self; });
        t.float_->method("as_integer_ratio",
                         [](Call& c) -> Value
                         {
                             Vm& vm = c.vm;
                             const double x = c.self.f;
                             if (std::isinf(x))
                                 return vm.raise_overflow("cannot convert Infinity to integer ratio");
                             if (std::isnan(x))
                                 return vm.raise_value_error("cannot convert NaN to integer ratio");
                             int e;
                             double m = std::frexp(x, &e);
                             for (int i = 0; i < 300 && m != std::floor(m); ++i)
                             {
                                 m *= 2.0;
                                 --e;
                             }
                             BigInt num = BigInt::from_double(m), den = BigInt::from_int64(1);
                             if (e > 0)
                                 num = num.shift_left(std::size_t(e));
                             else
                                 den = den.shift_left(std::size_t(-e));
                             return vm.new_tuple({vm.new_int(num), vm.new_int(den)});
                         });

        // ---------------------------------------------------------------- range
        t.range->method("index",
                        [](Call& c) -> Value
                        {
                            Vm& vm = c.vm;
                            if (!c.check_count("range.index", 1, 1))
                                return Value::error();
                            const int in = vm.contains(c.self, c[0]);
                            if (in < 0)
                                return Value::error();
                            if (!in || !c[0].is_small_int())
                            {
                                std::string rep;
                                vm.repr(c[0], rep);
                                return vm.raise_value_error(rep + " is not in range");
                            }
                            Range* r = c.self.as<Range>();
                            return Value::from_int((c[0].small_int() - r->start) / r->step);
                        });
        t.range->method("count",
                        [](Call& c) -> Value
                        {
                            if (!c.check_count("range.count", 1, 1))
                                return Value::error();
                            const int in = c.vm.contains(c.self, c[0]);
                            if (in < 0)
                                return Value::error();
                            return Value::from_int(in);
                        });
    }

    // -------------------------------------------------------------------- math

    namespace
    {
        using Unary = double (*)(double);

        /// A math function of one real argument with CPython's error rules:
        /// ValueError "math domain error" for a NaN from a non-NaN argument,
        /// OverflowError "math range error" for an infinity from a finite one.
        NativeFn math1(const char* name, Unary f, bool can_overflow = true)
        {
            return [name, f, can_overflow](Call& c) -> Value
            {
                Vm& vm = c.vm;
                if (!c.check_count(std::string("math.") + name, 1, 1))
                    return Value::error();
                double x;
                if (!vm.to_double(c[0], x))
                    return Value::error();
                const double r = f(x);
                if (std::isnan(r) && !std::isnan(x))
                    return vm.raise_value_error("math domain error");
                if (std::isinf(r) && std::isfinite(x))
                {
                    if (can_overflow)
                        return vm.raise_overflow("math range error");
                    return vm.raise_value_error("math domain error");
                }
                return Value::from_float(r);
            };
        }

        /// log of any int, including those beyond float range.
        bool log_value(Vm& vm, Value v, double& out)
        {
            if (BigIntObj* b = v.get<BigIntObj>())
            {
                if (b->value.negative() || b->value.is_zero())
                {
                    vm.raise_value_error("math domain error");
                    return false;
                }
                double d;
                if (b->value.to_double(d))
                {
                    out = std::log(d);
                    return true;
                }
                // x = m * 2^e with m < 2^64: log x = log m + e log 2.
                const std::size_t shift = b->value.bit_length() - 60;
                double m;
                b->value.shift_right(shift).to_double(m);
                out = std::log(m) + double(shift) * std::log(2.0);
                return true;
            }
            double x;
            if (!vm.to_double(v, x))
                return false;
            if (x <= 0 || std::isnan(x))
            {
                if (std::isnan(x))
                {
                    out = x;
                    return true;
                }
                vm.raise_value_error("math domain error");
                return false;
            }
            out = std::log(x);
            return true;
        }

        /// Integral float or int to a Python int (floor, ceil, trunc).
        Value float_to_int(Vm& vm, double r)
        {
            if (std::isnan(r))
                return vm.raise_value_error("cannot convert float NaN to integer");
            if (std::isinf(r))
                return vm.raise_overflow("cannot convert float infinity to integer");
            if (std::fabs(r) < 9.2e18)
                return Value::from_int(std::int64_t(r));
            return vm.new_int(BigInt::from_double(r));
        }

        bool math_int_arg(Vm& vm, Value v, BigInt& out)
        {
            if (Vm::to_bigint(v, out))
                return true;
            std::int64_t i;
            if (!vm.to_index(v, i))
                return false;
            out = BigInt::from_int64(i);
            return true;
        }

        BigInt gcd(BigInt a, BigInt b)
        {
            if (a.negative())
                a = -a;
            if (b.negative())
                b = -b;
            while (!b.is_zero())
            {
                BigInt r;
                BigInt::divmod(a, b, nullptr, &r);
                a = std::move(b);
                b = std::move(r);
            }
            return a;
        }

        /// Shewchuk's exact summation, as CPython's math.fsum.
        bool fsum(Vm& vm, const std::vector<Value>& items, double& out)
        {
            std::vector<double> partials;
            double special = 0.0, inf_sum = 0.0;
            bool has_special = false;
            for (const Value& v : items)
            {
                double x;
                if (!vm.to_double(v, x))
                    return false;
                if (!std::isfinite(x))
                {
                    if (std::isinf(x))
                        inf_sum += x;
                    special += x;
                    has_special = true;
                    continue;
                }
                std::size_t i = 0;
                for (double y : partials)
                {
                    if (std::fabs(x) < std::fabs(y))
                        std::swap(x, y);
                    const double hi = x + y;
                    const double lo = y - (hi - x);
                    if (lo != 0.0)
                        partials[i++] = lo;
                    x = hi;
                }
                partials.resize(i);
                partials.push_back(x);
                if (std::isinf(x))
                {
                    vm.raise_overflow("intermediate overflow in fsum");
                    return false;
                }
            }
            if (has_special)
            {
                if (std::isnan(inf_sum))
                {
                    vm.raise_value_error("-inf + inf in fsum");
                    return false;
                }
                out = special;
                return true;
            }
            double hi = 0.0;
            if (!partials.empty())
            {
                std::size_t n = partials.size();
                hi = partials[--n];
                double lo = 0;
                while (n > 0)
                {
                    const double x = hi;
                    const double y = partials[--n];
                    hi = x + y;
                    const double yr = hi - x;
                    lo = y - yr;
                    if (lo != 0.0)
                        break;
                }
                if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)))
                {
                    const double y = lo * 2.0;
                    const double x = hi + y;
                    const double yr = x - hi;
                    if (y == yr)
                        hi = x;
                }
            }
            out = hi;
            return true;
        }

        bool init_math(Vm& vm, ModuleBuilder& m)
        {
            const double pi = 3.141592653589793;
            m.value("pi", Value::from_float(pi));
            m.value("e", Value::from_float(2.718281828459045));
            m.value("tau", Value::from_float(6.283185307179586));
            m.value("inf", Value::from_float(std::numeric_limits<double>::infinity()));
            m.value("nan", Value::from_float(std::numeric_limits<double>::quiet_NaN()));
            m.function("sqrt", math1("sqrt", [](double x) { return std::sqrt(x); }));
            m.function("exp", math1("exp", [](double x) { return std::exp(x); }));
            m.function("expm1", math1("expm1", [](double x) { return std::expm1(x); }));
            m.function("log2", math1(
                                   "log2", [](double x) { return x <= 0 ? std::nan("") : std::log2(x); }, false));
            m.function("log10", math1(
                                    "log10", [](double x) { return x <= 0 ? std::nan("") : std::log10(x); }, false));
            m.function("log1p", math1(
                                    "log1p", [](double x) { return x <= -1 ? std::nan("") : std::log1p(x); }, false));
            m.function("sin", math1("sin", [](double x) { return std::sin(x); }));
            m.function("cos", math1("cos", [](double x) { return std::cos(x); }));
            m.function("tan", math1("tan", [](double x) { return std::tan(x); }));
            m.function("asin", math1("asin", [](double x) { return std::asin(x); }));
            m.function("acos", math1("acos", [](double x) { return std::acos(x); }));
            m.function("atan", math1("atan", [](double x) { return std::atan(x); }));
            m.function("sinh", math1("sinh", [](double x) { return std::sinh(x); }));
            m.function("cosh", math1("cosh", [](double x) { return std::cosh(x); }));
            m.function("tanh", math1("tanh", [](double x) { return std::tanh(x); }));
            m.function("asinh", math1("asinh", [](double x) { return std::asinh(x); }));
            m.function("acosh", math1("acosh", [](double x) { return std::acosh(x); }));
            m.function("atanh",
                       math1(
                           "atanh", [](double x) { return std::fabs(x) >= 1 ? std::nan("") : std::atanh(x); }, false));
            m.function("fabs", math1("fabs", [](double x) { return std::fabs(x); }));
            m.function("cbrt", math1("cbrt", [](double x) { return std::cbrt(x); }));
            m.function("exp2", math1("exp2", [](double x) { return std::exp2(x); }));
            m.function("ulp", math1("ulp",
                                    [](double x)
                                    {
                                        x = std::fabs(x);
                                        if (!std::isfinite(x))
                                            return x;
                                        const double next = std::nextafter(x, std::numeric_limits<double>::infinity());
                                        return std::isinf(next) ? x - std::nextafter(x, 0.0) : next - x;
                                    }));
            m.function("erf", math1("erf", [](double x) { return std::erf(x); }));
            m.function("erfc", math1("erfc", [](double x) { return std::erfc(x); }));
            m.function("gamma", math1("gamma", [](double x)
                                      { return (x <= 0 && std::floor(x) == x) ? std::nan("") : std::tgamma(x); }));
            m.function("lgamma", math1("lgamma", [](double x)
                                       { return (x <= 0 && std::floor(x) == x) ? std::nan("") : std::lgamma(x); }));
            m.function("degrees", math1("degrees", [](double x) { return x * (180.0 / 3.141592653589793); }));
            m.function("radians", math1("radians", [](double x) { return x * (3.141592653589793 / 180.0); }));
            m.function("log",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           if (!c.check_count("log", 1, 2))
                               return Value::error();
                           double x;
                           if (!log_value(vm, c[0], x))
                               return Value::error();
                           if (c.size() == 2)
                           {
                               double b;
                               if (!log_value(vm, c[1], b))
                                   return Value::error();
                               if (b == 0.0)
                                   return vm.raise_zero_division("float division by zero");
                               return Value::from_float(x / b);
                           }
                           return Value::from_float(x);
                       });
            auto rounding = [](const char* name, double (*f)(double))
            {
                return [name, f](Call& c) -> Value
                {
                    Vm& vm = c.vm;
                    if (!c.check_count(std::string("math.") + name, 1, 1))
                        return Value::error();
                    if (is_int(c[0]))
                        return c[0].is_bool() ? Value::from_int(c[0].b) : c[0];
                    double x;
                    if (!vm.to_double(c[0], x))
                        return Value::error();
                    return float_to_int(vm, f(x));
                };
            };
            m.function("floor", rounding("floor", [](double x) { return std::floor(x); }));
            m.function("ceil", rounding("ceil", [](double x) { return std::ceil(x); }));
            m.function("trunc", rounding("trunc", [](double x) { return std::trunc(x); }));
            auto binary_real = [](const char* name, double (*f)(double, double), bool domain_nan)
            {
                return [name, f, domain_nan](Call& c) -> Value
                {
                    Vm& vm = c.vm;
                    if (!c.check_count(name, 2, 2))
                        return Value::error();
                    double x, y;
                    if (!vm.to_double(c[0], x) || !vm.to_double(c[1], y))
                        return Value::error();
                    const double r = f(x, y);
                    if (domain_nan && std::isnan(r) && !std::isnan(x) && !std::isnan(y))
                        return vm.raise_value_error("math domain error");
                    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
                        return vm.raise_overflow("math range error");
                    return Value::from_float(r);
                };
            };
            m.function("pow",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           if (!c.check_count("pow", 2, 2))
                               return Value::error();
                           double x, y;
                           if (!vm.to_double(c[0], x) || !vm.to_double(c[1], y))
                               return Value::error();
                           if (x == 0.0 && y < 0.0 && std::isfinite(y))
                               return vm.raise_value_error("math domain error");
                           if (x < 0.0 && std::isfinite(x) && std::isfinite(y) && std::floor(y) != y)
                               return vm.raise_value_error("math domain error");
                           const double r = std::pow(x, y);
                           if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
                               return vm.raise_overflow("math range error");
                           return Value::from_float(r);
                       });
            m.function("atan2", binary_real(
                                    "atan2", [](double y, double x) { return std::atan2(y, x); }, true));
            m.function("fmod",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           if (!c.check_count("fmod", 2, 2))
                               return Value::error();
                           double x, y;
                           if (!vm.to_double(c[0], x) || !vm.to_double(c[1], y))
                               return Value::error();
                           if (y == 0.0 || std::isinf(x))
                           {
                               if (!std::isnan(x) && !std::isnan(y))
                                   return vm.raise_value_error("math domain error");
                           }
                           return Value::from_float(std::fmod(x, y));
                       });
            m.function("nextafter", binary_real(
                                        "nextafter", [](double x, double y) { return std::nextafter(x, y); }, false));
            m.function("remainder", binary_real(
                                        "remainder", [](double x, double y) { return std::remainder(x, y); }, true));
            m.function("copysign", binary_real(
                                       "copysign", [](double x, double y) { return std::copysign(x, y); }, false));
            m.function("hypot",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           if (!c.no_keywords("hypot"))
                               return Value::error();
                           double acc = 0;
                           std::vector<double> xs;
                           for (std::size_t i = 0; i < c.size(); ++i)
                           {
                               double x;
                               if (!vm.to_double(c[i], x))
                                   return Value::error();
                               xs.push_back(x);
                           }
                           if (xs.size() == 2)
                               return Value::from_float(std::hypot(xs[0], xs[1]));
                           for (double x : xs)
                               acc = std::hypot(acc, x);
                           return Value::from_float(acc);
                       });
            auto predicate = [](const char* name, bool (*p)(double))
            {
                return [name, p](Call& c) -> Value
                {
                    Vm& vm = c.vm;
                    if (!c.check_count(std::string("math.") + name, 1, 1))
                        return Value::error();
                    double x;
                    if (!vm.to_double(c[0], x))
                        return Value::error();
                    return Value::from_bool(p(x));
                };
            };
            m.function("isfinite", predicate("isfinite", [](double x) { return bool(std::isfinite(x)); }));
            m.function("isinf", predicate("isinf", [](double x) { return bool(std::isinf(x)); }));
            m.function("isnan", predicate("isnan", [](double x) { return bool(std::isnan(x)); }));
            m.function("isclose",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           Value a[4];
                           if (!c.parse("isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, a))
                               return Value::error();
                           double x, y, rel = 1e-9, abs_tol = 0.0;
                           if (!vm.to_double(a[0], x) || !vm.to_double(a[1], y))
                               return Value::error();
                           if (!a[2].is_undefined() && !vm.to_double(a[2], rel))
                               return Value::error();
                           if (!a[3].is_undefined() && !vm.to_double(a[3], abs_tol))
                               return Value::error();
                           if (rel < 0.0 || abs_tol < 0.0)
                               return vm.raise_value_error("tolerances must be non-negative");
                           if (x == y)
                               return Value::from_bool(true);
                           if (std::isinf(x) || std::isinf(y))
                               return Value::from_bool(false);
                           const double diff = std::fabs(y - x);
                           return Value::from_bool((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) ||
                                                   (diff <= abs_tol));
                       });
            m.function("factorial",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           if (!c.check_count("math.factorial", 1, 1))
                               return Value::error();
                           if (c[0].is_float())
                               return vm.raise_type_error("'float' object cannot be interpreted as an integer");
                           std::int64_t n;
                           if (!vm.to_index(c[0], n))
                               return Value::error();
                           if (n < 0)
                               return vm.raise_value_error("factorial() not defined for negative values");
                           if (n > 100000)
                               return vm.raise_overflow(
                                   "factorial() argument should not exceed 100000 in NeuronLab's Python");
                           if (!vm.charge(std::uint64_t(n) * std::uint64_t(n) / 256))
                               return Value::error();
                           BigInt r = BigInt::from_int64(1);
                           for (std::int64_t i = 2; i <= n; ++i)
                               r = r * BigInt::from_int64(i);
                           return vm.new_int(std::move(r));
                       });
            m.function("gcd",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           if (!c.no_keywords("gcd"))
                               return Value::error();
                           BigInt g;
                           for (std::size_t i = 0; i < c.size(); ++i)
                           {
                               BigInt v;
                               if (!math_int_arg(vm, c[i], v))
                                   return Value::error();
                               g = gcd(g, v);
                           }
                           return vm.new_int(std::move(g));
                       });
            m.function("lcm",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           if (!c.no_keywords("lcm"))
                               return Value::error();
                           BigInt r = BigInt::from_int64(1);
                           for (std::size_t i = 0; i < c.size(); ++i)
                           {
                               BigInt v;
                               if (!math_int_arg(vm, c[i], v))
                                   return Value::error();
                               if (v.is_zero() || r.is_zero())
                               {
                                   r = BigInt();
                                   continue;
                               }
                               BigInt g = gcd(r, v), q;
                               BigInt::divmod(r * v, g, &q, nullptr);
                               r = q.negative() ? -q : q;
                           }
                           return vm.new_int(std::move(r));
                       });
            auto comb_perm = [](bool comb)
            {
                return [comb](Call& c) -> Value
                {
                    Vm& vm = c.vm;
                    if (!c.check_count(comb ? "comb" : "perm", comb ? 2 : 1, 2))
                        return Value::error();
                    std::int64_t n, k;
                    if (!vm.to_index(c[0], n))
                        return Value::error();
                    k = n;
                    if (c.size() == 2 && !c[1].is_none() && !vm.to_index(c[1], k))
                        return Value::error();
                    if (n < 0)
                        return vm.raise_value_error("n must be a non-negative integer");
                    if (k < 0)
                        return vm.raise_value_error("k must be a non-negative integer");
                    if (k > n)
                        return Value::from_int(0);
                    if (comb)
                        k = std::min(k, n - k);
                    if (k > 100000)
                        return vm.raise_overflow("argument too large in NeuronLab's Python");
                    BigInt r = BigInt::from_int64(1);
                    for (std::int64_t i = 0; i < k; ++i)
                    {
                        r = r * BigInt::from_int64(n - i);
                        if (comb)
                            BigInt::divmod(r, BigInt::from_int64(i + 1), &r, nullptr);
                    }
                    return vm.new_int(std::move(r));
                };
            };
            m.function("comb", comb_perm(true));
            m.function("perm", comb_perm(false));
            m.function("fsum",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           if (!c.check_count("math.fsum", 1, 1))
                               return Value::error();
                           std::vector<Value> items;
                           if (!vm.collect(c[0], items))
                               return Value::error();
                           double r;
                           if (!fsum(vm, items, r))
                               return Value::error();
                           return Value::from_float(r);
                       });
            m.function("prod",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           if (c.size() != 1)
                               return vm.raise_type_error("prod() takes exactly 1 positional argument (" +
                                                          std::to_string(c.size()) + " given)");
                           Value acc = Value::from_int(1);
                           for (std::size_t k = 0; k < c.kw_size(); ++k)
                           {
                               if (c.kw_name(k) != "start")
                                   return vm.raise_type_error("prod() got an unexpected keyword argument '" +
                                                              std::string(c.kw_name(k)) + "'");
                               acc = c.kw_value(k);
                           }
                           std::vector<Value> items;
                           if (!vm.collect(c[0], items))
                               return Value::error();
                           for (const Value& v : items)
                           {
                               acc = vm.binary(BinOp::mul, acc, v);
                               if (acc.is_error())
                                   return acc;
                           }
                           return acc;
                       });
            m.function("modf",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           if (!c.check_count("math.modf", 1, 1))
                               return Value::error();
                           double x;
                           if (!vm.to_double(c[0], x))
                               return Value::error();
                           if (std::isinf(x))
                               return vm.new_tuple({Value::from_float(std::copysign(0.0, x)), Value::from_float(x)});
                           double ip;
                           const double fp = std::modf(x, &ip);
                           return vm.new_tuple({Value::from_float(fp), Value::from_float(ip)});
                       });
            m.function("frexp",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           if (!c.check_count("math.frexp", 1, 1))
                               return Value::error();
                           double x;
                           if (!vm.to_double(c[0], x))
                               return Value::error();
                           int e = 0;
                           const double mant = std::isfinite(x) ? std::frexp(x, &e) : x;
                           return vm.new_tuple({Value::from_float(mant), Value::from_int(e)});
                       });
            m.function("ldexp",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           if (!c.check_count("ldexp", 2, 2))
                               return Value::error();
                           double x;
                           if (!vm.to_double(c[0], x))
                               return Value::error();
                           std::int64_t e;
                           if (c[1].is_float())
                               return vm.raise_type_error("Expected an int as second argument to ldexp.");
                           if (!vm.to_index(c[1], e))
                               return Value::error();
                           e = std::clamp<std::int64_t>(e, -100000, 100000);
                           const double r = std::ldexp(x, int(e));
                           if (std::isinf(r) && std::isfinite(x))
                               return vm.raise_overflow("math range error");
                           return Value::from_float(r);
                       });
            m.function("dist",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           if (!c.check_count("dist", 2, 2))
                               return Value::error();
                           std::vector<Value> p, q;
                           if (!vm.collect(c[0], p) || !vm.collect(c[1], q))
                               return Value::error();
                           if (p.size() != q.size())
                               return vm.raise_value_error("both points must have the same number of dimensions");
                           double acc = 0;
                           for (std::size_t i = 0; i < p.size(); ++i)
                           {
                               double a, b;
                               if (!vm.to_double(p[i], a) || !vm.to_double(q[i], b))
                                   return Value::error();
                               acc = std::hypot(acc, a - b);
                           }
                           return Value::from_float(acc);
                       });
            m.function("isqrt",
                       [](Call& c) -> Value
                       {
                           Vm& vm = c.vm;
                           if (!c.check_count("math.isqrt", 1, 1))
                               return Value::error();
                           BigInt n;
                           if (!math_int_arg(vm, c[0], n))
                               return Value::error();
                           if (n.negative())
                               return vm.raise_value_error("isqrt() argument must be nonnegative");
                           if (n.is_zero())
                               return Value::from_int(0);
                           // Newton's method from above.
                           BigInt x = BigInt::from_int64(1).shift_left((n.bit_length() + 1) / 2 + 1);
                           while (true)
                           {
                               BigInt q;
                               BigInt::divmod(n, x, &q, nullptr);
                               BigInt y = (x + q).shift_right(1);
                               if (BigInt::compare(y, x) >= 0)
                                   break;
                               x = std::move(y);
                           }
                           return vm.new_int(std::move(x));
                       });
            (void)vm;
            return true;
        }
    }

    extern const NativeModuleDef native_math_module;
    const NativeModuleDef native_math_module{"math", init_math};
}
