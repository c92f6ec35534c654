// The object model: what Python's operators, repr, hashing, comparison,
// indexing, attribute access and iteration do on each kind of value.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

#include "print/float_repr.hpp"
#include "vm.hpp"

namespace nl::py
{
    // -------------------------------------------------------------------- objects

    std::size_t Str::length() const
    {
        if (m_length < 0)
        {
            std::int64_t n = 0;
            for (unsigned char c : text)
                n += (c & 0xC0) != 0x80;
            m_length = n;
        }
        return std::size_t(m_length);
    }

    std::uint64_t Str::hash() const
    {
        if (m_hash == 0)
        {
            std::uint64_t h = 1469598103934665603ull;
            for (unsigned char c : text)
            {
                h ^= c;
                h *= 1099511628211ull;
            }
            if (h == 0 || h == ~std::uint64_t(0))
                h = 1;
            m_hash = h;
        }
        return m_hash;
    }

    std::int64_t Range::length() const
    {
        if (step > 0)
            return start < stop
                       ? std::int64_t((std::uint64_t(stop) - std::uint64_t(start) - 1) / std::uint64_t(step) + 1)
                       : 0;
        return start > stop
                   ? std::int64_t((std::uint64_t(start) - std::uint64_t(stop) - 1) / (0 - std::uint64_t(step)) + 1)
                   : 0;
    }

    void Dict::trace(Tracer& t)
    {
        for (const Entry& e : entries)
        {
            t.mark(e.key);
            t.mark(e.value);
        }
    }

    void Function::trace(Tracer& t)
    {
        t.mark(code);
        t.mark(defaults);
        t.mark(kwdefaults);
        for (Cell* c : closure)
            t.mark(c);
    }

    void NativeFunction::trace(Tracer& t)
    {
        t.mark(owner);
        t.mark(module);
    }

    void Exception::trace(Tracer& t)
    {
        t.mark(type);
        t.mark(args);
        t.mark(cause);
    }

    void TypeObj::trace(Tracer& t)
    {
        t.mark(base);
        t.mark(attrs);
    }

    void TypeObj::method(std::string_view method_name, NativeFn fn)
    {
        NativeFunction* f = vm->new_native(std::string(method_name), std::move(fn));
        f->owner = this;
        vm->dict_set_str(attrs, vm->intern(method_name), Value::from_obj(f));
    }

    // -------------------------------------------------------------------- types

    void Vm::init_types()
    {
        auto make = [&](const char* name, TypeObj* base)
        {
            TypeObj* tp = heap.make<TypeObj>(name, "builtins", base);
            tp->attrs = heap.make<Dict>();
            tp->vm = this;
            return tp;
        };
        t.object = make("object", nullptr);
        t.type = make("type", t.object);
        t.none = make("NoneType", t.object);
        t.int_ = make("int", t.object);
        t.bool_ = make("bool", t.int_);
        t.float_ = make("float", t.object);
        t.str = make("str", t.object);
        t.list = make("list", t.object);
        t.tuple = make("tuple", t.object);
        t.dict = make("dict", t.object);
        t.range = make("range", t.object);
        t.slice = make("slice", t.object);
        t.function = make("function", t.object);
        t.builtin_function = make("builtin_function_or_method", t.object);
        t.method = make("method", t.object);
        t.module = make("module", t.object);
        t.cell = make("cell", t.object);
        t.code = make("code", t.object);
        t.ellipsis = make("ellipsis", t.object);
        t.not_implemented = make("NotImplementedType", t.object);
        t.list_iterator = make("list_iterator", t.object);
        t.list_reverseiterator = make("list_reverseiterator", t.object);
        t.tuple_iterator = make("tuple_iterator", t.object);
        t.str_iterator = make("str_ascii_iterator", t.object);
        t.range_iterator = make("range_iterator", t.object);
        t.dict_keyiterator = make("dict_keyiterator", t.object);
        t.dict_valueiterator = make("dict_valueiterator", t.object);
        t.dict_itemiterator = make("dict_itemiterator", t.object);
        t.enumerate = make("enumerate", t.object);
        t.zip = make("zip", t.object);
        t.map = make("map", t.object);
        t.filter = make("filter", t.object);
        t.dict_keys = make("dict_keys", t.object);
        t.dict_values = make("dict_values", t.object);
        t.dict_items = make("dict_items", t.object);
        auto exc = [&](const char* name, TypeObj* base)
        {
            TypeObj* tp = make(name, base);
            tp->is_exception = true;
            return tp;
        };
        t.BaseException = exc("BaseException", t.object);
        t.Exception = exc("Exception", t.BaseException);
        t.ArithmeticError = exc("ArithmeticError", t.Exception);
        t.ZeroDivisionError = exc("ZeroDivisionError", t.ArithmeticError);
        t.OverflowError = exc("OverflowError", t.ArithmeticError);
        t.FloatingPointError = exc("FloatingPointError", t.ArithmeticError);
        t.LookupError = exc("LookupError", t.Exception);
        t.IndexError = exc("IndexError", t.LookupError);
        t.KeyError = exc("KeyError", t.LookupError);
        t.TypeError = exc("TypeError", t.Exception);
        t.ValueError = exc("ValueError", t.Exception);
        t.UnicodeError = exc("UnicodeError", t.ValueError);
        t.NameError = exc("NameError", t.Exception);
        t.UnboundLocalError = exc("UnboundLocalError", t.NameError);
        t.AttributeError = exc("AttributeError", t.Exception);
        t.RuntimeError = exc("RuntimeError", t.Exception);
        t.RecursionError = exc("RecursionError", t.RuntimeError);
        t.NotImplementedError = exc("NotImplementedError", t.RuntimeError);
        t.MemoryError = exc("MemoryError", t.Exception);
        t.SyntaxError = exc("SyntaxError", t.Exception);
        t.IndentationError = exc("IndentationError", t.SyntaxError);
        t.TabError = exc("TabError", t.IndentationError);
        t.StopIteration = exc("StopIteration", t.Exception);
        t.AssertionError = exc("AssertionError", t.Exception);
        t.ImportError = exc("ImportError", t.Exception);
        t.ModuleNotFoundError = exc("ModuleNotFoundError", t.ImportError);
        t.OSError = exc("OSError", t.Exception);
        t.TimeoutError = exc("TimeoutError", t.OSError);
        t.KeyboardInterrupt = exc("KeyboardInterrupt", t.BaseException);
        t.SystemExit = exc("SystemExit", t.BaseException);
        NativeObject* ell = heap.make<NativeObject>(t.ellipsis);
        m_ellipsis = Value::from_obj(ell);
        t.ellipsis->hooks.repr = [](Vm& vm, Value) { return vm.new_str("Ellipsis"); };
    }

    TypeObj* Vm::type_of(Value v) const
    {
        switch (v.tag)
        {
        case Tag::none:
            return t.none;
        case Tag::boolean:
            return t.bool_;
        case Tag::integer:
            return t.int_;
        case Tag::floating:
            return t.float_;
        case Tag::object:
            break;
        default:
            return t.object;
        }
        switch (v.o->kind)
        {
        case Kind::bigint:
            return t.int_;
        case Kind::str:
            return t.str;
        case Kind::list:
            return t.list;
        case Kind::tuple:
            return t.tuple;
        case Kind::dict:
            return t.dict;
        case Kind::code:
            return t.code;
        case Kind::function:
            return t.function;
        case Kind::cell:
            return t.cell;
        case Kind::native_function:
            return t.builtin_function;
        case Kind::bound_method:
            return v.as<BoundMethod>()->func.get<NativeFunction>() ? t.builtin_function : t.method;
        case Kind::module:
            return t.module;
        case Kind::type:
            return t.type;
        case Kind::range:
            return t.range;
        case Kind::slice:
            return t.slice;
        case Kind::exception:
            return v.as<Exception>()->type;
        case Kind::native:
            return v.as<NativeObject>()->type;
        case Kind::dict_view:
        {
            const IterKind w = v.as<DictView>()->which;
            return w == IterKind::dict_keys ? t.dict_keys : w == IterKind::dict_values ? t.dict_values : t.dict_items;
        }
        case Kind::iterator:
            switch (v.as<Iterator>()->ik)
            {
            case IterKind::range:
                return t.range_iterator;
            case IterKind::list:
                return t.list_iterator;
            case IterKind::tuple:
                return t.tuple_iterator;
            case IterKind::str:
                return t.str_iterator;
            case IterKind::dict_keys:
                return t.dict_keyiterator;
            case IterKind::dict_values:
                return t.dict_valueiterator;
            case IterKind::dict_items:
                return t.dict_itemiterator;
            case IterKind::reversed_list:
                return t.list_reverseiterator;
            case IterKind::enumerate:
                return t.enumerate;
            case IterKind::zip:
                return t.zip;
            case IterKind::map:
                return t.map;
            case IterKind::filter:
                return t.filter;
            case IterKind::native:
                return t.object;
            }
        }
        return t.object;
    }

    // -------------------------------------------------------------------- repr / str

    std::string Vm::float_repr(double d) { return ::nl::py::float_repr(d); }

    bool Vm::int_to_string(Value v, std::string& out)
    {
        if (v.is_small_int())
        {
            out += std::to_string(v.small_int());
            return true;
        }
        const BigInt& b = v.as<BigIntObj>()->value;
        if (b.decimal_digits_upper_bound() > limits::int_max_str_digits + 1)
        {
            const std::string s = b.to_string();
            const std::size_t digits = s.size() - (b.negative() ? 1 : 0);
            if (digits > limits::int_max_str_digits)
            {
                raise_value_error("Exceeds the limit (" + std::to_string(limits::int_max_str_digits) +
                                  " digits) for integer string conversion; use sys.set_int_max_str_digits() to "
                                  "increase the limit");
                return false;
            }
            out += s;
            return true;
        }
        out += b.to_string();
        return true;
    }

    namespace
    {
        void append_utf8(std::string& s, std::uint32_t cp)
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

        /// Decodes one code point of UTF-8 at `i`, advancing it.
        std::uint32_t decode_at(const std::string& s, std::size_t& i)
        {
            const unsigned char c = static_cast<unsigned char>(s[i]);
            int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
            ++i;
            for (int k = 1; k < len && i < s.size(); ++k, ++i)
                cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
            return cp;
        }

        void repr_string(const std::string& s, std::string& out)
        {
            const bool has_single = s.find('\'') != std::string::npos;
            const bool has_double = s.find('"') != std::string::npos;
            const char q = has_single && !has_double ? '"' : '\'';
            out += q;
            std::size_t i = 0;
            while (i < s.size())
            {
                const std::uint32_t cp = decode_at(s, i);
                if (cp == std::uint32_t(q) || cp == '\\')
                {
                    out += '\\';
                    out += char(cp);
                }
                else if (cp == '\n')
                    out += "\\n";
                else if (cp == '\r')
                    out += "\\r";
                else if (cp == '\t')
                    out += "\\t";
                else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0xa0) || cp == 0xad)
                {
                    char buf[16];
                    std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(cp));
                    out += buf;
                }
                else if ((cp >= 0x2028 && cp <= 0x2029) || (cp >= 0xd800 && cp <= 0xdfff))
                {
                    char buf[16];
                    std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(cp));
                    out += buf;
                }
                else
                    append_utf8(out, cp);
            }
            out += q;
        }

        std::string address(const void* p)
        {
            char buf[32];
            std::snprintf(buf, sizeof buf, "0x%012llx",
                          static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(p)));
            return buf;
        }
    }

    bool Vm::repr(Value v, std::string& out) { return repr_into(v, out, 0); }

    bool Vm::repr_into(Value v, std::string& out, int depth)
    {
        switch (v.tag)
        {
        case Tag::none:
            out += "None";
            return true;
        case Tag::boolean:
            out += v.b ? "True" : "False";
            return true;
        case Tag::integer:
            out += std::to_string(v.i);
            return true;
        case Tag::floating:
            out += float_repr(v.f);
            return true;
        case Tag::object:
            break;
        default:
            out += "<undefined>";
            return true;
        }
        if (depth > 400)
        {
            raise(t.RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
            return false;
        }
        Obj* o = v.o;
        auto container = [&](const std::vector<Value>& items, const char* open, const char* close, bool tuple) -> bool
        {
            if (std::find(m_repr_stack.begin(), m_repr_stack.end(), o) != m_repr_stack.end())
            {
                out += open;
                out += "...";
                out += close;
                return true;
            }
            if (!charge(items.size() / 2) || !reserve_bytes(out.size()))
                return false;
            m_repr_stack.push_back(o);
            out += open;
            for (std::size_t i = 0; i < items.size(); ++i)
            {
                if (i)
                    out += ", ";
                if (!repr_into(items[i], out, depth + 1))
                {
                    m_repr_stack.pop_back();
                    return false;
                }
            }
            if (tuple && items.size() == 1)
                out += ",";
            out += close;
            m_repr_stack.pop_back();
            return true;
        };
        switch (o->kind)
        {
        case Kind::bigint:
            return int_to_string(v, out);
        case Kind::str:
            repr_string(v.as<Str>()->text, out);
            return true;
        case Kind::list:
            return container(v.as<List>()->items, "[", "]", false);
        case Kind::tuple:
            return container(v.as<Tuple>()->items, "(", ")", true);
        case Kind::dict:
        {
            Dict* d = v.as<Dict>();
            if (std::find(m_repr_stack.begin(), m_repr_stack.end(), o) != m_repr_stack.end())
            {
                out += "{...}";
                return true;
            }
            m_repr_stack.push_back(o);
            out += "{";
            bool first = true;
            for (std::size_t i = 0; i < d->entries.size(); ++i)
            {
                const Dict::Entry e = d->entries[i];
                if (e.key.is_undefined())
                    continue;
                if (!first)
                    out += ", ";
                first = false;
                if (!repr_into(e.key, out, depth + 1))
                {
                    m_repr_stack.pop_back();
                    return false;
                }
                out += ": ";
                if (!repr_into(e.value, out, depth + 1))
                {
                    m_repr_stack.pop_back();
                    return false;
                }
            }
            out += "}";
            m_repr_stack.pop_back();
            return true;
        }
        case Kind::function:
            out += "<function " + v.as<Function>()->code->qualname + " at " + address(o) + ">";
            return true;
        case Kind::native_function:
        {
            NativeFunction* f = v.as<NativeFunction>();
            if (f->owner)
                out += "<method '" + f->name + "' of '" + f->owner->name + "' objects>";
            else
                out += "<built-in function " + f->name.substr(f->name.rfind('.') + 1) + ">";
            return true;
        }
        case Kind::bound_method:
        {
            BoundMethod* m = v.as<BoundMethod>();
            if (NativeFunction* f = m->func.get<NativeFunction>())
                out += "<built-in method " + f->name + " of " + type_name(m->self) + " object at " +
                       address(m->self.is_obj() ? m->self.o : nullptr) + ">";
            else
                out += "<bound method>";
            return true;
        }
        case Kind::module:
        {
            Module* m = v.as<Module>();
            out += "<module '" + m->name + "' (built-in)>";
            return true;
        }
        case Kind::type:
            out += "<class '" + v.as<TypeObj>()->qualified_name() + "'>";
            return true;
        case Kind::range:
        {
            Range* r = v.as<Range>();
            out += "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
            if (r->step != 1)
                out += ", " + std::to_string(r->step);
            out += ")";
            return true;
        }
        case Kind::slice:
        {
            Slice* s = v.as<Slice>();
            out += "slice(";
            if (!repr_into(s->start, out, depth + 1))
                return false;
            out += ", ";
            if (!repr_into(s->stop, out, depth + 1))
                return false;
            out += ", ";
            if (!repr_into(s->step, out, depth + 1))
                return false;
            out += ")";
            return true;
        }
        case Kind::exception:
        {
            Exception* e = v.as<Exception>();
            out += e->type->name;
            if (e->args.size() == 1)
            {
                out += "(";
                if (!repr_into(e->args[0], out, depth + 1))
                    return false;
                out += ")";
                return true;
            }
            return container(e->args, "(", ")", false);
        }
        case Kind::dict_view:
        {
            DictView* dv = v.as<DictView>();
            out += type_name(v) + "(";
            std::vector<Value> items;
            if (!collect(v, items))
                return false;
            (void)dv;
            if (!container(items, "[", "]", false))
                return false;
            out += ")";
            return true;
        }
        case Kind::native:
        {
            NativeObject* n = v.as<NativeObject>();
            if (n->type->hooks.repr)
            {
                const Value r = n->type->hooks.repr(*this, v);
                if (r.is_error())
                    return false;
                out += r.as<Str>()->text;
                return true;
            }
            out += "<" + n->type->qualified_name() + " object at " + address(o) + ">";
            return true;
        }
        case Kind::iterator:
            out += "<" + type_name(v) + " object at " + address(o) + ">";
            return true;
        case Kind::cell:
            out += "<cell at " + address(o) + ">";
            return true;
        case Kind::code:
            out += "<code object " + v.as<Code>()->name + ">";
            return true;
        }
        return true;
    }

    bool Vm::str(Value v, std::string& out)
    {
        if (Str* s = v.get<Str>())
        {
            out += s->text;
            return true;
        }
        if (Exception* e = v.get<Exception>())
        {
            if (e->args.empty())
                return true;
            if (e->args.size() == 1)
            {
                if (e->type->is_subtype(t.KeyError))
                    return repr(e->args[0], out);
                return str(e->args[0], out);
            }
            return repr(new_tuple(e->args), out);
        }
        if (NativeObject* n = v.get<NativeObject>(); n && n->type->hooks.str)
        {
            const Value r = n->type->hooks.str(*this, v);
            if (r.is_error())
                return false;
            out += r.as<Str>()->text;
            return true;
        }
        return repr(v, out);
    }

    Value Vm::repr_value(Value v)
    {
        std::string s;
        if (!repr(v, s))
            return Value::error();
        return new_str(std::move(s));
    }

    Value Vm::str_value(Value v)
    {
        if (v.get<Str>())
            return v;
        std::string s;
        if (!str(v, s))
            return Value::error();
        return new_str(std::move(s));
    }

    // -------------------------------------------------------------------- truth

    int Vm::truth(Value v)
    {
        switch (v.tag)
        {
        case Tag::none:
            return 0;
        case Tag::boolean:
            return v.b;
        case Tag::integer:
            return v.i != 0;
        case Tag::floating:
            return v.f != 0.0;
        case Tag::object:
            break;
        default:
            return 0;
        }
        switch (v.o->kind)
        {
        case Kind::bigint:
            return !v.as<BigIntObj>()->value.is_zero();
        case Kind::str:
            return !v.as<Str>()->text.empty();
        case Kind::list:
            return !v.as<List>()->items.empty();
        case Kind::tuple:
            return !v.as<Tuple>()->items.empty();
        case Kind::dict:
            return v.as<Dict>()->size() != 0;
        case Kind::range:
            return v.as<Range>()->length() != 0;
        case Kind::dict_view:
            return v.as<DictView>()->dict->size() != 0;
        case Kind::native:
        {
            NativeObject* n = v.as<NativeObject>();
            if (n->type->hooks.truth)
                return n->type->hooks.truth(*this, v);
            if (n->type->hooks.len)
            {
                const Value l = n->type->hooks.len(*this, v);
                if (l.is_error())
                    return -1;
                return l.small_int() != 0;
            }
            return 1;
        }
        default:
            return 1;
        }
    }

    // -------------------------------------------------------------------- numbers

    bool Vm::to_bigint(Value v, BigInt& out)
    {
        if (v.is_small_int())
        {
            out = BigInt::from_int64(v.small_int());
            return true;
        }
        if (BigIntObj* b = v.get<BigIntObj>())
        {
            out = b->value;
            return true;
        }
        return false;
    }

    bool Vm::to_double(Value v, double& out)
    {
        switch (v.tag)
        {
        case Tag::boolean:
        case Tag::integer:
            out = double(v.small_int());
            return true;
        case Tag::floating:
            out = v.f;
            return true;
        case Tag::object:
            if (BigIntObj* b = v.get<BigIntObj>())
            {
                if (!b->value.to_double(out))
                {
                    raise_overflow("int too large to convert to float");
                    return false;
                }
                return true;
            }
            if (NativeObject* n = v.get<NativeObject>(); n && n->type->hooks.to_float)
            {
                const Value r = n->type->hooks.to_float(*this, v);
                if (r.is_error())
                    return false;
                return to_double(r, out);
            }
            break;
        default:
            break;
        }
        raise_type_error("must be real number, not " + type_name(v));
        return false;
    }

    bool Vm::to_index(Value v, std::int64_t& out)
    {
        if (v.is_small_int())
        {
            out = v.small_int();
            return true;
        }
        if (BigIntObj* b = v.get<BigIntObj>())
        {
            (void)b;
            raise_index_error("cannot fit 'int' into an index-sized integer");
            return false;
        }
        if (NativeObject* n = v.get<NativeObject>(); n && n->type->hooks.to_index)
        {
            const Value r = n->type->hooks.to_index(*this, v);
            if (r.is_error())
                return false;
            return to_index(r, out);
        }
        raise_type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
        return false;
    }

    namespace
    {
        bool is_intlike(Value v) { return v.is_small_int() || v.get<BigIntObj>(); }
        bool is_number(Value v) { return is_intlike(v) || v.is_float(); }

        const char* op_symbol(BinOp op)
        {
            switch (op)
            {
            case BinOp::add:
                return "+";
            case BinOp::sub:
                return "-";
            case BinOp::mul:
                return "*";
            case BinOp::truediv:
                return "/";
            case BinOp::floordiv:
                return "//";
            case BinOp::mod:
                return "%";
            case BinOp::pow:
                return "** or pow()";
            case BinOp::matmul:
                return "@";
            case BinOp::lshift:
                return "<<";
            case BinOp::rshift:
                return ">>";
            case BinOp::bit_and:
                return "&";
            case BinOp::bit_or:
                return "|";
            case BinOp::bit_xor:
                return "^";
            default:
                return "?";
            }
        }

        const char* cmp_symbol(CmpOp op)
        {
            switch (op)
            {
            case CmpOp::lt:
                return "<";
            case CmpOp::le:
                return "<=";
            case CmpOp::gt:
                return ">";
            case CmpOp::ge:
                return ">=";
            case CmpOp::eq:
                return "==";
            default:
                return "!=";
            }
        }

        CmpOp swapped(CmpOp op)
        {
            switch (op)
            {
            case CmpOp::lt:
                return CmpOp::gt;
            case CmpOp::le:
                return CmpOp::ge;
            case CmpOp::gt:
                return CmpOp::lt;
            case CmpOp::ge:
                return CmpOp::le;
            default:
                return op;
            }
        }

        /// Python's float floor division and modulo (floatobject.c's float_divmod).
        void float_divmod(double vx, double wx, double& floordiv, double& mod)
        {
            mod = std::fmod(vx, wx);
            double div = (vx - mod) / wx;
            if (mod != 0.0)
            {
                if ((wx < 0) != (mod < 0))
                {
                    mod += wx;
                    div -= 1.0;
                }
            }
            else
                mod = std::copysign(0.0, wx);
            if (div != 0.0)
            {
                floordiv = std::floor(div);
                if (div - floordiv > 0.5)
                    floordiv += 1.0;
            }
            else
                floordiv = std::copysign(0.0, vx / wx);
        }
    }

    Value Vm::float_binary(BinOp op, double a, double b)
    {
        switch (op)
        {
        case BinOp::add:
            return Value::from_float(a + b);
        case BinOp::sub:
            return Value::from_float(a - b);
        case BinOp::mul:
            return Value::from_float(a * b);
        case BinOp::truediv:
            if (b == 0.0)
                return raise_zero_division("float division by zero");
            return Value::from_float(a / b);
        case BinOp::floordiv:
        case BinOp::mod:
        {
            if (b == 0.0)
                return raise_zero_division(op == BinOp::mod ? "float modulo" : "float floor division by zero");
            double q, m;
            float_divmod(a, b, q, m);
            return Value::from_float(op == BinOp::mod ? m : q);
        }
        case BinOp::pow:
        {
            if (a == 0.0 && b < 0.0 && std::isfinite(b))
                return raise_zero_division("0.0 cannot be raised to a negative power");
            if (a < 0.0 && std::isfinite(a) && std::isfinite(b) && std::floor(b) != b)
                return raise_value_error("complex numbers are not supported in NeuronLab's Python (a negative "
                                         "number raised to a fractional power)");
            const double r = std::pow(a, b);
            if (std::isinf(r) && std::isfinite(a) && std::isfinite(b))
                return raise_overflow("(34, 'Numerical result out of range')");
            return Value::from_float(r);
        }
        default:
            return Value::not_implemented();
        }
    }

    Value Vm::int_binary(BinOp op, Value a, Value b)
    {
        if (a.is_small_int() && b.is_small_int())
        {
            const std::int64_t x = a.small_int(), y = b.small_int();
            std::int64_t r;
            switch (op)
            {
            case BinOp::add:
                if (!__builtin_add_overflow(x, y, &r))
                    return Value::from_int(r);
                break;
            case BinOp::sub:
                if (!__builtin_sub_overflow(x, y, &r))
                    return Value::from_int(r);
                break;
            case BinOp::mul:
                if (!__builtin_mul_overflow(x, y, &r))
                    return Value::from_int(r);
                break;
            case BinOp::truediv:
                if (y == 0)
                    return raise_zero_division("division by zero");
                if (std::llabs(x) <= (std::int64_t(1) << 53) && std::llabs(y) <= (std::int64_t(1) << 53))
                    return Value::from_float(double(x) / double(y));
                break;
            case BinOp::floordiv:
            case BinOp::mod:
            {
                if (y == 0)
                    return raise_zero_division(op == BinOp::mod ? "integer modulo by zero"
                                                                : "integer division or modulo by zero");
                if (x == INT64_MIN && y == -1)
                    break;
                std::int64_t q = x / y, m = x % y;
                if (m != 0 && ((m < 0) != (y < 0)))
                {
                    m += y;
                    --q;
                }
                return Value::from_int(op == BinOp::mod ? m : q);
            }
            case BinOp::pow:
                if (y < 0)
                {
                    if (x == 0)
                        return raise_zero_division("0.0 cannot be raised to a negative power");
                    return float_binary(BinOp::pow, double(x), double(y));
                }
                {
                    std::int64_t result = 1, base = x;
                    std::int64_t e = y;
                    bool overflow = false;
                    while (e && !overflow)
                    {
                        if (e & 1)
                            overflow = __builtin_mul_overflow(result, base, &result);
                        e >>= 1;
                        if (e && !overflow)
                            overflow = __builtin_mul_overflow(base, base, &base);
                    }
                    if (!overflow)
                        return Value::from_int(result);
                }
                break;
            case BinOp::lshift:
                if (y < 0)
                    return raise_value_error("negative shift count");
                if (y < 63 && x >= -(std::int64_t(1) << (62 - y)) && x < (std::int64_t(1) << (62 - y)))
                    return Value::from_int(x * (std::int64_t(1) << y));
                break;
            case BinOp::rshift:
                if (y < 0)
                    return raise_value_error("negative shift count");
                return Value::from_int(y >= 64 ? (x < 0 ? -1 : 0) : (x >> y));
            case BinOp::bit_and:
                return Value::from_int(x & y);
            case BinOp::bit_or:
                return Value::from_int(x | y);
            case BinOp::bit_xor:
                return Value::from_int(x ^ y);
            default:
                return Value::not_implemented();
            }
        }
        // The general case, in big integers.
        BigInt x, y;
        to_bigint(a, x);
        to_bigint(b, y);
        switch (op)
        {
        case BinOp::add:
            return new_int(x + y);
        case BinOp::sub:
            return new_int(x - y);
        case BinOp::mul:
            if (!charge((x.limbs() * y.limbs()) / 64) || !reserve_bytes((x.limbs() + y.limbs()) * 4))
                return Value::error();
            return new_int(x * y);
        case BinOp::truediv:
        {
            if (y.is_zero())
                return raise_zero_division("division by zero");
            double r;
            if (!BigInt::true_divide(x, y, r))
                return raise_overflow("integer division result too large for a float");
            return Value::from_float(r);
        }
        case BinOp::floordiv:
        case BinOp::mod:
        {
            if (y.is_zero())
                return raise_zero_division(op == BinOp::mod ? "integer modulo by zero"
                                                            : "integer division or modulo by zero");
            if (!charge((x.limbs() * y.limbs()) / 64))
                return Value::error();
            BigInt q, r;
            BigInt::divmod(x, y, &q, &r);
            return new_int(op == BinOp::mod ? r : q);
        }
        case BinOp::pow:
        {
            if (y.negative())
            {
                double fx, fy;
                if (!to_double(a, fx) || !to_double(b, fy))
                    return Value::error();
                if (fx == 0)
                    return raise_zero_division("0.0 cannot be raised to a negative power");
                return float_binary(BinOp::pow, fx, fy);
            }
            if (x.is_zero() || x.bit_length() == 1)
            {
                // 0, 1 and -1 to any power.
                if (x.is_zero())
                    return Value::from_int(y.is_zero() ? 1 : 0);
                if (!x.negative())
                    return Value::from_int(1);
                return Value::from_int(y.is_odd() ? -1 : 1);
            }
            if (!y.fits_int64())
                return raise_memory_error("");
            const auto e = std::uint64_t(y.to_int64());
            const double bits = double(x.bit_length()) * double(e);
            if (bits > 8.0 * double(limits::heap_bytes))
                return raise_memory_error("");
            const double limbs = bits / 32;
            if (!charge(std::uint64_t(limbs * limbs / 64)) || !reserve_bytes(std::size_t(bits / 8)))
                return Value::error();
            return new_int(BigInt::pow(x, e));
        }
        case BinOp::lshift:
        {
            if (y.negative())
                return raise_value_error("negative shift count");
            if (x.is_zero())
                return Value::from_int(0);
            if (!y.fits_int64() || y.to_int64() > std::int64_t(limits::heap_bytes) * 8)
                return raise_overflow("too many digits in integer");
            if (!reserve_bytes(std::size_t(y.to_int64() / 8)))
                return Value::error();
            return new_int(x.shift_left(std::size_t(y.to_int64())));
        }
        case BinOp::rshift:
        {
            if (y.negative())
                return raise_value_error("negative shift count");
            if (!y.fits_int64() || std::uint64_t(y.to_int64()) >= x.bit_length() + 1)
                return Value::from_int(x.negative() ? -1 : 0);
            return new_int(x.shift_right(std::size_t(y.to_int64())));
        }
        case BinOp::bit_and:
            return new_int(x & y);
        case BinOp::bit_or:
            return new_int(x | y);
        case BinOp::bit_xor:
            return new_int(x ^ y);
        default:
            return Value::not_implemented();
        }
    }

    // -------------------------------------------------------------------- binary operators

    Value Vm::native_binary(BinOp op, Value a, Value b)
    {
        NativeObject* na = a.get<NativeObject>();
        NativeObject* nb = b.get<NativeObject>();
        if (na && na->type->hooks.binary)
        {
            const Value r = na->type->hooks.binary(*this, op, a, b, false);
            if (!r.is_not_implemented())
                return r;
        }
        if (nb && nb->type->hooks.binary && (!na || na->type != nb->type || !na->type->hooks.binary))
        {
            const Value r = nb->type->hooks.binary(*this, op, a, b, true);
            if (!r.is_not_implemented())
                return r;
        }
        return Value::not_implemented();
    }

    namespace
    {
        bool repeat_count(Vm& vm, Value n, std::int64_t& count)
        {
            if (n.is_small_int())
            {
                count = n.small_int();
                return true;
            }
            if (n.get<BigIntObj>())
            {
                BigInt b;
                Vm::to_bigint(n, b);
                if (b.negative())
                {
                    count = 0;
                    return true;
                }
                vm.raise_overflow("cannot fit 'int' into an index-sized integer");
                return false;
            }
            return false;
        }
    }

    Value Vm::seq_binary(BinOp op, Value a, Value b)
    {
        // Concatenation.
        if (op == BinOp::add)
        {
            if (Str* sa = a.get<Str>())
            {
                Str* sb = b.get<Str>();
                if (!sb)
                    return raise_type_error("can only concatenate str (not \"" + type_name(b) + "\") to str");
                // Copying counts: s += x in a loop is quadratic here (CPython
                // appends in place), and the budget must be able to stop it.
                if (!reserve_bytes(sa->text.size() + sb->text.size()) ||
                    !charge((sa->text.size() + sb->text.size()) / 8))
                    return Value::error();
                std::string s;
                s.reserve(sa->text.size() + sb->text.size());
                s += sa->text;
                s += sb->text;
                return new_str(std::move(s));
            }
            if (List* la = a.get<List>())
            {
                List* lb = b.get<List>();
                if (!lb)
                    return raise_type_error("can only concatenate list (not \"" + type_name(b) + "\") to list");
                if (!reserve_bytes((la->items.size() + lb->items.size()) * sizeof(Value)) ||
                    !charge((la->items.size() + lb->items.size()) / 2))
                    return Value::error();
                std::vector<Value> items;
                items.reserve(la->items.size() + lb->items.size());
                items.insert(items.end(), la->items.begin(), la->items.end());
                items.insert(items.end(), lb->items.begin(), lb->items.end());
                return new_list(std::move(items));
            }
            if (Tuple* ta = a.get<Tuple>())
            {
                Tuple* tb = b.get<Tuple>();
                if (!tb)
                    return raise_type_error("can only concatenate tuple (not \"" + type_name(b) + "\") to tuple");
                if (!reserve_bytes((ta->items.size() + tb->items.size()) * sizeof(Value)) ||
                    !charge((ta->items.size() + tb->items.size()) / 2))
                    return Value::error();
                std::vector<Value> items(ta->items);
                items.insert(items.end(), tb->items.begin(), tb->items.end());
                return new_tuple(std::move(items));
            }
        }
        // Repetition.
        if (op == BinOp::mul)
        {
            Value seq = a, n = b;
            if (is_intlike(a) && (b.get<Str>() || b.get<List>() || b.get<Tuple>()))
                std::swap(seq, n);
            if (seq.get<Str>() || seq.get<List>() || seq.get<Tuple>())
            {
                if (!is_intlike(n))
                {
                    if (n.is_obj() && n.o->kind == Kind::native)
                        return Value::not_implemented();
                    return raise_type_error("can't multiply sequence by non-int of type '" + type_name(n) + "'");
                }
                std::int64_t count;
                if (!repeat_count(*this, n, count))
                    return Value::error();
                if (count < 0)
                    count = 0;
                if (Str* s = seq.get<Str>())
                {
                    const double bytes = double(s->text.size()) * double(count);
                    if (bytes > double(limits::heap_bytes) || !reserve_bytes(std::size_t(bytes)))
                    {
                        if (!m_pending)
                            reserve_bytes(limits::heap_bytes + 1);
                        return Value::error();
                    }
                    if (!charge(std::uint64_t(bytes / 64)))
                        return Value::error();
                    std::string r;
                    r.reserve(std::size_t(bytes));
                    for (std::int64_t i = 0; i < count; ++i)
                        r += s->text;
                    return new_str(std::move(r));
                }
                const std::vector<Value>& src = seq.get<List>() ? seq.as<List>()->items : seq.as<Tuple>()->items;
                const double n_items = double(src.size()) * double(count);
                if (n_items * sizeof(Value) > double(limits::heap_bytes) ||
                    !reserve_bytes(std::size_t(n_items) * sizeof(Value)))
                {
                    if (!m_pending)
                        reserve_bytes(limits::heap_bytes + 1);
                    return Value::error();
                }
                if (!charge(std::uint64_t(n_items / 16)))
                    return Value::error();
                std::vector<Value> items;
                items.reserve(std::size_t(n_items));
                for (std::int64_t i = 0; i < count; ++i)
                    items.insert(items.end(), src.begin(), src.end());
                heap.account(std::ptrdiff_t(items.size() * sizeof(Value)));
                return seq.get<List>() ? new_list(std::move(items)) : new_tuple(std::move(items));
            }
        }
        if (op == BinOp::mod)
        {
            if (Str* s = a.get<Str>())
                return percent_format(s->text, b);
        }
        if (op == BinOp::bit_or)
        {
            Dict* da = a.get<Dict>();
            Dict* db = b.get<Dict>();
            if (da && db)
            {
                Dict* r = new_dict();
                for (Dict* d : {da, db})
                    for (std::size_t i = 0; i < d->entries.size(); ++i)
                    {
                        const Dict::Entry e = d->entries[i];
                        if (!e.key.is_undefined() && !dict_set(r, e.key, e.value))
                            return Value::error();
                    }
                return Value::from_obj(r);
            }
        }
        return Value::not_implemented();
    }

    Value Vm::binary(BinOp op, Value a, Value b)
    {
        if ((a.is_obj() && a.o->kind == Kind::native) || (b.is_obj() && b.o->kind == Kind::native))
        {
            const Value r = native_binary(op, a, b);
            if (!r.is_not_implemented())
                return r;
        }
        if (is_number(a) && is_number(b))
        {
            if (a.is_float() || b.is_float())
            {
                if (op == BinOp::matmul || op == BinOp::lshift || op == BinOp::rshift || op == BinOp::bit_and ||
                    op == BinOp::bit_or || op == BinOp::bit_xor)
                    return raise_type_error(std::string("unsupported operand type(s) for ") + op_symbol(op) + ": '" +
                                            type_name(a) + "' and '" + type_name(b) + "'");
                double x, y;
                if (!to_double(a, x) || !to_double(b, y))
                    return Value::error();
                return float_binary(op, x, y);
            }
            if (a.is_bool() && b.is_bool() && (op == BinOp::bit_and || op == BinOp::bit_or || op == BinOp::bit_xor))
            {
                const bool x = a.b, y = b.b;
                return Value::from_bool(op == BinOp::bit_and ? (x && y) : op == BinOp::bit_or ? (x || y) : (x != y));
            }
            const Value r = int_binary(op, a, b);
            if (!r.is_not_implemented())
                return r;
        }
        else
        {
            const Value r = seq_binary(op, a, b);
            if (!r.is_not_implemented())
                return r;
        }
        return raise_type_error(std::string("unsupported operand type(s) for ") + op_symbol(op) + ": '" + type_name(a) +
                                "' and '" + type_name(b) + "'");
    }

    Value Vm::inplace(BinOp op, Value a, Value b)
    {
        if (List* l = a.get<List>())
        {
            if (op == BinOp::add && !(b.is_obj() && b.o->kind == Kind::native))
            {
                // list += iterable extends in place.
                std::vector<Value> items;
                if (b.get<List>() || b.get<Tuple>() || b.is_obj())
                {
                    if (!collect(b, items))
                        return Value::error();
                }
                else
                    return raise_type_error("'" + type_name(b) + "' object is not iterable");
                if (!reserve_bytes(items.size() * sizeof(Value)))
                    return Value::error();
                heap.account(std::ptrdiff_t(items.size() * sizeof(Value)));
                l->items.insert(l->items.end(), items.begin(), items.end());
                return a;
            }
        }
        if (NativeObject* n = a.get<NativeObject>(); n && n->type->hooks.binary)
        {
            // In-place operators on native objects: the hook decides; NumPy arrays
            // update themselves and return self.
            const Value r = n->type->hooks.binary(*this, BinOp(int(op) | inplace_op_flag), a, b, false);
            if (!r.is_not_implemented())
                return r;
        }
        const Value r = binary(op, a, b);
        if (r.is_error() && m_pending && m_pending->type == t.TypeError && !m_pending->args.empty())
        {
            // CPython names the augmented operator: "for +=: 'int' and 'str'".
            Str* msg = m_pending->args[0].get<Str>();
            const std::string prefix = std::string("unsupported operand type(s) for ") + op_symbol(op) + ":";
            if (msg && msg->text.rfind(prefix, 0) == 0)
            {
                std::string sym = op == BinOp::pow ? "**=" : std::string(op_symbol(op)) + "=";
                m_pending->args[0] =
                    new_str("unsupported operand type(s) for " + sym + msg->text.substr(prefix.size()));
            }
        }
        return r;
    }

    Value Vm::unary(UnOp op, Value v)
    {
        if (op == UnOp::not_)
        {
            const int tv = truth(v);
            if (tv < 0)
                return Value::error();
            return Value::from_bool(!tv);
        }
        if (v.is_small_int())
        {
            const std::int64_t x = v.small_int();
            if (op == UnOp::pos)
                return Value::from_int(x);
            if (op == UnOp::invert)
                return Value::from_int(~x);
            if (x != INT64_MIN)
                return Value::from_int(-x);
            return new_int(-BigInt::from_int64(x));
        }
        if (v.is_float())
        {
            if (op == UnOp::neg)
                return Value::from_float(-v.f);
            if (op == UnOp::pos)
                return v;
        }
        if (BigIntObj* b = v.get<BigIntObj>())
        {
            if (op == UnOp::pos)
                return v;
            return new_int(op == UnOp::neg ? -b->value : b->value.invert());
        }
        if (NativeObject* n = v.get<NativeObject>(); n && n->type->hooks.unary)
        {
            const Value r = n->type->hooks.unary(*this, op, v);
            if (!r.is_not_implemented())
                return r;
        }
        const char* sym = op == UnOp::neg ? "-" : op == UnOp::pos ? "+" : "~";
        return raise_type_error(std::string("bad operand type for unary ") + sym + ": '" + type_name(v) + "'");
    }

    // -------------------------------------------------------------------- comparison

    /// Three-way numeric comparison (exact between ints and floats); 2 when unordered (NaN).
    static int compare_numbers(Value a, Value b)
    {
        if (a.is_small_int() && b.is_small_int())
        {
            const std::int64_t x = a.small_int(), y = b.small_int();
            return x < y ? -1 : x > y ? 1 : 0;
        }
        if (a.is_float() && b.is_float())
        {
            if (std::isnan(a.f) || std::isnan(b.f))
                return 2;
            return a.f < b.f ? -1 : a.f > b.f ? 1 : 0;
        }
        if (a.is_float() || b.is_float())
        {
            const bool a_float = a.is_float();
            const double d = a_float ? a.f : b.f;
            if (std::isnan(d))
                return 2;
            BigInt i;
            Vm::to_bigint(a_float ? b : a, i);
            const int c = BigInt::compare(i, d);  // int vs float
            return a_float ? -c : c;
        }
        BigInt x, y;
        Vm::to_bigint(a, x);
        Vm::to_bigint(b, y);
        return BigInt::compare(x, y);
    }

    /// 1 true, 0 false, -1 raised, -2 "not implemented" (incomparable types).
    int Vm::compare_values(Value a, Value b, CmpOp op, int depth)
    {
        if (depth > 400)
        {
            raise(t.RecursionError, "maximum recursion depth exceeded in comparison");
            return -1;
        }
        auto result = [op](int c) -> int
        {
            if (c == 2)
                return op == CmpOp::ne;
            switch (op)
            {
            case CmpOp::lt:
                return c < 0;
            case CmpOp::le:
                return c <= 0;
            case CmpOp::eq:
                return c == 0;
            case CmpOp::ne:
                return c != 0;
            case CmpOp::gt:
                return c > 0;
            case CmpOp::ge:
                return c >= 0;
            default:
                return 0;
            }
        };
        if (is_number(a) && is_number(b))
            return result(compare_numbers(a, b));
        if (a.is_none() && b.is_none())
        {
            if (op == CmpOp::eq || op == CmpOp::ne)
                return op == CmpOp::eq;
            return -2;
        }
        Str* sa = a.get<Str>();
        Str* sb = b.get<Str>();
        if (sa && sb)
        {
            if (op == CmpOp::eq || op == CmpOp::ne)
                return (sa == sb || sa->text == sb->text) == (op == CmpOp::eq);
            const int c = sa->text.compare(sb->text);
            return result(c < 0 ? -1 : c > 0 ? 1 : 0);
        }
        const std::vector<Value>* xa = nullptr;
        const std::vector<Value>* xb = nullptr;
        if (a.get<List>() && b.get<List>())
        {
            xa = &a.as<List>()->items;
            xb = &b.as<List>()->items;
        }
        else if (a.get<Tuple>() && b.get<Tuple>())
        {
            xa = &a.as<Tuple>()->items;
            xb = &b.as<Tuple>()->items;
        }
        if (xa)
        {
            if ((op == CmpOp::eq || op == CmpOp::ne) && xa->size() != xb->size())
                return op == CmpOp::ne;
            // Copies: comparing may run code that changes the lists.
            if (!charge(std::min(xa->size(), xb->size())))
                return -1;
            const std::vector<Value> va = *xa, vb = *xb;
            std::size_t i = 0;
            for (; i < va.size() && i < vb.size(); ++i)
            {
                if (va[i].tag == vb[i].tag && va[i].tag == Tag::object && va[i].o == vb[i].o)
                    continue;
                const int eq = compare_values(va[i], vb[i], CmpOp::eq, depth + 1);
                if (eq < 0)
                {
                    if (eq == -2)
                        continue;
                    return -1;
                }
                if (!eq)
                    break;
            }
            if (i >= va.size() || i >= vb.size())
            {
                const int c = va.size() < vb.size() ? -1 : va.size() > vb.size() ? 1 : 0;
                return result(c);
            }
            if (op == CmpOp::eq)
                return 0;
            if (op == CmpOp::ne)
                return 1;
            const int r = compare_values(va[i], vb[i], op, depth + 1);
            if (r == -2)
            {
                raise_type_error(std::string("'") + cmp_symbol(op) + "' not supported between instances of '" +
                                 type_name(va[i]) + "' and '" + type_name(vb[i]) + "'");
                return -1;
            }
            return r;
        }
        Dict* da = a.get<Dict>();
        Dict* db = b.get<Dict>();
        if (da && db && (op == CmpOp::eq || op == CmpOp::ne))
        {
            if (da->size() != db->size())
                return op == CmpOp::ne;
            for (std::size_t i = 0; i < da->entries.size(); ++i)
            {
                const Dict::Entry e = da->entries[i];
                if (e.key.is_undefined())
                    continue;
                Value other;
                const int found = dict_get(db, e.key, other);
                if (found < 0)
                    return -1;
                if (!found)
                    return op == CmpOp::ne;
                const int eq = compare_values(e.value, other, CmpOp::eq, depth + 1);
                if (eq == -1)
                    return -1;
                if (eq != 1)
                    return op == CmpOp::ne;
            }
            return op == CmpOp::eq;
        }
        if (a.get<Range>() && b.get<Range>() && (op == CmpOp::eq || op == CmpOp::ne))
        {
            Range* ra = a.as<Range>();
            Range* rb = b.as<Range>();
            const std::int64_t la = ra->length(), lb = rb->length();
            bool eq = la == lb && (la == 0 || (ra->start == rb->start && (la == 1 || ra->step == rb->step)));
            return eq == (op == CmpOp::eq);
        }
        if (a.get<Exception>() || b.get<Exception>() || a.get<TypeObj>() || b.get<TypeObj>() || a.get<Function>() ||
            b.get<Function>() || a.get<NativeFunction>() || a.get<Module>())
        {
            if (op == CmpOp::eq || op == CmpOp::ne)
                return (a.is_obj() && b.is_obj() && a.o == b.o) == (op == CmpOp::eq);
        }
        if (a.get<DictView>() && b.get<DictView>() && (op == CmpOp::eq || op == CmpOp::ne))
        {
            std::vector<Value> x, y;
            if (!collect(a, x) || !collect(b, y))
                return -1;
            return compare_values(new_list(x), new_list(y), op, depth + 1);
        }
        if (op == CmpOp::eq || op == CmpOp::ne)
        {
            const bool same = a.tag == b.tag && (a.tag != Tag::object || a.o == b.o);
            if (same)
                return op == CmpOp::eq;
            return -2;
        }
        return -2;
    }

    Value Vm::compare(CmpOp op, Value a, Value b)
    {
        switch (op)
        {
        case CmpOp::is:
        case CmpOp::is_not:
        {
            bool same = a.tag == b.tag;
            if (same)
            {
                switch (a.tag)
                {
                case Tag::object:
                    same = a.o == b.o;
                    break;
                case Tag::boolean:
                    same = a.b == b.b;
                    break;
                case Tag::integer:
                    same = a.i == b.i;
                    break;
                case Tag::floating:
                    same = std::memcmp(&a.f, &b.f, sizeof(double)) == 0;
                    break;
                default:
                    break;
                }
            }
            return Value::from_bool(same == (op == CmpOp::is));
        }
        case CmpOp::in:
        case CmpOp::not_in:
        {
            const int c = contains(b, a);
            if (c < 0)
                return Value::error();
            return Value::from_bool((c == 1) == (op == CmpOp::in));
        }
        default:
            break;
        }
        NativeObject* na = a.get<NativeObject>();
        NativeObject* nb = b.get<NativeObject>();
        if (na && na->type->hooks.compare)
        {
            const Value r = na->type->hooks.compare(*this, op, a, b, false);
            if (!r.is_not_implemented())
                return r;
        }
        if (nb && nb->type->hooks.compare)
        {
            const Value r = nb->type->hooks.compare(*this, swapped(op), b, a, true);
            if (!r.is_not_implemented())
                return r;
        }
        const int r = compare_values(a, b, op, 0);
        if (r == -1)
            return Value::error();
        if (r == -2)
        {
            if (op == CmpOp::eq || op == CmpOp::ne)
                return Value::from_bool(op == CmpOp::ne);
            return raise_type_error(std::string("'") + cmp_symbol(op) + "' not supported between instances of '" +
                                    type_name(a) + "' and '" + type_name(b) + "'");
        }
        return Value::from_bool(r == 1);
    }

    int Vm::equal(Value a, Value b)
    {
        if (a.tag == Tag::object && b.tag == Tag::object && a.o == b.o)
            return 1;
        if (a.tag == Tag::integer && b.tag == Tag::integer)
            return a.i == b.i;
        if ((a.is_obj() && a.o->kind == Kind::native) || (b.is_obj() && b.o->kind == Kind::native))
        {
            const Value r = compare(CmpOp::eq, a, b);
            if (r.is_error())
                return -1;
            return truth(r);
        }
        const int r = compare_values(a, b, CmpOp::eq, 0);
        if (r == -2)
            return 0;
        return r;
    }

    int Vm::less(Value a, Value b)
    {
        if (a.tag == Tag::integer && b.tag == Tag::integer)
            return a.i < b.i;
        if (a.tag == Tag::floating && b.tag == Tag::floating)
            return a.f < b.f;
        const Value r = compare(CmpOp::lt, a, b);
        if (r.is_error())
            return -1;
        if (r.is_bool())
            return r.b;
        return truth(r);
    }

    // -------------------------------------------------------------------- hashing

    namespace
    {
        constexpr std::uint64_t hash_modulus = (std::uint64_t(1) << 61) - 1;

        std::uint64_t hash_int(std::int64_t x)
        {
            // x modulo 2^61 - 1 with x's sign, as CPython.
            const bool neg = x < 0;
            std::uint64_t m = neg ? 0 - std::uint64_t(x) : std::uint64_t(x);
            m %= hash_modulus;
            std::int64_t r = neg ? -std::int64_t(m) : std::int64_t(m);
            if (r == -1)
                r = -2;
            return std::uint64_t(r);
        }

        std::uint64_t hash_double(double v)
        {
            if (!std::isfinite(v))
                return std::isinf(v) ? (v > 0 ? 314159u : std::uint64_t(-314159)) : 0x7ff8u;
            int e;
            double m = std::frexp(v, &e);
            int sign = 1;
            if (m < 0)
            {
                sign = -1;
                m = -m;
            }
            std::uint64_t x = 0;
            while (m != 0.0)
            {
                x = ((x << 28) & hash_modulus) | x >> (61 - 28);
                m *= 268435456.0;
                e -= 28;
                const auto y = std::uint64_t(m);
                m -= double(y);
                x += y;
                if (x >= hash_modulus)
                    x -= hash_modulus;
            }
            e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
            x = ((x << e) & hash_modulus) | x >> (61 - e);
            x = x * std::uint64_t(std::int64_t(sign));
            if (x == std::uint64_t(-1))
                x = std::uint64_t(-2);
            return x;
        }
    }

    bool Vm::hash(Value v, std::uint64_t& out)
    {
        switch (v.tag)
        {
        case Tag::none:
            out = 0xfca86420u;
            return true;
        case Tag::boolean:
        case Tag::integer:
            out = hash_int(v.small_int());
            return true;
        case Tag::floating:
            out = hash_double(v.f);
            return true;
        case Tag::object:
            break;
        default:
            out = 0;
            return true;
        }
        switch (v.o->kind)
        {
        case Kind::str:
            out = v.as<Str>()->hash();
            return true;
        case Kind::bigint:
            out = std::uint64_t(v.as<BigIntObj>()->value.hash());
            return true;
        case Kind::tuple:
        {
            const std::uint64_t p1 = 11400714785074694791ull, p2 = 14029467366897019727ull, p5 = 2870177450012600261ull;
            std::uint64_t acc = p5;
            const auto& items = v.as<Tuple>()->items;
            if (m_repr_stack.size() > 400)
            {
                raise(t.RecursionError, "maximum recursion depth exceeded while calling a Python object");
                return false;
            }
            m_repr_stack.push_back(v.o);
            for (const Value& item : items)
            {
                std::uint64_t lane;
                if (!hash(item, lane))
                {
                    m_repr_stack.pop_back();
                    return false;
                }
                acc += lane * p2;
                acc = (acc << 31) | (acc >> 33);
                acc *= p1;
            }
            m_repr_stack.pop_back();
            acc += items.size() ^ (p5 ^ 3527539ull);
            if (acc == std::uint64_t(-1))
                acc = 1546275796;
            out = acc;
            return true;
        }
        case Kind::list:
        case Kind::dict:
        case Kind::dict_view:
        case Kind::slice:
            raise_type_error("unhashable type: '" + type_name(v) + "'");
            return false;
        case Kind::native:
        {
            NativeObject* n = v.as<NativeObject>();
            if (n->type->hooks.hash)
                return n->type->hooks.hash(*this, v, out);
            if (n->type == t.ellipsis)
            {
                out = 0xe111;
                return true;
            }
            raise_type_error("unhashable type: '" + n->type->qualified_name() + "'");
            return false;
        }
        default:
            out = std::uint64_t(reinterpret_cast<std::uintptr_t>(v.o)) >> 4;
            return true;
        }
    }

    // -------------------------------------------------------------------- dicts

    namespace
    {
        constexpr std::int32_t slot_empty = -1, slot_deleted = -2;
    }

    std::size_t Vm::dict_find(Dict* d, Value key, std::uint64_t h, int& status)
    {
        status = 0;
        if (d->index.empty())
            return SIZE_MAX;
        const std::size_t mask = d->index.size() - 1;
        std::size_t i = std::size_t(h) & mask;
        std::uint64_t perturb = h;
        Str* ks = key.get<Str>();
        while (true)
        {
            const std::int32_t slot = d->index[i];
            if (slot == slot_empty)
                return SIZE_MAX;
            if (slot >= 0)
            {
                const Dict::Entry& e = d->entries[std::size_t(slot)];
                if (e.hash == h)
                {
                    if (e.key.tag == key.tag && (key.tag != Tag::object ? e.key.i == key.i : e.key.o == key.o))
                        return std::size_t(slot);
                    if (ks)
                    {
                        if (Str* es = e.key.get<Str>(); es && es->text == ks->text)
                            return std::size_t(slot);
                    }
                    else
                    {
                        const int eq = equal(e.key, key);
                        if (eq < 0)
                        {
                            status = -1;
                            return SIZE_MAX;
                        }
                        if (eq)
                            return std::size_t(slot);
                    }
                }
            }
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
    }

    void Vm::dict_rebuild(Dict* d, std::size_t capacity)
    {
        // Drop deleted entries, then re-index.
        std::vector<Dict::Entry> live;
        live.reserve(d->used);
        for (const auto& e : d->entries)
            if (!e.key.is_undefined())
                live.push_back(e);
        const std::ptrdiff_t before = std::ptrdiff_t(d->bytes());
        d->entries = std::move(live);
        std::size_t size = 8;
        while (size * 2 < capacity * 3)
            size *= 2;
        d->index.assign(size, slot_empty);
        const std::size_t mask = size - 1;
        for (std::size_t k = 0; k < d->entries.size(); ++k)
        {
            const std::uint64_t h = d->entries[k].hash;
            std::size_t i = std::size_t(h) & mask;
            std::uint64_t perturb = h;
            while (d->index[i] != slot_empty)
            {
                perturb >>= 5;
                i = (i * 5 + perturb + 1) & mask;
            }
            d->index[i] = std::int32_t(k);
        }
        heap.account(std::ptrdiff_t(d->bytes()) - before);
    }

    int Vm::dict_get(Dict* d, Value key, Value& out)
    {
        std::uint64_t h;
        if (!hash(key, h))
            return -1;
        int status;
        const std::size_t i = dict_find(d, key, h, status);
        if (status < 0)
            return -1;
        if (i == SIZE_MAX)
            return 0;
        out = d->entries[i].value;
        return 1;
    }

    bool Vm::dict_set(Dict* d, Value key, Value value)
    {
        std::uint64_t h;
        if (!hash(key, h))
            return false;
        int status;
        const std::size_t i = dict_find(d, key, h, status);
        if (status < 0)
            return false;
        if (i != SIZE_MAX)
        {
            d->entries[i].value = value;
            return true;
        }
        if ((d->entries.size() + 1) * 3 >= d->index.size() * 2)
        {
            if (!reserve_bytes((d->used + 1) * 2 * (sizeof(Dict::Entry) + 8)))
                return false;
            dict_rebuild(d, (d->used + 1) * 2);
        }
        const std::size_t mask = d->index.size() - 1;
        std::size_t k = std::size_t(h) & mask;
        std::uint64_t perturb = h;
        while (d->index[k] >= 0)
        {
            perturb >>= 5;
            k = (k * 5 + perturb + 1) & mask;
        }
        d->index[k] = std::int32_t(d->entries.size());
        if (d->entries.size() == d->entries.capacity())
            heap.account(std::ptrdiff_t(std::max<std::size_t>(d->entries.capacity(), 4) * sizeof(Dict::Entry)));
        d->entries.push_back({h, key, value});
        ++d->used;
        ++d->version;
        return true;
    }

    int Vm::dict_del(Dict* d, Value key)
    {
        std::uint64_t h;
        if (!hash(key, h))
            return -1;
        int status;
        const std::size_t i = dict_find(d, key, h, status);
        if (status < 0)
            return -1;
        if (i == SIZE_MAX)
            return 0;
        // Mark the index slot and the entry deleted.
        const std::size_t mask = d->index.size() - 1;
        std::size_t k = std::size_t(h) & mask;
        std::uint64_t perturb = h;
        while (d->index[k] != std::int32_t(i))
        {
            perturb >>= 5;
            k = (k * 5 + perturb + 1) & mask;
        }
        d->index[k] = slot_deleted;
        d->entries[i].key = Value::undefined();
        d->entries[i].value = Value::undefined();
        --d->used;
        ++d->version;
        return 1;
    }

    Value Vm::dict_get_str(Dict* d, Str* key)
    {
        Value out;
        int status;
        const std::size_t i = dict_find(d, Value::from_obj(key), key->hash(), status);
        if (i == SIZE_MAX)
            return Value::undefined();
        out = d->entries[i].value;
        return out;
    }

    void Vm::dict_set_str(Dict* d, Str* key, Value value) { dict_set(d, Value::from_obj(key), value); }

    // -------------------------------------------------------------------- length, membership

    bool Vm::length(Value v, std::int64_t& out)
    {
        if (v.is_obj())
        {
            switch (v.o->kind)
            {
            case Kind::str:
                out = std::int64_t(v.as<Str>()->length());
                return true;
            case Kind::list:
                out = std::int64_t(v.as<List>()->items.size());
                return true;
            case Kind::tuple:
                out = std::int64_t(v.as<Tuple>()->items.size());
                return true;
            case Kind::dict:
                out = std::int64_t(v.as<Dict>()->size());
                return true;
            case Kind::range:
                out = v.as<Range>()->length();
                return true;
            case Kind::dict_view:
                out = std::int64_t(v.as<DictView>()->dict->size());
                return true;
            case Kind::native:
            {
                NativeObject* n = v.as<NativeObject>();
                if (n->type->hooks.len)
                {
                    const Value r = n->type->hooks.len(*this, v);
                    if (r.is_error())
                        return false;
                    out = r.small_int();
                    return true;
                }
                break;
            }
            default:
                break;
            }
        }
        raise_type_error("object of type '" + type_name(v) + "' has no len()");
        return false;
    }

    int Vm::contains(Value container, Value item)
    {
        if (Str* s = container.get<Str>())
        {
            Str* sub = item.get<Str>();
            if (!sub)
            {
                raise_type_error("'in <string>' requires string as left operand, not " + type_name(item));
                return -1;
            }
            return s->text.find(sub->text) != std::string::npos;
        }
        if (Dict* d = container.get<Dict>())
        {
            Value out;
            return dict_get(d, item, out);
        }
        if (DictView* dv = container.get<DictView>(); dv && dv->which == IterKind::dict_keys)
        {
            Value out;
            return dict_get(dv->dict, item, out);
        }
        if (Range* r = container.get<Range>(); r && item.is_small_int())
        {
            const std::int64_t x = item.small_int();
            if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop))
                return 0;
            return (x - r->start) % r->step == 0;
        }
        const std::vector<Value>* items = nullptr;
        if (List* l = container.get<List>())
            items = &l->items;
        else if (Tuple* tu = container.get<Tuple>())
            items = &tu->items;
        if (items)
        {
            // A long scan is work the budget should see (x in big_list in a loop).
            if (!charge(items->size()))
                return -1;
            for (std::size_t i = 0; i < items->size(); ++i)
            {
                const int eq = equal((*items)[i], item);
                if (eq != 0)
                    return eq;
            }
            return 0;
        }
        if (!container.is_obj() || container.o->kind == Kind::bigint || container.o->kind == Kind::function ||
            container.o->kind == Kind::native_function || container.o->kind == Kind::type ||
            container.o->kind == Kind::module)
        {
            raise_type_error("argument of type '" + type_name(container) + "' is not iterable");
            return -1;
        }
        if (NativeObject* n = container.get<NativeObject>(); n && n->type->hooks.contains)
            return n->type->hooks.contains(*this, container, item);
        const Value it = get_iter(container);
        if (it.is_error())
            return -1;
        std::vector<Value> hold{it, item};
        Roots roots(*this, &hold);
        Value x;
        int st;
        while ((st = next(it, x)) == 1)
        {
            const int eq = equal(x, item);
            if (eq != 0)
                return eq;
        }
        return st;
    }

    // -------------------------------------------------------------------- indexing

    bool Vm::slice_indices(Slice* s, std::int64_t length, std::int64_t& start, std::int64_t& stop, std::int64_t& step,
                           std::int64_t& count)
    {
        auto get = [&](Value v, std::int64_t& out, std::int64_t none_value) -> bool
        {
            if (v.is_none())
            {
                out = none_value;
                return true;
            }
            if (v.is_small_int())
            {
                out = v.small_int();
                return true;
            }
            if (BigIntObj* b = v.get<BigIntObj>())
            {
                out = b->value.negative() ? INT64_MIN / 2 : INT64_MAX / 2;
                return true;
            }
            if (NativeObject* n = v.get<NativeObject>(); n && n->type->hooks.to_index)
                return to_index(v, out);
            raise_type_error("slice indices must be integers or None or have an __index__ method");
            return false;
        };
        if (!get(s->step, step, 1))
            return false;
        if (step == 0)
        {
            raise_value_error("slice step cannot be zero");
            return false;
        }
        if (step < -INT64_MAX / 2)
            step = -INT64_MAX / 2;
        const std::int64_t lower = step < 0 ? -1 : 0, upper = step < 0 ? length - 1 : length;
        if (!get(s->start, start, step < 0 ? upper : lower) || !get(s->stop, stop, step < 0 ? lower : upper))
            return false;
        auto clamp = [&](std::int64_t& x, bool given)
        {
            if (!given)
                return;
            if (x < 0)
            {
                x += length;
                if (x < 0)
                    x = lower;
            }
            else if (x >= length)
                x = upper;
        };
        clamp(start, !s->start.is_none());
        clamp(stop, !s->stop.is_none());
        if (step > 0)
            count = start < stop ? (stop - start - 1) / step + 1 : 0;
        else
            count = start > stop ? (start - stop - 1) / (-step) + 1 : 0;
        return true;
    }

    namespace
    {
        /// Byte offsets of each code point (for non-ASCII strings).
        std::vector<std::size_t> code_point_offsets(const std::string& s)
        {
            std::vector<std::size_t> offs;
            for (std::size_t i = 0; i < s.size(); ++i)
                if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80)
                    offs.push_back(i);
            offs.push_back(s.size());
            return offs;
        }
    }

    Value Vm::getitem_seq(Value obj, Value key)
    {
        const char* what = obj.get<List>() ? "list" : obj.get<Tuple>() ? "tuple" : "str";
        if (Slice* sl = key.get<Slice>())
        {
            std::int64_t length;
            if (!this->length(obj, length))
                return Value::error();
            std::int64_t start, stop, step, count;
            if (!slice_indices(sl, length, start, stop, step, count))
                return Value::error();
            if (Str* s = obj.get<Str>())
            {
                std::string r;
                if (s->is_ascii())
                {
                    if (step == 1)
                        return count == length ? obj : new_str(s->text.substr(std::size_t(start), std::size_t(count)));
                    r.reserve(std::size_t(count));
                    for (std::int64_t i = 0, j = start; i < count; ++i, j += step)
                        r += s->text[std::size_t(j)];
                }
                else
                {
                    const auto offs = code_point_offsets(s->text);
                    for (std::int64_t i = 0, j = start; i < count; ++i, j += step)
                        r.append(s->text, offs[std::size_t(j)], offs[std::size_t(j) + 1] - offs[std::size_t(j)]);
                }
                return new_str(std::move(r));
            }
            const std::vector<Value>& src = obj.get<List>() ? obj.as<List>()->items : obj.as<Tuple>()->items;
            if (!reserve_bytes(std::size_t(count) * sizeof(Value)) || !charge(std::uint64_t(count) / 4))
                return Value::error();
            std::vector<Value> items;
            items.reserve(std::size_t(count));
            for (std::int64_t i = 0, j = start; i < count; ++i, j += step)
                items.push_back(src[std::size_t(j)]);
            heap.account(std::ptrdiff_t(items.size() * sizeof(Value)));
            if (obj.get<Tuple>())
                return count == length && step == 1 ? obj : new_tuple(std::move(items));
            return new_list(std::move(items));
        }
        std::int64_t i;
        if (key.is_small_int())
            i = key.small_int();
        else if (key.get<BigIntObj>())
        {
            return raise_index_error("cannot fit 'int' into an index-sized integer");
        }
        else if (NativeObject* n = key.get<NativeObject>(); n && n->type->hooks.to_index)
        {
            if (!to_index(key, i))
                return Value::error();
        }
        else
        {
            if (obj.get<Str>())
                return raise_type_error("string indices must be integers, not '" + type_name(key) + "'");
            return raise_type_error(std::string(what) + " indices must be integers or slices, not " + type_name(key));
        }
        if (Str* s = obj.get<Str>())
        {
            const auto n = std::int64_t(s->length());
            if (i < 0)
                i += n;
            if (i < 0 || i >= n)
                return raise_index_error("string index out of range");
            if (s->is_ascii())
                return char_str(static_cast<unsigned char>(s->text[std::size_t(i)]));
            const auto offs = code_point_offsets(s->text);
            return new_str(s->text.substr(offs[std::size_t(i)], offs[std::size_t(i) + 1] - offs[std::size_t(i)]));
        }
        const std::vector<Value>& items = obj.get<List>() ? obj.as<List>()->items : obj.as<Tuple>()->items;
        const auto n = std::int64_t(items.size());
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            return raise_index_error(std::string(what) + " index out of range");
        return items[std::size_t(i)];
    }

    Value Vm::getitem(Value obj, Value key)
    {
        if (obj.is_obj())
        {
            switch (obj.o->kind)
            {
            case Kind::list:
            case Kind::tuple:
            case Kind::str:
                return getitem_seq(obj, key);
            case Kind::dict:
            {
                Value out;
                const int found = dict_get(obj.as<Dict>(), key, out);
                if (found < 0)
                    return Value::error();
                if (!found)
                    return raise_key_error(key);
                return out;
            }
            case Kind::range:
            {
                Range* r = obj.as<Range>();
                if (Slice* sl = key.get<Slice>())
                {
                    std::int64_t start, stop, step, count;
                    if (!slice_indices(sl, r->length(), start, stop, step, count))
                        return Value::error();
                    (void)count;
                    // As CPython: the slice's start and stop indices mapped through the range.
                    std::int64_t st;
                    if (__builtin_mul_overflow(r->step, step, &st) || st > (std::int64_t(1) << 61) ||
                        st < -(std::int64_t(1) << 61))
                        return unsupported("range() with a bound or step beyond 2**61");
                    return Value::from_obj(heap.make<Range>(r->start + start * r->step, r->start + stop * r->step, st));
                }
                std::int64_t i;
                if (!to_index(key, i))
                {
                    if (pending_is(t.TypeError))
                    {
                        m_pending = nullptr;
                        return raise_type_error("range indices must be integers or slices, not " + type_name(key));
                    }
                    return Value::error();
                }
                const std::int64_t n = r->length();
                if (i < 0)
                    i += n;
                if (i < 0 || i >= n)
                    return raise_index_error("range object index out of range");
                return Value::from_int(r->start + i * r->step);
            }
            case Kind::native:
            {
                NativeObject* n = obj.as<NativeObject>();
                if (n->type->hooks.getitem)
                    return n->type->hooks.getitem(*this, obj, key);
                break;
            }
            case Kind::type:
                return unsupported("subscripting a type (" + obj.as<TypeObj>()->name + "[...])");
            default:
                break;
            }
        }
        return raise_type_error("'" + type_name(obj) + "' object is not subscriptable");
    }

    bool Vm::setitem(Value obj, Value key, Value value)
    {
        if (List* l = obj.get<List>())
        {
            if (Slice* sl = key.get<Slice>())
            {
                std::vector<Value> items;
                if (!collect(value, items))
                {
                    if (pending_is(t.TypeError))
                    {
                        m_pending = nullptr;
                        raise_type_error("must assign iterable to extended slice");
                    }
                    return false;
                }
                std::int64_t start, stop, step, count;
                if (!slice_indices(sl, std::int64_t(l->items.size()), start, stop, step, count))
                    return false;
                if (step == 1)
                {
                    if (stop < start)
                        stop = start;
                    l->items.erase(l->items.begin() + start, l->items.begin() + stop);
                    l->items.insert(l->items.begin() + start, items.begin(), items.end());
                    heap.account(std::ptrdiff_t(items.size() * sizeof(Value)));
                    return true;
                }
                if (std::int64_t(items.size()) != count)
                {
                    raise_value_error("attempt to assign sequence of size " + std::to_string(items.size()) +
                                      " to extended slice of size " + std::to_string(count));
                    return false;
                }
                for (std::int64_t i = 0, j = start; i < count; ++i, j += step)
                    l->items[std::size_t(j)] = items[std::size_t(i)];
                return true;
            }
            std::int64_t i;
            if (!key.is_small_int() && !key.get<BigIntObj>() &&
                !(key.get<NativeObject>() && key.as<NativeObject>()->type->hooks.to_index))
            {
                raise_type_error("list indices must be integers or slices, not " + type_name(key));
                return false;
            }
            if (!to_index(key, i))
                return false;
            const auto n = std::int64_t(l->items.size());
            if (i < 0)
                i += n;
            if (i < 0 || i >= n)
            {
                raise_index_error("list assignment index out of range");
                return false;
            }
            l->items[std::size_t(i)] = value;
            return true;
        }
        if (Dict* d = obj.get<Dict>())
            return dict_set(d, key, value);
        if (NativeObject* n = obj.get<NativeObject>(); n && n->type->hooks.setitem)
            return !n->type->hooks.setitem(*this, obj, key, value).is_error();
        if (obj.get<Str>() || obj.get<Tuple>() || obj.get<Range>() ||
            (obj.get<NativeObject>() && obj.as<NativeObject>()->type->hooks.getitem))
            raise_type_error("'" + type_name(obj) + "' object does not support item assignment");
        else
            raise_type_error("'" + type_name(obj) + "' object does not support item assignment");
        return false;
    }

    bool Vm::delitem(Value obj, Value key)
    {
        if (List* l = obj.get<List>())
        {
            if (Slice* sl = key.get<Slice>())
            {
                std::int64_t start, stop, step, count;
                if (!slice_indices(sl, std::int64_t(l->items.size()), start, stop, step, count))
                    return false;
                std::vector<bool> drop(l->items.size(), false);
                for (std::int64_t i = 0, j = start; i < count; ++i, j += step)
                    drop[std::size_t(j)] = true;
                std::vector<Value> kept;
                for (std::size_t i = 0; i < l->items.size(); ++i)
                    if (!drop[i])
                        kept.push_back(l->items[i]);
                l->items = std::move(kept);
                return true;
            }
            std::int64_t i;
            if (!key.is_small_int() && !key.get<BigIntObj>())
            {
                raise_type_error("list indices must be integers or slices, not " + type_name(key));
                return false;
            }
            if (!to_index(key, i))
                return false;
            const auto n = std::int64_t(l->items.size());
            if (i < 0)
                i += n;
            if (i < 0 || i >= n)
            {
                raise_index_error("list assignment index out of range");
                return false;
            }
            l->items.erase(l->items.begin() + i);
            return true;
        }
        if (Dict* d = obj.get<Dict>())
        {
            const int r = dict_del(d, key);
            if (r == 0)
                raise_key_error(key);
            return r == 1;
        }
        if (NativeObject* n = obj.get<NativeObject>(); n && n->type->hooks.getitem)
        {
            raise(t.ValueError, "cannot delete array elements");
            return false;
        }
        raise_type_error("'" + type_name(obj) + "' object doesn't support item deletion");
        return false;
    }

    // -------------------------------------------------------------------- attributes

    Value Vm::lookup_attr(Value obj, Str* name)
    {
        if (Module* m = obj.get<Module>())
            return dict_get_str(m->attrs, name);
        if (TypeObj* tp = obj.get<TypeObj>())
        {
            for (TypeObj* c = tp; c; c = c->base)
            {
                const Value v = dict_get_str(c->attrs, name);
                if (!v.is_undefined())
                    return v;
            }
            if (name->text == "__name__")
                return new_str(tp->name);
            if (name->text == "__qualname__")
                return new_str(tp->name);
            if (name->text == "__module__")
                return new_str(tp->module);
            return Value::undefined();
        }
        for (TypeObj* tp = type_of(obj); tp; tp = tp->base)
        {
            const Value v = dict_get_str(tp->attrs, name);
            if (v.is_undefined())
                continue;
            if (NativeFunction* nf = v.get<NativeFunction>(); nf && nf->owner)
                return Value::from_obj(heap.make<BoundMethod>(obj, v));
            return v;
        }
        const std::string& n = name->text;
        if (NativeObject* no = obj.get<NativeObject>(); no && no->type->hooks.getattr)
            return no->type->hooks.getattr(*this, obj, n);
        if (n == "__class__")
            return Value::from_obj(type_of(obj));
        if (Exception* e = obj.get<Exception>(); e && n == "args")
            return new_tuple(e->args);
        if (Function* f = obj.get<Function>())
        {
            if (n == "__name__")
                return new_str(f->code->name);
            if (n == "__qualname__")
                return new_str(f->code->qualname);
        }
        if (NativeFunction* nf = obj.get<NativeFunction>(); nf && n == "__name__")
            return new_str(nf->name.substr(nf->name.rfind('.') + 1));
        if (is_number(obj) && (n == "real" || n == "imag" || n == "numerator" || n == "denominator"))
        {
            if (n == "real")
                return obj.is_bool() ? Value::from_int(obj.b) : obj;
            if (n == "imag")
                return obj.is_float() ? Value::from_float(0.0) : Value::from_int(0);
            if (!obj.is_float())
                return n == "numerator" ? (obj.is_bool() ? Value::from_int(obj.b) : obj) : Value::from_int(1);
        }
        if (Slice* s = obj.get<Slice>())
        {
            if (n == "start")
                return s->start;
            if (n == "stop")
                return s->stop;
            if (n == "step")
                return s->step;
        }
        if (Range* r = obj.get<Range>())
        {
            if (n == "start")
                return Value::from_int(r->start);
            if (n == "stop")
                return Value::from_int(r->stop);
            if (n == "step")
                return Value::from_int(r->step);
        }
        return Value::undefined();
    }

    Value Vm::getattr(Value obj, Str* name)
    {
        const Value v = lookup_attr(obj, name);
        if (v.is_error())
            return v;
        if (!v.is_undefined())
            return v;
        if (Module* m = obj.get<Module>())
            return raise_attribute_error("module '" + m->name + "' has no attribute '" + name->text + "'");
        if (TypeObj* tp = obj.get<TypeObj>())
            return raise_attribute_error("type object '" + tp->name + "' has no attribute '" + name->text + "'");
        NativeObject* no = obj.get<NativeObject>();
        const std::string tn = no ? no->type->qualified_name() : type_name(obj);
        return raise_attribute_error("'" + tn + "' object has no attribute '" + name->text + "'");
    }

    bool Vm::setattr(Value obj, Str* name, Value value)
    {
        if (Module* m = obj.get<Module>())
        {
            dict_set_str(m->attrs, name, value);
            return true;
        }
        const Value existing = lookup_attr(obj, name);
        if (existing.is_error())
            return false;
        if (obj.get<Function>())
        {
            unsupported("setting attributes of functions");
            return false;
        }
        NativeObject* no = obj.get<NativeObject>();
        const std::string tn = no ? no->type->qualified_name() : type_name(obj);
        if (!existing.is_undefined())
            raise_attribute_error("'" + tn + "' object attribute '" + name->text + "' is read-only");
        else
            raise_attribute_error("'" + tn + "' object has no attribute '" + name->text + "'");
        return false;
    }

    // -------------------------------------------------------------------- iteration

    Value Vm::make_iterator(IterKind k, Value src)
    {
        Iterator* it = heap.make<Iterator>(k);
        it->src = src;
        return Value::from_obj(it);
    }

    Value Vm::get_iter(Value v)
    {
        if (v.is_obj())
        {
            switch (v.o->kind)
            {
            case Kind::list:
                return make_iterator(IterKind::list, v);
            case Kind::tuple:
                return make_iterator(IterKind::tuple, v);
            case Kind::str:
                return make_iterator(IterKind::str, v);
            case Kind::dict:
            {
                const Value it = make_iterator(IterKind::dict_keys, v);
                it.as<Iterator>()->b = std::int64_t(v.as<Dict>()->size());
                return it;
            }
            case Kind::dict_view:
            {
                DictView* dv = v.as<DictView>();
                const Value it = make_iterator(dv->which, Value::from_obj(dv->dict));
                it.as<Iterator>()->b = std::int64_t(dv->dict->size());
                return it;
            }
            case Kind::range:
            {
                Range* r = v.as<Range>();
                const Value it = make_iterator(IterKind::range, Value::none());
                Iterator* i = it.as<Iterator>();
                i->a = r->start;
                i->b = r->stop;
                i->c = r->step;
                return it;
            }
            case Kind::iterator:
                return v;
            case Kind::native:
            {
                NativeObject* n = v.as<NativeObject>();
                if (n->type->hooks.iter)
                {
                    const Value r = n->type->hooks.iter(*this, v);
                    if (r.is_error())
                        return r;
                    if (NativeObject* rn = r.get<NativeObject>(); rn && rn->type->hooks.next)
                        return make_iterator(IterKind::native, r);
                    return r;
                }
                if (n->type->hooks.next)
                    return make_iterator(IterKind::native, v);
                if (n->type->hooks.getitem && n->type->hooks.len)
                {
                    // The sequence protocol: items 0, 1, ... up to len.
                    const Value it = make_iterator(IterKind::native, v);
                    it.as<Iterator>()->c = 1;
                    return it;
                }
                break;
            }
            default:
                break;
            }
        }
        return raise_type_error("'" + type_name(v) + "' object is not iterable");
    }

    int Vm::next(Value iter, Value& out)
    {
        Iterator* it = iter.get<Iterator>();
        if (!it)
        {
            raise_type_error("'" + type_name(iter) + "' object is not an iterator");
            return -1;
        }
        switch (it->ik)
        {
        case IterKind::range:
            if (it->c > 0 ? it->a < it->b : it->a > it->b)
            {
                out = Value::from_int(it->a);
                it->a += it->c;
                return 1;
            }
            return 0;
        case IterKind::list:
        {
            List* l = it->src.as<List>();
            if (std::size_t(it->a) < l->items.size())
            {
                out = l->items[std::size_t(it->a++)];
                return 1;
            }
            it->a = INT64_MAX / 2;
            return 0;
        }
        case IterKind::reversed_list:
        {
            List* l = it->src.as<List>();
            if (it->a >= 0 && std::size_t(it->a) < l->items.size())
            {
                out = l->items[std::size_t(it->a--)];
                return 1;
            }
            it->a = -1;
            return 0;
        }
        case IterKind::tuple:
        {
            Tuple* tu = it->src.as<Tuple>();
            if (std::size_t(it->a) < tu->items.size())
            {
                out = tu->items[std::size_t(it->a++)];
                return 1;
            }
            return 0;
        }
        case IterKind::str:
        {
            Str* s = it->src.as<Str>();
            if (std::size_t(it->a) >= s->text.size())
                return 0;
            const unsigned char c = static_cast<unsigned char>(s->text[std::size_t(it->a)]);
            if (c < 0x80)
            {
                ++it->a;
                out = char_str(c);
                return 1;
            }
            std::size_t i = std::size_t(it->a);
            decode_at(s->text, i);
            out = new_str(s->text.substr(std::size_t(it->a), i - std::size_t(it->a)));
            it->a = std::int64_t(i);
            return 1;
        }
        case IterKind::dict_keys:
        case IterKind::dict_values:
        case IterKind::dict_items:
        {
            Dict* d = it->src.as<Dict>();
            if (std::int64_t(d->size()) != it->b)
            {
                it->b = -1;
                raise_runtime_error("dictionary changed size during iteration");
                return -1;
            }
            while (std::size_t(it->a) < d->entries.size() && d->entries[std::size_t(it->a)].key.is_undefined())
                ++it->a;
            if (std::size_t(it->a) >= d->entries.size())
                return 0;
            const Dict::Entry& e = d->entries[std::size_t(it->a++)];
            if (it->ik == IterKind::dict_keys)
                out = e.key;
            else if (it->ik == IterKind::dict_values)
                out = e.value;
            else
                out = new_tuple({e.key, e.value});
            return 1;
        }
        case IterKind::enumerate:
        {
            Value item;
            const int st = next(it->src, item);
            if (st <= 0)
                return st;
            out = new_tuple({Value::from_int(it->a++), item});
            return 1;
        }
        case IterKind::zip:
        {
            std::vector<Value> items;
            Roots roots(*this, &items);
            items.reserve(it->items.size());
            for (const Value& sub : it->items)
            {
                Value item;
                const int st = next(sub, item);
                if (st <= 0)
                    return st;
                items.push_back(item);
            }
            if (items.empty())
                return 0;
            out = new_tuple(std::move(items));
            return 1;
        }
        case IterKind::map:
        {
            std::vector<Value> args;
            Roots roots(*this, &args);
            for (const Value& sub : it->items)
            {
                Value item;
                const int st = next(sub, item);
                if (st <= 0)
                    return st;
                args.push_back(item);
            }
            const Value r = call(it->src, args.data(), args.size());
            if (r.is_error())
                return -1;
            out = r;
            return 1;
        }
        case IterKind::filter:
            while (true)
            {
                std::vector<Value> item(1);
                const int st = next(it->items[0], item[0]);
                if (st <= 0)
                    return st;
                int keep;
                if (it->src.is_none())
                    keep = truth(item[0]);
                else
                {
                    Roots roots(*this, &item);
                    const Value r = call(it->src, item.data(), 1);
                    if (r.is_error())
                        return -1;
                    keep = truth(r);
                }
                if (keep < 0)
                    return -1;
                if (keep)
                {
                    out = item[0];
                    return 1;
                }
            }
        case IterKind::native:
        {
            NativeObject* n = it->src.as<NativeObject>();
            if (it->c == 1)
            {
                // Sequence protocol.
                std::int64_t len;
                if (!length(it->src, len))
                    return -1;
                if (it->a >= len)
                    return 0;
                const Value r = n->type->hooks.getitem(*this, it->src, Value::from_int(it->a++));
                if (r.is_error())
                    return -1;
                out = r;
                return 1;
            }
            const Value r = n->type->hooks.next(*this, it->src);
            if (r.is_error())
                return -1;
            if (r.is_undefined())
                return 0;
            out = r;
            return 1;
        }
        }
        return 0;
    }

    bool Vm::collect(Value iterable, std::vector<Value>& out)
    {
        if (List* l = iterable.get<List>())
        {
            out.insert(out.end(), l->items.begin(), l->items.end());
            return true;
        }
        if (Tuple* tu = iterable.get<Tuple>())
        {
            out.insert(out.end(), tu->items.begin(), tu->items.end());
            return true;
        }
        if (Range* r = iterable.get<Range>())
        {
            const std::int64_t n = r->length();
            if (!reserve_bytes(std::size_t(n) * sizeof(Value)) || !charge(std::uint64_t(n) / 8))
                return false;
            out.reserve(out.size() + std::size_t(n));
            for (std::int64_t i = 0, v = r->start; i < n; ++i, v += r->step)
                out.push_back(Value::from_int(v));
            return true;
        }
        const Value it = get_iter(iterable);
        if (it.is_error())
            return false;
        // Iterating may run Python code (map, filter), and with it the collector.
        std::vector<Value> hold{it};
        Roots hold_roots(*this, &hold);
        Roots out_roots(*this, &out);
        Value item;
        int st;
        std::size_t count = 0;
        while ((st = next(it, item)) == 1)
        {
            out.push_back(item);
            if ((++count & 0xffff) == 0)
            {
                if (!reserve_bytes(out.size() * sizeof(Value)) || !charge(0x2000))
                    return false;
            }
        }
        return st == 0;
    }
}
