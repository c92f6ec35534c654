#include "vm.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "compiler.hpp"
#include "parser.hpp"

#if defined(__GNUC__)
#define NL_LIKELY(x) __builtin_expect(!!(x), 1)
#define NL_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define NL_LIKELY(x) (x)
#define NL_UNLIKELY(x) (x)
#endif

namespace nl::py
{
    // -------------------------------------------------------------------- heap

    void Heap::collect_marked()
    {
        // Trace from the marked roots, then sweep.
        while (!m_gray.empty())
        {
            Obj* o = m_gray.back();
            m_gray.pop_back();
            o->trace(*this);
        }
        Obj** link = &m_objects;
        std::size_t live = 0, count = 0;
        while (Obj* o = *link)
        {
            if (o->marked)
            {
                o->marked = false;
                live += o->bytes();
                ++count;
                link = &o->gc_next;
            }
            else
            {
                *link = o->gc_next;
                delete o;
            }
        }
        m_bytes = live;
        m_count = count;
        m_next_gc = std::max(std::size_t(4) << 20, std::min(live * 2, limits::heap_bytes + (limits::heap_bytes >> 3)));
    }

    void Heap::free_all()
    {
        while (Obj* o = m_objects)
        {
            m_objects = o->gc_next;
            delete o;
        }
        m_bytes = 0;
        m_count = 0;
        m_gray.clear();
    }

    // -------------------------------------------------------------------- setup

    Vm::Vm(VmConfig config) : m_config(std::move(config))
    {
        m_stack = m_config.stack;
        m_stack_end = m_stack + limits::stack_values;
        m_reserve = std::int64_t(std::min<std::uint64_t>(m_config.budget, std::uint64_t(INT64_MAX / 4)));
        m_steps = 0;
        heap.stress = m_config.collect_always;
        heap.interrupt = [this]()
        {
            // Reach the next safe point at once: the counter goes to zero and its
            // steps wait in the reserve.
            if (m_steps > 0)
            {
                m_reserve += m_steps;
                m_steps = 0;
            }
        };
        init_types();
        m_empty_str = heap.make<Str>("");
        m_empty_tuple = heap.make<Tuple>();
        m_char_strs.resize(256);
        m_modules = new_dict();
        // Frames never move: the loop keeps a pointer to the running one.
        m_frames.reserve(std::size_t(limits::recursion) + 8);
        init_builtins();
        init_methods();
    }

    Vm::~Vm() { heap.free_all(); }

    Str* Vm::intern(std::string_view s)
    {
        auto it = m_interned.find(s);
        if (it != m_interned.end())
            return it->second;
        Str* str = heap.make<Str>(std::string(s));
        str->interned = true;
        m_interned.emplace(std::string_view(str->text), str);
        return str;
    }

    Value Vm::char_str(unsigned char c)
    {
        Value& v = m_char_strs[c];
        if (v.is_none())
            v = Value::from_obj(heap.make<Str>(std::string(1, char(c))));
        return v;
    }

    Value Vm::new_int(BigInt v)
    {
        if (v.fits_int64())
            return Value::from_int(v.to_int64());
        return Value::from_obj(heap.make<BigIntObj>(std::move(v)));
    }

    NativeFunction* Vm::new_native(std::string name, NativeFn fn)
    {
        return heap.make<NativeFunction>(std::move(name), std::move(fn));
    }

    TypeObj* Vm::new_type(std::string name, std::string module, TypeObj* base)
    {
        TypeObj* t = heap.make<TypeObj>(std::move(name), std::move(module), base);
        t->attrs = new_dict();
        t->vm = this;
        t->is_exception = base && base->is_exception;
        return t;
    }

    // -------------------------------------------------------------------- raising

    Value Vm::raise(TypeObj* type, std::string message)
    {
        std::vector<Value> args;
        args.push_back(new_str(std::move(message)));
        return raise_args(type, std::move(args));
    }

    Value Vm::raise_args(TypeObj* type, std::vector<Value> args)
    {
        m_pending = heap.make<Exception>(type, std::move(args));
        return Value::error();
    }

    Value Vm::raise_key_error(Value key) { return raise_args(t.KeyError, {key}); }

    Value Vm::unsupported(std::string_view what)
    {
        return raise_not_implemented(std::string(what) + " is not supported in NeuronLab's Python");
    }

    bool Vm::pending_is(TypeObj* type) const { return m_pending && m_pending->type->is_subtype(type); }

    bool Vm::reserve_bytes(std::size_t n)
    {
        if (n > limits::heap_bytes || heap.bytes() + n > limits::heap_bytes)
        {
            raise_memory_error("the program uses more than " + std::to_string(limits::heap_bytes >> 20) +
                               " MB of memory, the limit in NeuronLab's Python");
            return false;
        }
        return true;
    }

    bool Vm::charge(std::uint64_t steps)
    {
        if (steps >= std::uint64_t(INT64_MAX / 4) || m_steps + m_reserve < std::int64_t(steps))
        {
            m_steps = m_reserve = 0;
            budget_exhausted();
            return false;
        }
        m_steps -= std::int64_t(steps);
        if (m_steps < 0)
        {
            m_reserve += m_steps;
            m_steps = 0;
        }
        return true;
    }

    void Vm::budget_exhausted()
    {
        raise(t.TimeoutError, "the program ran too long and was stopped: it used its whole budget of " +
                                  std::to_string(m_config.budget) + " steps (is there an endless loop?)");
    }

    // -------------------------------------------------------------------- output

    bool Vm::write(std::string_view text)
    {
        std::size_t lines = 0;
        for (char c : text)
            lines += c == '\n';
        if (m_out_bytes + text.size() > limits::output_bytes || m_out_lines + lines > limits::output_lines)
        {
            // Print what fits, then stop.
            std::size_t keep = 0, l = m_out_lines;
            while (keep < text.size() && m_out_bytes + keep < limits::output_bytes && l < limits::output_lines)
                l += text[keep++] == '\n';
            m_out.append(text.substr(0, keep));
            m_out_bytes += keep;
            m_out_lines = l;
            const bool by_lines = m_out_lines >= limits::output_lines;
            raise(t.RuntimeError, by_lines ? "output limit reached: the program printed more than " +
                                                 std::to_string(limits::output_lines) +
                                                 " lines, the most NeuronLab's Python shows, and was stopped"
                                           : "output limit reached: the program printed more than " +
                                                 std::to_string(limits::output_bytes >> 20) +
                                                 " MB, the most NeuronLab's Python shows, and was stopped");
            return false;
        }
        m_out.append(text);
        m_out_bytes += text.size();
        m_out_lines += lines;
        if (m_out.size() >= 8192 && m_config.out)
        {
            m_config.out(m_out);
            m_out.clear();
        }
        return true;
    }

    // -------------------------------------------------------------------- garbage

    void Vm::mark_roots()
    {
        for (const Frame& f : m_frames)
        {
            heap.mark(f.code);
            heap.mark(f.function);
            for (Value* v = f.slots; v < f.sp; ++v)
                heap.mark(*v);
        }
        heap.mark(m_globals);
        heap.mark(m_builtins);
        heap.mark(m_modules);
        for (Code* c : m_codes)
            heap.mark(c);
        for (auto& kv : m_interned)
            heap.mark(kv.second);
        heap.mark(m_char_strs);
        heap.mark(m_empty_str);
        heap.mark(m_empty_tuple);
        heap.mark(m_ellipsis);
        heap.mark(m_pending);
        for (auto* roots : m_native_roots)
            heap.mark(*roots);
        for (Obj* o : m_repr_stack)
            heap.mark(o);
        auto* types = reinterpret_cast<TypeObj**>(&t);
        for (std::size_t i = 0; i < sizeof(t) / sizeof(TypeObj*); ++i)
            heap.mark(types[i]);
    }

    void Vm::collect_garbage()
    {
        mark_roots();
        heap.collect_marked();
    }

    int Vm::tick(std::size_t base_depth)
    {
        // The step counter went below zero: the slice of the budget is spent, or
        // the heap asked for a collection (it zeroes the counter). The running
        // frame is saved, so this is a safe point.
        if (heap.wants_collection())
            collect_garbage();
        bool refilled = false;
        while (m_steps < 0)
        {
            if (m_reserve <= 0)
            {
                m_steps = m_reserve = 0;
                budget_exhausted();
                return -1;
            }
            const std::int64_t take = std::min<std::int64_t>(m_reserve, slice_steps);
            m_reserve -= take;
            m_steps += take;
            refilled = true;
        }
        if (heap.stress)
        {
            // Come back at the next loop iteration or return.
            m_reserve += m_steps;
            m_steps = 0;
            return 0;
        }
        // The outermost loop returns to run() between slices: a JIT that compiles
        // the loop better in the background (V8's wasm tiers) takes over on the
        // next call.
        return refilled && base_depth == 0 ? 1 : 0;
    }

    // -------------------------------------------------------------------- calls

    namespace
    {
        std::string plural(std::size_t n, const char* word)
        {
            return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
        }

        /// 'a', 'b', and 'c' (CPython's list of missing names).
        std::string name_list(const std::vector<std::string>& names)
        {
            std::string s;
            for (std::size_t i = 0; i < names.size(); ++i)
            {
                if (i > 0)
                    s += names.size() == 2 ? " and " : i + 1 == names.size() ? ", and " : ", ";
                s += "'" + names[i] + "'";
            }
            return s;
        }
    }

    bool Vm::bind_arguments(Function* fn, Value* slots, const Value* args, std::size_t nargs, const Value* kwnames,
                            const Value* kwvalues, std::size_t nkw)
    {
        Code* code = fn->code;
        const std::size_t npos = std::size_t(code->positional), nkwonly = std::size_t(code->keyword_only);
        const std::size_t total = npos + nkwonly + code->varargs + code->kwargs;
        for (std::size_t i = 0; i < std::size_t(code->nlocals); ++i)
            slots[i] = Value::undefined();
        const std::string& qn = code->qualname;
        // Positional arguments.
        const std::size_t take = std::min(nargs, npos);
        for (std::size_t i = 0; i < take; ++i)
            slots[i] = args[i];
        if (nargs > npos)
        {
            if (!code->varargs)
            {
                std::size_t kwonly_given = 0;
                for (std::size_t k = 0; k < nkw; ++k)
                {
                    Str* name = kwnames[k].as<Str>();
                    for (std::size_t j = npos; j < npos + nkwonly; ++j)
                        if (code->varnames[j] == name || code->varnames[j]->text == name->text)
                            ++kwonly_given;
                }
                const std::size_t ndef = fn->defaults.size();
                std::string takes = ndef ? "from " + std::to_string(npos - ndef) + " to " + std::to_string(npos) +
                                               " positional arguments"
                                         : plural(npos, "positional argument");
                std::string given = std::to_string(nargs);
                if (kwonly_given)
                    given = plural(nargs, "positional argument") + " (and " +
                            plural(kwonly_given, "keyword-only argument") + ")";
                raise_type_error(qn + "() takes " + takes + " but " + given +
                                 (nargs == 1 && !kwonly_given ? " was" : " were") + " given");
                return false;
            }
            std::vector<Value> rest(args + npos, args + nargs);
            slots[npos + nkwonly] = new_tuple(std::move(rest));
        }
        else if (code->varargs)
            slots[npos + nkwonly] = empty_tuple();
        Dict* extra = nullptr;
        if (code->kwargs)
        {
            extra = new_dict();
            slots[total - 1] = Value::from_obj(extra);
        }
        // Keyword arguments.
        for (std::size_t k = 0; k < nkw; ++k)
        {
            Str* name = kwnames[k].as<Str>();
            std::size_t j = 0;
            for (; j < npos + nkwonly; ++j)
                if (code->varnames[j] == name || code->varnames[j]->text == name->text)
                    break;
            if (j == npos + nkwonly)
            {
                if (extra)
                {
                    if (!dict_set(extra, kwnames[k], kwvalues[k]))
                        return false;
                    continue;
                }
                raise_type_error(qn + "() got an unexpected keyword argument '" + name->text + "'");
                return false;
            }
            if (!slots[j].is_undefined())
            {
                raise_type_error(qn + "() got multiple values for argument '" + name->text + "'");
                return false;
            }
            slots[j] = kwvalues[k];
        }
        // Defaults, then what is still missing.
        const std::size_t ndef = fn->defaults.size();
        std::vector<std::string> missing;
        for (std::size_t i = 0; i < npos; ++i)
        {
            if (!slots[i].is_undefined())
                continue;
            if (i >= npos - ndef)
                slots[i] = fn->defaults[i - (npos - ndef)];
            else
                missing.push_back(code->varnames[i]->text);
        }
        if (!missing.empty())
        {
            raise_type_error(qn + "() missing " + plural(missing.size(), "required positional argument") + ": " +
                             name_list(missing));
            return false;
        }
        for (std::size_t i = npos; i < npos + nkwonly; ++i)
        {
            if (!slots[i].is_undefined())
                continue;
            const std::size_t k = i - npos;
            if (k < fn->kwdefaults.size() && !fn->kwdefaults[k].is_undefined())
                slots[i] = fn->kwdefaults[k];
            else
                missing.push_back(code->varnames[i]->text);
        }
        if (!missing.empty())
        {
            raise_type_error(qn + "() missing " + plural(missing.size(), "required keyword-only argument") + ": " +
                             name_list(missing));
            return false;
        }
        return true;
    }

    bool Vm::push_frame(Function* fn, Value* result, Value* args, std::size_t nargs, const Value* kwnames,
                        const Value* kwvalues, std::size_t nkw, bool boundary)
    {
        Code* code = fn->code;
        if (NL_UNLIKELY(m_frames.size() >= std::size_t(limits::recursion)))
        {
            raise(t.RecursionError, "maximum recursion depth exceeded");
            return false;
        }
        // The new frame's slots start where its arguments are (they are the
        // caller's stack top), so simple calls copy nothing.
        Value* slots = args;
        if (NL_UNLIKELY(slots + code->nlocals + code->nfree + code->max_stack + 4 > m_stack_end))
        {
            raise(t.RecursionError, "maximum recursion depth exceeded");
            return false;
        }
        const bool simple = nkw == 0 && !code->varargs && !code->kwargs && nargs == std::size_t(code->positional) &&
                            code->keyword_only == 0;
        if (simple)
        {
            for (std::size_t i = nargs; i < std::size_t(code->nlocals); ++i)
                slots[i] = Value::undefined();
        }
        else
        {
            std::vector<Value> saved(args, args + nargs);
            std::vector<Value> names(kwnames, kwnames + nkw), values(kwvalues, kwvalues + nkw);
            if (!bind_arguments(fn, slots, saved.data(), nargs, names.data(), values.data(), nkw))
                return false;
        }
        for (std::size_t i = 0; i < fn->closure.size(); ++i)
            slots[std::size_t(code->nlocals) + i] = Value::from_obj(fn->closure[i]);
        Frame f;
        f.code = code;
        f.function = fn;
        f.ip = code->code.data();
        f.slots = slots;
        f.sp = slots + code->nlocals + code->nfree;
        f.result = result;
        f.id = m_next_frame_id++;
        f.boundary = boundary;
        m_frames.push_back(f);
        return true;
    }

    Value Vm::call_native(NativeFunction* f, Value self, const Value* args, std::size_t nargs, const Value* kwnames,
                          const Value* kwvalues, std::size_t nkw)
    {
        Call c(*this, self, args, nargs, kwnames, kwvalues, nkw);
        Value r = f->fn(c);
        if (r.is_undefined())
            r = Value::none();
        return r;
    }

    Value Vm::call(Value callable, const Value* args, std::size_t nargs, const Value* kwnames, const Value* kwvalues,
                   std::size_t nkw)
    {
        if (Function* fn = callable.get<Function>())
        {
            if (m_reentry >= limits::native_reentry)
                return raise(t.RecursionError, "maximum recursion depth exceeded");
            Value* base = m_frames.empty() ? m_stack : m_frames.back().sp;
            if (base + nargs + nkw + 8 > m_stack_end)
                return raise(t.RecursionError, "maximum recursion depth exceeded");
            std::copy(args, args + nargs, base);
            Value result;
            if (!push_frame(fn, &result, base, nargs, kwnames, kwvalues, nkw, true))
                return Value::error();
            ++m_reentry;
            Value r = execute(m_frames.size() - 1);
            --m_reentry;
            return r;
        }
        if (NativeFunction* nf = callable.get<NativeFunction>())
        {
            Value self = nf->owner ? Value::undefined() : Value::none();
            if (nf->owner)
            {
                // An unbound method called with its object first: list.append(l, 1).
                if (nargs == 0)
                    return raise_type_error("unbound method " + nf->owner->name + "." + nf->name +
                                            "() needs an argument");
                self = args[0];
                ++args;
                --nargs;
            }
            return call_native(nf, self, args, nargs, kwnames, kwvalues, nkw);
        }
        if (BoundMethod* bm = callable.get<BoundMethod>())
        {
            if (NativeFunction* nf = bm->func.get<NativeFunction>())
                return call_native(nf, bm->self, args, nargs, kwnames, kwvalues, nkw);
            std::vector<Value> all;
            all.push_back(bm->self);
            all.insert(all.end(), args, args + nargs);
            return call(bm->func, all.data(), all.size(), kwnames, kwvalues, nkw);
        }
        if (TypeObj* type = callable.get<TypeObj>())
        {
            if (!type->construct)
                return raise_type_error("cannot create '" + type->qualified_name() + "' instances");
            Call c(*this, Value::from_obj(type), args, nargs, kwnames, kwvalues, nkw);
            return type->construct(c);
        }
        return raise_type_error("'" + type_name(callable) + "' object is not callable");
    }

    // -------------------------------------------------------------------- import

    Value Vm::import_module(Str* name)
    {
        Value found = dict_get_str(m_modules, name);
        if (!found.is_undefined())
            return found;
        const std::string& full = name->text;
        const std::string top = full.substr(0, full.find('.'));
        const NativeModuleDef* def = nullptr;
        for (const auto& m : native_modules())
            if (top == m.name)
                def = &m;
        if (!def)
        {
            static const char* stdlib[] = {
                "random",      "os",          "sys",        "time",      "re",       "json",       "collections",
                "itertools",   "functools",   "statistics", "fractions", "decimal",  "string",     "copy",
                "pandas",      "matplotlib",  "scipy",      "sklearn",   "torch",    "tensorflow", "typing",
                "dataclasses", "operator",    "cmath",      "pickle",    "csv",      "datetime",   "io",
                "pathlib",     "math.random", "numbers",    "heapq",     "bisect",   "array",      "struct",
                "enum",        "abc",         "warnings",   "pprint",    "textwrap", "unittest",   "threading",
                "subprocess",  "socket",      "urllib"};
            for (const char* s : stdlib)
                if (top == s)
                {
                    raise(t.ModuleNotFoundError,
                          "No module named '" + top + "' (NeuronLab's Python has only the modules math and numpy)");
                    return Value::error();
                }
            return raise(t.ModuleNotFoundError, "No module named '" + top + "'");
        }
        Value top_module = dict_get_str(m_modules, intern(top));
        if (top_module.is_undefined())
        {
            Module* m = heap.make<Module>(top, new_dict());
            top_module = Value::from_obj(m);
            dict_set_str(m_modules, intern(top), top_module);
            dict_set_str(m->attrs, intern("__name__"), Value::from_obj(intern(top)));
            ModuleBuilder b(*this, m);
            if (!def->init(*this, b))
            {
                if (!m_pending)
                    raise(t.ImportError, "cannot import " + top);
                return Value::error();
            }
        }
        if (top == full)
            return top_module;
        // A dotted name: walk the submodules.
        Value cur = top_module;
        std::size_t pos = top.size();
        while (pos < full.size())
        {
            const std::size_t next = full.find('.', pos + 1);
            const std::string part =
                full.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
            Value sub = dict_get_str(cur.as<Module>()->attrs, intern(part));
            if (sub.is_undefined() || !sub.get<Module>())
                return raise(t.ModuleNotFoundError, "No module named '" + full.substr(0, next) + "'");
            cur = sub;
            pos = next == std::string::npos ? full.size() : next;
        }
        dict_set_str(m_modules, name, cur);
        return cur;
    }

    // -------------------------------------------------------------------- tracebacks

    int Vm::line_of(const Frame& f) const
    {
        const std::size_t pc = std::size_t(f.ip - f.code->code.data());
        const std::size_t i = pc > 0 ? pc - 1 : 0;
        return i < f.code->lines.size() ? f.code->lines[i] : f.code->first_line;
    }

    void Vm::add_traceback(Exception* e, const Frame& f)
    {
        if (e->last_frame == f.id)
            return;
        e->last_frame = f.id;
        e->traceback.push_back({f.code->filename, line_of(f), f.code->name});
    }

    namespace
    {
        std::string strip(std::string_view s)
        {
            std::size_t a = 0, b = s.size();
            while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\f'))
                ++a;
            while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r' || s[b - 1] == '\n'))
                --b;
            return std::string(s.substr(a, b - a));
        }
    }

    std::string Vm::format_traceback(Exception* e)
    {
        std::string out;
        // The chain first: the cause or the context, then the separator.
        std::vector<std::pair<Exception*, const char*>> chain;
        std::vector<Exception*> seen;
        for (Exception* cur = e; cur;)
        {
            seen.push_back(cur);
            Exception* next = nullptr;
            const char* sep = nullptr;
            if (Exception* c = cur->cause.get<Exception>())
            {
                next = c;
                sep = "\nThe above exception was the direct cause of the following exception:\n\n";
            }
            if (!next || std::find(seen.begin(), seen.end(), next) != seen.end() || seen.size() > 50)
                break;
            chain.push_back({next, sep});
            cur = next;
        }
        for (std::size_t i = chain.size(); i-- > 0;)
        {
            Exception* c = chain[i].first;
            Exception* saved = m_pending;
            out += c->type->is_subtype(t.SyntaxError) && c->traceback.empty() ? format_syntax_error(c)
                                                                              : format_traceback_one(c);
            m_pending = saved;
            out += chain[i].second;
        }
        out += format_traceback_one(e);
        return out;
    }

    std::string Vm::format_traceback_one(Exception* e)
    {
        std::string out;
        if (!e->traceback.empty())
        {
            out += "Traceback (most recent call last):\n";
            std::string last_file, last_name;
            int last_line = -1;
            std::size_t count = 0;
            auto repeated = [&]()
            {
                if (count > 3)
                {
                    const std::size_t more = count - 3;
                    out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") +
                           "]\n";
                }
            };
            const std::size_t n = e->traceback.size();
            const std::size_t first = n > 1000 ? n - 1000 : 0;
            for (std::size_t k = n; k-- > first;)
            {
                const TraceEntry& te = e->traceback[k];
                if (te.filename != last_file || te.line != last_line || te.function != last_name)
                {
                    repeated();
                    last_file = te.filename;
                    last_line = te.line;
                    last_name = te.function;
                    count = 0;
                }
                if (++count > 3)
                    continue;
                out += "  File \"" + te.filename + "\", line " + std::to_string(te.line) + ", in " + te.function + "\n";
                if (te.filename == m_filename && te.line >= 1 && std::size_t(te.line) <= m_source_lines.size())
                {
                    const std::string src = strip(m_source_lines[std::size_t(te.line) - 1]);
                    if (!src.empty())
                        out += "    " + src + "\n";
                }
            }
            repeated();
        }
        if (e->type->is_subtype(t.SyntaxError) && e->syntax_line > 0)
            return out + format_syntax_error(e);
        out += exception_line(e);
        return out;
    }

    std::string Vm::exception_line(Exception* e)
    {
        std::string msg;
        Exception* saved = m_pending;
        if (e->args.size() == 1)
        {
            if (e->type->is_subtype(t.KeyError))
            {
                if (!repr(e->args[0], msg))
                    msg = "<exception str() failed>";
            }
            else if (!str(e->args[0], msg))
                msg = "<exception str() failed>";
        }
        else if (e->args.size() > 1)
        {
            if (!repr(new_tuple(e->args), msg))
                msg = "<exception str() failed>";
        }
        m_pending = saved;
        std::string line = e->type->qualified_name();
        if (!msg.empty())
            line += ": " + msg;
        if (!e->suggestion.empty())
            line += ". Did you mean: '" + e->suggestion + "'?";
        return line + "\n";
    }

    std::string Vm::format_syntax_error(Exception* e)
    {
        std::string out = "  File \"" + e->syntax_filename + "\", line " + std::to_string(e->syntax_line) + "\n";
        std::string text = e->syntax_text;
        // Leading whitespace is dropped and the caret moved with it, as CPython does.
        std::size_t lead = 0;
        while (lead < text.size() && (text[lead] == ' ' || text[lead] == '\t' || text[lead] == '\f'))
            ++lead;
        std::string shown = strip(text);
        if (!text.empty() || e->syntax_column >= 0)
        {
            out += "    " + shown + "\n";
            if (e->syntax_column > 0 && !shown.empty())
            {
                // Caret columns count characters, not bytes.
                auto chars = [](std::string_view s)
                {
                    std::size_t n = 0;
                    for (unsigned char c : s)
                        n += (c & 0xC0) != 0x80;
                    return n;
                };
                const std::size_t col = std::min(std::size_t(e->syntax_column - 1), text.size());
                const std::size_t start = col >= lead ? chars(std::string_view(text).substr(lead, col - lead)) : 0;
                std::size_t width = 1;
                if (e->syntax_end_column > e->syntax_column)
                    width =
                        chars(std::string_view(text).substr(col, std::size_t(e->syntax_end_column - e->syntax_column)));
                width = std::max<std::size_t>(width, 1);
                out += "    " + std::string(start, ' ') + std::string(width, '^') + "\n";
            }
        }
        std::string msg;
        if (!e->args.empty())
            str(e->args[0], msg);
        out += e->type->qualified_name() + ": " + msg + "\n";
        return out;
    }

    // -------------------------------------------------------------------- suggestions

    std::string Vm::suggestion(std::string_view name, const std::vector<std::string_view>& candidates)
    {
        // CPython's Python/suggestions.c: a Levenshtein distance where a case
        // change costs 1 and any other edit 2, within a third of the lengths.
        constexpr std::size_t move_cost = 2, case_cost = 1, max_size = 40;
        if (candidates.size() >= 750)
            return "";
        auto distance = [&](std::string_view a, std::string_view b, std::size_t max_cost) -> std::size_t
        {
            while (!a.empty() && !b.empty() && a.front() == b.front())
            {
                a.remove_prefix(1);
                b.remove_prefix(1);
            }
            while (!a.empty() && !b.empty() && a.back() == b.back())
            {
                a.remove_suffix(1);
                b.remove_suffix(1);
            }
            if (a.empty() || b.empty())
                return (a.size() + b.size()) * move_cost;
            if (a.size() > max_size || b.size() > max_size)
                return max_cost + 1;
            if (b.size() < a.size())
                std::swap(a, b);
            if ((b.size() - a.size()) * move_cost > max_cost)
                return max_cost + 1;
            std::size_t buffer[max_size];
            std::size_t tmp = move_cost;
            for (std::size_t i = 0; i < a.size(); ++i)
            {
                buffer[i] = tmp;
                tmp += move_cost;
            }
            std::size_t result = 0;
            for (std::size_t bi = 0; bi < b.size(); ++bi)
            {
                const char code = b[bi];
                std::size_t dist = result = bi * move_cost;
                std::size_t minimum = SIZE_MAX;
                for (std::size_t i = 0; i < a.size(); ++i)
                {
                    char x = code, y = a[i];
                    std::size_t cost;
                    if ((x & 31) != (y & 31))
                        cost = move_cost;
                    else if (x == y)
                        cost = 0;
                    else
                    {
                        if (x >= 'A' && x <= 'Z')
                            x = char(x + 32);
                        if (y >= 'A' && y <= 'Z')
                            y = char(y + 32);
                        cost = x == y ? case_cost : move_cost;
                    }
                    const std::size_t substitute = dist + cost;
                    dist = buffer[i];
                    const std::size_t insert_delete = std::min(result, dist) + move_cost;
                    result = std::min(insert_delete, substitute);
                    buffer[i] = result;
                    minimum = std::min(minimum, result);
                }
                if (minimum > max_cost)
                    return max_cost + 1;
            }
            return result;
        };
        std::string_view best;
        std::size_t best_distance = SIZE_MAX;
        bool found = false;
        for (std::string_view item : candidates)
        {
            if (item == name)
                continue;
            std::size_t max_distance = (name.size() + item.size() + 3) * move_cost / 6;
            max_distance = std::min(max_distance, best_distance - 1);
            const std::size_t d = distance(name, item, max_distance);
            if (d > max_distance)
                continue;
            if (!found || d < best_distance)
            {
                best = item;
                best_distance = d;
                found = true;
            }
        }
        return found ? std::string(best) : std::string();
    }

    void Vm::suggest_name(Exception* e, const std::string& name, const Frame& f)
    {
        std::vector<std::string_view> names;
        for (std::size_t i = 0; i < std::size_t(f.code->nlocals) && i < f.code->varnames.size(); ++i)
            names.push_back(f.code->varnames[i]->text);
        e->suggestion = suggestion(name, names);
        if (!e->suggestion.empty())
            return;
        names = {"__name__",        "__doc__",      "__package__", "__loader__", "__spec__",
                 "__annotations__", "__builtins__", "__file__",    "__cached__"};
        for (std::size_t i = 0; i < m_global_names.size(); ++i)
            if (!m_globals[i].is_undefined())
                names.push_back(m_global_names[i]->text);
        e->suggestion = suggestion(name, names);
        if (!e->suggestion.empty())
            return;
        static const char* const builtin_names[] = {"__name__",
                                                    "__doc__",
                                                    "__package__",
                                                    "__loader__",
                                                    "__spec__",
                                                    "__build_class__",
                                                    "__import__",
                                                    "abs",
                                                    "all",
                                                    "any",
                                                    "ascii",
                                                    "bin",
                                                    "breakpoint",
                                                    "callable",
                                                    "chr",
                                                    "compile",
                                                    "delattr",
                                                    "dir",
                                                    "divmod",
                                                    "eval",
                                                    "exec",
                                                    "format",
                                                    "getattr",
                                                    "globals",
                                                    "hasattr",
                                                    "hash",
                                                    "hex",
                                                    "id",
                                                    "input",
                                                    "isinstance",
                                                    "issubclass",
                                                    "iter",
                                                    "aiter",
                                                    "len",
                                                    "locals",
                                                    "max",
                                                    "min",
                                                    "next",
                                                    "anext",
                                                    "oct",
                                                    "ord",
                                                    "pow",
                                                    "print",
                                                    "repr",
                                                    "round",
                                                    "setattr",
                                                    "sorted",
                                                    "sum",
                                                    "vars",
                                                    "None",
                                                    "Ellipsis",
                                                    "NotImplemented",
                                                    "False",
                                                    "True",
                                                    "bool",
                                                    "memoryview",
                                                    "bytearray",
                                                    "bytes",
                                                    "classmethod",
                                                    "complex",
                                                    "dict",
                                                    "enumerate",
                                                    "filter",
                                                    "float",
                                                    "frozenset",
                                                    "property",
                                                    "int",
                                                    "list",
                                                    "map",
                                                    "object",
                                                    "range",
                                                    "reversed",
                                                    "set",
                                                    "slice",
                                                    "staticmethod",
                                                    "str",
                                                    "super",
                                                    "tuple",
                                                    "type",
                                                    "zip",
                                                    "__debug__",
                                                    "BaseException",
                                                    "BaseExceptionGroup",
                                                    "Exception",
                                                    "GeneratorExit",
                                                    "KeyboardInterrupt",
                                                    "SystemExit",
                                                    "ArithmeticError",
                                                    "AssertionError",
                                                    "AttributeError",
                                                    "BufferError",
                                                    "EOFError",
                                                    "ImportError",
                                                    "LookupError",
                                                    "MemoryError",
                                                    "NameError",
                                                    "OSError",
                                                    "ReferenceError",
                                                    "RuntimeError",
                                                    "StopAsyncIteration",
                                                    "StopIteration",
                                                    "SyntaxError",
                                                    "SystemError",
                                                    "TypeError",
                                                    "ValueError",
                                                    "Warning",
                                                    "FloatingPointError",
                                                    "OverflowError",
                                                    "ZeroDivisionError",
                                                    "BytesWarning",
                                                    "DeprecationWarning",
                                                    "EncodingWarning",
                                                    "FutureWarning",
                                                    "ImportWarning",
                                                    "PendingDeprecationWarning",
                                                    "ResourceWarning",
                                                    "RuntimeWarning",
                                                    "SyntaxWarning",
                                                    "UnicodeWarning",
                                                    "UserWarning",
                                                    "BlockingIOError",
                                                    "ChildProcessError",
                                                    "ConnectionError",
                                                    "FileExistsError",
                                                    "FileNotFoundError",
                                                    "InterruptedError",
                                                    "IsADirectoryError",
                                                    "NotADirectoryError",
                                                    "PermissionError",
                                                    "ProcessLookupError",
                                                    "TimeoutError",
                                                    "IndentationError",
                                                    "IndexError",
                                                    "KeyError",
                                                    "ModuleNotFoundError",
                                                    "NotImplementedError",
                                                    "RecursionError",
                                                    "UnboundLocalError",
                                                    "UnicodeError",
                                                    "BrokenPipeError",
                                                    "ConnectionAbortedError",
                                                    "ConnectionRefusedError",
                                                    "ConnectionResetError",
                                                    "TabError",
                                                    "UnicodeDecodeError",
                                                    "UnicodeEncodeError",
                                                    "UnicodeTranslateError",
                                                    "ExceptionGroup",
                                                    "EnvironmentError",
                                                    "IOError",
                                                    "open",
                                                    "quit",
                                                    "exit",
                                                    "copyright",
                                                    "credits",
                                                    "license",
                                                    "help"};
        names.assign(std::begin(builtin_names), std::end(builtin_names));
        e->suggestion = suggestion(name, names);
    }

    void Vm::suggest_attribute(Exception* e, Value obj, const std::string& name)
    {
        // dir(obj): sorted attribute names.
        std::vector<std::string> owned;
        auto add_dict = [&](Dict* d)
        {
            for (const auto& entry : d->entries)
                if (Str* k = entry.key.get<Str>())
                    owned.push_back(k->text);
        };
        if (Module* m = obj.get<Module>())
        {
            add_dict(m->attrs);
            for (const char* n : {"__doc__", "__loader__", "__name__", "__package__", "__spec__"})
                owned.push_back(n);
        }
        else
        {
            for (TypeObj* tp = obj.get<TypeObj>() ? obj.as<TypeObj>() : type_of(obj); tp; tp = tp->base)
                add_dict(tp->attrs);
        }
        std::sort(owned.begin(), owned.end());
        owned.erase(std::unique(owned.begin(), owned.end()), owned.end());
        std::vector<std::string_view> names(owned.begin(), owned.end());
        e->suggestion = suggestion(name, names);
    }

    // -------------------------------------------------------------------- running

    bool Vm::run(std::string_view source, std::string_view filename, std::string& traceback)
    {
        m_filename = std::string(filename);
        m_source_lines.clear();
        {
            std::size_t start = 0;
            for (std::size_t i = 0; i <= source.size(); ++i)
                if (i == source.size() || source[i] == '\n')
                {
                    m_source_lines.emplace_back(source.substr(start, i - start));
                    start = i + 1;
                }
        }
        SyntaxIssue issue;
        Code* code = nullptr;
        bool ok;
        {
            Program program;
            ok = parse(source, program, issue) && compile(*this, program, filename, code, issue);
        }
        if (!ok)
        {
            TypeObj* type = issue.type == "IndentationError" ? t.IndentationError
                            : issue.type == "TabError"       ? t.TabError
                                                             : t.SyntaxError;
            raise(type, issue.message);
            Exception* e = m_pending;
            e->syntax_filename = m_filename;
            e->syntax_line = std::max(issue.line, 1);
            e->syntax_column = issue.col >= 0 ? issue.col + 1 : -1;
            e->syntax_end_column = issue.end_col >= 0 ? issue.end_col + 1 : -1;
            if (std::size_t(e->syntax_line) <= m_source_lines.size())
                e->syntax_text = m_source_lines[std::size_t(e->syntax_line) - 1];
            if (issue.col < 0 && !e->syntax_text.empty())
                e->syntax_column = -1;
            traceback = format_syntax_error(e);
            m_pending = nullptr;
            return false;
        }
        Function* fn = heap.make<Function>(code);
        Value result;
        if (!push_frame(fn, &result, m_stack, 0, nullptr, nullptr, 0, true))
            return false;
        m_frames.back().function = fn;
        Value r;
        do
            r = execute(0);
        while (r.is_not_implemented());
        if (m_config.out && !m_out.empty())
            m_config.out(m_out);
        m_out.clear();
        if (r.is_error())
        {
            traceback = format_traceback(m_pending);
            m_pending = nullptr;
            m_frames.clear();
            return false;
        }
        m_frames.clear();
        return true;
    }

    // -------------------------------------------------------------------- the loop

    Value Vm::execute(std::size_t base_depth)
    {
        Frame* f;
        const std::uint32_t* ip;
        Value* sp;
        Value* slots;
        Code* code;
#define LOAD_FRAME()                                                                                                   \
    do                                                                                                                 \
    {                                                                                                                  \
        f = &m_frames.back();                                                                                          \
        ip = f->ip;                                                                                                    \
        sp = f->sp;                                                                                                    \
        slots = f->slots;                                                                                              \
        code = f->code;                                                                                                \
    } while (0)
#define SAVE_FRAME()                                                                                                   \
    do                                                                                                                 \
    {                                                                                                                  \
        f->ip = ip;                                                                                                    \
        f->sp = sp;                                                                                                    \
    } while (0)
#define CHECK(v)                                                                                                       \
    do                                                                                                                 \
    {                                                                                                                  \
        if (NL_UNLIKELY((v).is_error()))                                                                               \
            goto error;                                                                                                \
    } while (0)

        LOAD_FRAME();
        for (;;)
        {
            {
                const std::uint32_t ins = *ip++;
                const std::uint32_t arg = oparg(ins);
                switch (opcode(ins))
                {
                case Op::nop:
                    break;
                case Op::pop_top:
                    --sp;
                    break;
                case Op::dup_top:
                    *sp = sp[-1];
                    ++sp;
                    break;
                case Op::dup_top_two:
                    sp[0] = sp[-2];
                    sp[1] = sp[-1];
                    sp += 2;
                    break;
                case Op::rot_two:
                    std::swap(sp[-1], sp[-2]);
                    break;
                case Op::rot_three:
                {
                    const Value top = sp[-1];
                    sp[-1] = sp[-2];
                    sp[-2] = sp[-3];
                    sp[-3] = top;
                    break;
                }
                case Op::rot_four:
                {
                    const Value top = sp[-1];
                    sp[-1] = sp[-2];
                    sp[-2] = sp[-3];
                    sp[-3] = sp[-4];
                    sp[-4] = top;
                    break;
                }
                case Op::load_const:
                    *sp++ = code->consts[arg];
                    break;
                case Op::load_small_int:
                    *sp++ = Value::from_int(std::int64_t(arg));
                    break;
                case Op::load_none:
                    *sp++ = Value::none();
                    break;
                case Op::load_true:
                    *sp++ = Value::from_bool(true);
                    break;
                case Op::load_false:
                    *sp++ = Value::from_bool(false);
                    break;
                case Op::load_fast:
                {
                    const Value v = slots[arg];
                    if (NL_UNLIKELY(v.is_undefined()))
                    {
                        SAVE_FRAME();
                        raise(t.UnboundLocalError, "cannot access local variable '" + code->varnames[arg]->text +
                                                       "' where it is not associated with a value");
                        goto error;
                    }
                    *sp++ = v;
                    break;
                }
                case Op::store_fast:
                    slots[arg] = *--sp;
                    break;
                case Op::delete_fast:
                    if (slots[arg].is_undefined())
                    {
                        SAVE_FRAME();
                        raise(t.UnboundLocalError, "cannot access local variable '" + code->varnames[arg]->text +
                                                       "' where it is not associated with a value");
                        goto error;
                    }
                    slots[arg] = Value::undefined();
                    break;
                case Op::load_deref:
                case Op::delete_deref:
                {
                    Cell* c = slots[arg].as<Cell>();
                    if (NL_UNLIKELY(c->value.is_undefined()))
                    {
                        SAVE_FRAME();
                        const std::string& n = code->varnames[arg]->text;
                        if (int(arg) < code->nlocals)
                            raise(t.UnboundLocalError,
                                  "cannot access local variable '" + n + "' where it is not associated with a value");
                        else
                            raise(t.NameError, "cannot access free variable '" + n +
                                                   "' where it is not associated with a value in enclosing scope");
                        goto error;
                    }
                    if (opcode(ins) == Op::load_deref)
                        *sp++ = c->value;
                    else
                        c->value = Value::undefined();
                    break;
                }
                case Op::store_deref:
                    slots[arg].as<Cell>()->value = *--sp;
                    break;
                case Op::make_cell:
                {
                    Cell* c = heap.make<Cell>();
                    c->value = slots[arg];
                    slots[arg] = Value::from_obj(c);
                    break;
                }
                case Op::load_closure:
                    *sp++ = slots[arg];
                    break;
                case Op::load_global:
                {
                    Value v = m_globals[arg];
                    if (NL_UNLIKELY(v.is_undefined()))
                    {
                        v = dict_get_str(m_builtins, m_global_names[arg]);
                        if (v.is_undefined())
                        {
                            SAVE_FRAME();
                            raise(t.NameError, "name '" + m_global_names[arg]->text + "' is not defined");
                            suggest_name(m_pending, m_global_names[arg]->text, *f);
                            goto error;
                        }
                    }
                    *sp++ = v;
                    break;
                }
                case Op::store_global:
                    m_globals[arg] = *--sp;
                    break;
                case Op::delete_global:
                    if (m_globals[arg].is_undefined())
                    {
                        SAVE_FRAME();
                        raise(t.NameError, "name '" + m_global_names[arg]->text + "' is not defined");
                        goto error;
                    }
                    m_globals[arg] = Value::undefined();
                    break;
                case Op::load_attr:
                {
                    SAVE_FRAME();
                    const Value r = getattr(sp[-1], code->names[arg]);
                    if (r.is_error() && m_pending->type == t.AttributeError)
                        suggest_attribute(m_pending, sp[-1], code->names[arg]->text);
                    CHECK(r);
                    sp[-1] = r;
                    break;
                }
                case Op::store_attr:
                {
                    SAVE_FRAME();
                    if (!setattr(sp[-1], code->names[arg], sp[-2]))
                        goto error;
                    sp -= 2;
                    break;
                }
                case Op::delete_attr:
                    SAVE_FRAME();
                    raise_attribute_error("cannot delete attribute '" + code->names[arg]->text + "' of '" +
                                          type_name(sp[-1]) + "' object");
                    goto error;
                case Op::load_method:
                {
                    const Value obj = sp[-1];
                    Str* name = code->names[arg];
                    if (!obj.get<Module>())
                    {
                        for (TypeObj* tp = type_of(obj); tp; tp = tp->base)
                        {
                            const Value m = dict_get_str(tp->attrs, name);
                            if (m.is_undefined())
                                continue;
                            if (NativeFunction* nf = m.get<NativeFunction>(); nf && nf->owner)
                            {
                                sp[-1] = m;
                                *sp++ = obj;
                                goto method_done;
                            }
                            break;
                        }
                    }
                    {
                        SAVE_FRAME();
                        const Value r = getattr(obj, name);
                        if (r.is_error() && m_pending->type == t.AttributeError)
                            suggest_attribute(m_pending, obj, name->text);
                        CHECK(r);
                        sp[-1] = r;
                        *sp++ = Value::undefined();
                    }
                method_done:
                    break;
                }
                case Op::call_method:
                case Op::call_method_kw:
                {
                    const bool kw = opcode(ins) == Op::call_method_kw;
                    const Value* kwnames = nullptr;
                    std::size_t nkw = 0;
                    if (kw)
                    {
                        Tuple* names = (*--sp).as<Tuple>();
                        kwnames = names->items.data();
                        nkw = names->items.size();
                    }
                    const std::size_t argc = arg;
                    Value* base = sp - argc - 2;
                    const Value callee = base[0];
                    const Value self = base[1];
                    Value* args = base + 2;
                    if (self.is_undefined())
                    {
                        if (Function* fn = callee.get<Function>())
                        {
                            SAVE_FRAME();
                            f->sp = base + 1;
                            if (!push_frame(fn, base, args, argc - nkw, kwnames, args + argc - nkw, nkw, false))
                            {
                                f->sp = sp;
                                goto error;
                            }
                            LOAD_FRAME();
                            break;
                        }
                        SAVE_FRAME();
                        const Value r = call(callee, args, argc - nkw, kwnames, args + argc - nkw, nkw);
                        CHECK(r);
                        base[0] = r;
                        sp = base + 1;
                        break;
                    }
                    SAVE_FRAME();
                    const Value r = call_native(callee.as<NativeFunction>(), self, args, argc - nkw, kwnames,
                                                args + argc - nkw, nkw);
                    CHECK(r);
                    base[0] = r;
                    sp = base + 1;
                    break;
                }
                case Op::call:
                case Op::call_kw:
                {
                    const Value* kwnames = nullptr;
                    std::size_t nkw = 0;
                    if (opcode(ins) == Op::call_kw)
                    {
                        Tuple* names = (*--sp).as<Tuple>();
                        kwnames = names->items.data();
                        nkw = names->items.size();
                    }
                    const std::size_t argc = arg;
                    Value* base = sp - argc - 1;
                    const Value callee = base[0];
                    if (Function* fn = callee.get<Function>())
                    {
                        SAVE_FRAME();
                        f->sp = base + 1;
                        if (!push_frame(fn, base, base + 1, argc - nkw, kwnames, base + 1 + argc - nkw, nkw, false))
                        {
                            f->sp = sp;
                            goto error;
                        }
                        LOAD_FRAME();
                        break;
                    }
                    SAVE_FRAME();
                    const Value r = call(callee, base + 1, argc - nkw, kwnames, base + 1 + argc - nkw, nkw);
                    CHECK(r);
                    base[0] = r;
                    sp = base + 1;
                    break;
                }
                case Op::call_ex:
                {
                    Dict* kwargs = (arg & 1) ? (*--sp).as<Dict>() : nullptr;
                    Tuple* args = (*--sp).as<Tuple>();
                    Value* base = sp - 1;
                    const Value callee = base[0];
                    std::vector<Value> names, values;
                    if (kwargs)
                        for (auto& e : kwargs->entries)
                        {
                            if (e.key.is_undefined())
                                continue;
                            if (!e.key.get<Str>())
                            {
                                SAVE_FRAME();
                                raise_type_error("keywords must be strings");
                                goto error;
                            }
                            names.push_back(e.key);
                            values.push_back(e.value);
                        }
                    // Keep the argument tuple and dict alive while they are spread.
                    sp[0] = Value::from_obj(args);
                    sp[1] = kwargs ? Value::from_obj(kwargs) : Value::none();
                    sp += 2;
                    if (Function* fn = callee.get<Function>())
                    {
                        Value* dst = sp;
                        if (dst + args->items.size() + 8 > m_stack_end)
                        {
                            SAVE_FRAME();
                            raise(t.RecursionError, "maximum recursion depth exceeded");
                            goto error;
                        }
                        std::copy(args->items.begin(), args->items.end(), dst);
                        SAVE_FRAME();
                        // The callee's frame starts above the tuple and dict; the result
                        // goes where the callee was.
                        f->sp = base + 1;
                        if (!push_frame(fn, base, dst, args->items.size(), names.data(), values.data(), names.size(),
                                        false))
                        {
                            f->sp = sp;
                            goto error;
                        }
                        LOAD_FRAME();
                        break;
                    }
                    SAVE_FRAME();
                    const Value r =
                        call(callee, args->items.data(), args->items.size(), names.data(), values.data(), names.size());
                    CHECK(r);
                    base[0] = r;
                    sp = base + 1;
                    break;
                }
                case Op::make_function:
                {
                    Code* c = (*--sp).as<Code>();
                    Function* fn = heap.make<Function>(c);
                    if (arg & 4)
                    {
                        Tuple* cells = (*--sp).as<Tuple>();
                        for (const Value& v : cells->items)
                            fn->closure.push_back(v.as<Cell>());
                    }
                    if (arg & 2)
                        fn->kwdefaults = (*--sp).as<Tuple>()->items;
                    if (arg & 1)
                        fn->defaults = (*--sp).as<Tuple>()->items;
                    heap.account(
                        std::ptrdiff_t((fn->defaults.size() + fn->kwdefaults.size() + fn->closure.size()) * 16));
                    *sp++ = Value::from_obj(fn);
                    break;
                }
                case Op::return_value:
                {
                    const Value r = *--sp;
                    const Frame done = *f;
                    // The straight-line part of a call counts toward the budget here.
                    m_steps -= std::int64_t(ip - code->code.data());
                    m_frames.pop_back();
                    *done.result = r;
                    if (done.boundary || m_frames.size() <= base_depth)
                        return r;
                    LOAD_FRAME();
                    if (NL_UNLIKELY(m_steps < 0))
                    {
                        const int t = tick(base_depth);
                        if (t < 0)
                            goto error;
                        if (t > 0)
                            return Value::not_implemented();
                    }
                    break;
                }
                case Op::binary:
                case Op::inplace:
                {
                    const Value b = sp[-1];
                    const Value a = sp[-2];
                    if (a.tag == Tag::integer && b.tag == Tag::integer)
                    {
                        std::int64_t r;
                        switch (BinOp(arg))
                        {
                        case BinOp::add:
                            if (!__builtin_add_overflow(a.i, b.i, &r))
                            {
                                sp[-2] = Value::from_int(r);
                                --sp;
                                goto binary_done;
                            }
                            break;
                        case BinOp::sub:
                            if (!__builtin_sub_overflow(a.i, b.i, &r))
                            {
                                sp[-2] = Value::from_int(r);
                                --sp;
                                goto binary_done;
                            }
                            break;
                        case BinOp::mul:
                            if (!__builtin_mul_overflow(a.i, b.i, &r))
                            {
                                sp[-2] = Value::from_int(r);
                                --sp;
                                goto binary_done;
                            }
                            break;
                        default:
                            break;
                        }
                    }
                    else if (a.tag == Tag::floating && b.tag == Tag::floating)
                    {
                        switch (BinOp(arg))
                        {
                        case BinOp::add:
                            sp[-2] = Value::from_float(a.f + b.f);
                            --sp;
                            goto binary_done;
                        case BinOp::sub:
                            sp[-2] = Value::from_float(a.f - b.f);
                            --sp;
                            goto binary_done;
                        case BinOp::mul:
                            sp[-2] = Value::from_float(a.f * b.f);
                            --sp;
                            goto binary_done;
                        default:
                            break;
                        }
                    }
                    {
                        SAVE_FRAME();
                        const Value r =
                            opcode(ins) == Op::binary ? binary(BinOp(arg), a, b) : inplace(BinOp(arg), a, b);
                        CHECK(r);
                        sp[-2] = r;
                        --sp;
                    }
                binary_done:
                    break;
                }
                case Op::unary:
                {
                    SAVE_FRAME();
                    const Value r = unary(UnOp(arg), sp[-1]);
                    CHECK(r);
                    sp[-1] = r;
                    break;
                }
                case Op::compare:
                {
                    const Value b = sp[-1];
                    const Value a = sp[-2];
                    if (a.tag == Tag::integer && b.tag == Tag::integer)
                    {
                        bool r;
                        switch (CmpOp(arg))
                        {
                        case CmpOp::lt:
                            r = a.i < b.i;
                            break;
                        case CmpOp::le:
                            r = a.i <= b.i;
                            break;
                        case CmpOp::eq:
                            r = a.i == b.i;
                            break;
                        case CmpOp::ne:
                            r = a.i != b.i;
                            break;
                        case CmpOp::gt:
                            r = a.i > b.i;
                            break;
                        case CmpOp::ge:
                            r = a.i >= b.i;
                            break;
                        default:
                            goto compare_slow;
                        }
                        sp[-2] = Value::from_bool(r);
                        --sp;
                        break;
                    }
                compare_slow:
                {
                    SAVE_FRAME();
                    const Value r = compare(CmpOp(arg), a, b);
                    CHECK(r);
                    sp[-2] = r;
                    --sp;
                    break;
                }
                }
                case Op::binary_subscr:
                {
                    const Value key = sp[-1];
                    const Value obj = sp[-2];
                    if (List* l = obj.get<List>(); l && key.tag == Tag::integer)
                    {
                        std::int64_t i = key.i;
                        const auto n = std::int64_t(l->items.size());
                        if (i < 0)
                            i += n;
                        if (i >= 0 && i < n)
                        {
                            sp[-2] = l->items[std::size_t(i)];
                            --sp;
                            break;
                        }
                    }
                    SAVE_FRAME();
                    const Value r = getitem(obj, key);
                    CHECK(r);
                    sp[-2] = r;
                    --sp;
                    break;
                }
                case Op::store_subscr:
                {
                    const Value key = sp[-1];
                    const Value obj = sp[-2];
                    const Value value = sp[-3];
                    if (List* l = obj.get<List>(); l && key.tag == Tag::integer)
                    {
                        std::int64_t i = key.i;
                        const auto n = std::int64_t(l->items.size());
                        if (i < 0)
                            i += n;
                        if (i >= 0 && i < n)
                        {
                            l->items[std::size_t(i)] = value;
                            sp -= 3;
                            break;
                        }
                    }
                    SAVE_FRAME();
                    if (!setitem(obj, key, value))
                        goto error;
                    sp -= 3;
                    break;
                }
                case Op::delete_subscr:
                    SAVE_FRAME();
                    if (!delitem(sp[-2], sp[-1]))
                        goto error;
                    sp -= 2;
                    break;
                case Op::build_slice:
                {
                    const Value step = arg == 3 ? *--sp : Value::none();
                    const Value stop = *--sp;
                    const Value start = sp[-1];
                    sp[-1] = Value::from_obj(heap.make<Slice>(start, stop, step));
                    break;
                }
                case Op::build_list:
                case Op::build_tuple:
                {
                    std::vector<Value> items(sp - arg, sp);
                    sp -= arg;
                    *sp++ = opcode(ins) == Op::build_list ? new_list(std::move(items))
                                                          : (arg == 0 ? empty_tuple() : new_tuple(std::move(items)));
                    break;
                }
                case Op::build_dict:
                {
                    Dict* d = new_dict();
                    Value* items = sp - 2 * arg;
                    // Keep the new dict reachable while keys are hashed.
                    SAVE_FRAME();
                    for (std::uint32_t i = 0; i < arg; ++i)
                        if (!dict_set(d, items[2 * i], items[2 * i + 1]))
                            goto error;
                    sp = items;
                    *sp++ = Value::from_obj(d);
                    break;
                }
                case Op::list_append:
                {
                    const Value v = *--sp;
                    List* l = sp[-std::ptrdiff_t(arg)].as<List>();
                    if (l->items.size() == l->items.capacity())
                    {
                        SAVE_FRAME();
                        const std::size_t grow = std::max<std::size_t>(l->items.capacity(), 4) * sizeof(Value);
                        if (!reserve_bytes(grow))
                            goto error;
                        heap.account(std::ptrdiff_t(grow));
                    }
                    l->items.push_back(v);
                    break;
                }
                case Op::list_extend:
                {
                    SAVE_FRAME();
                    const Value src = sp[-1];
                    List* l = sp[-1 - std::ptrdiff_t(arg)].as<List>();
                    std::vector<Value> items;
                    if (!collect(src, items))
                        goto error;
                    if (!reserve_bytes(items.size() * sizeof(Value)))
                        goto error;
                    heap.account(std::ptrdiff_t(items.size() * sizeof(Value)));
                    l->items.insert(l->items.end(), items.begin(), items.end());
                    --sp;
                    break;
                }
                case Op::dict_set:
                {
                    SAVE_FRAME();
                    Dict* d = sp[-2 - std::ptrdiff_t(arg)].as<Dict>();
                    if (!dict_set(d, sp[-2], sp[-1]))
                        goto error;
                    sp -= 2;
                    break;
                }
                case Op::dict_update:
                {
                    SAVE_FRAME();
                    Dict* d = sp[-1 - std::ptrdiff_t(arg)].as<Dict>();
                    Dict* src = sp[-1].get<Dict>();
                    if (!src)
                    {
                        raise_type_error("'" + type_name(sp[-1]) + "' object is not a mapping");
                        goto error;
                    }
                    for (std::size_t i = 0; i < src->entries.size(); ++i)
                    {
                        const Dict::Entry e = src->entries[i];
                        if (!e.key.is_undefined() && !dict_set(d, e.key, e.value))
                            goto error;
                    }
                    --sp;
                    break;
                }
                case Op::list_to_tuple:
                {
                    List* l = sp[-1].as<List>();
                    sp[-1] = l->items.empty() ? empty_tuple() : new_tuple(std::move(l->items));
                    break;
                }
                case Op::unpack_sequence:
                case Op::unpack_ex:
                {
                    SAVE_FRAME();
                    const Value src = sp[-1];
                    std::vector<Value> items;
                    const std::vector<Value>* view;
                    if (List* l = src.get<List>())
                        view = &l->items;
                    else if (Tuple* tu = src.get<Tuple>())
                        view = &tu->items;
                    else
                    {
                        if (opcode(ins) == Op::unpack_sequence && !src.is_obj())
                        {
                            raise_type_error("cannot unpack non-iterable " + type_name(src) + " object");
                            goto error;
                        }
                        Value it = get_iter(src);
                        if (it.is_error())
                        {
                            if (pending_is(t.TypeError))
                            {
                                m_pending = nullptr;
                                raise_type_error("cannot unpack non-iterable " + type_name(src) + " object");
                            }
                            goto error;
                        }
                        // Read one more than needed, to report "too many values". The
                        // iterator may run Python code: what it gave so far is kept alive.
                        // (items[0] holds the iterator meanwhile.)
                        const std::size_t limit = opcode(ins) == Op::unpack_sequence ? arg + 2 : SIZE_MAX;
                        items.push_back(it);
                        Roots roots(*this, &items);
                        Value item;
                        while (items.size() < limit && next(it, item) == 1)
                            items.push_back(item);
                        items.erase(items.begin());
                        if (m_pending)
                            goto error;
                        view = &items;
                    }
                    const std::size_t n = view->size();
                    if (opcode(ins) == Op::unpack_sequence)
                    {
                        if (n != arg)
                        {
                            if (n > arg)
                                raise_value_error("too many values to unpack (expected " + std::to_string(arg) + ")");
                            else
                                raise_value_error("not enough values to unpack (expected " + std::to_string(arg) +
                                                  ", got " + std::to_string(n) + ")");
                            goto error;
                        }
                        --sp;
                        for (std::size_t i = n; i-- > 0;)
                            *sp++ = (*view)[i];
                        break;
                    }
                    const std::size_t before = arg & 0xfff, after = arg >> 12;
                    if (n < before + after)
                    {
                        raise_value_error("not enough values to unpack (expected at least " +
                                          std::to_string(before + after) + ", got " + std::to_string(n) + ")");
                        goto error;
                    }
                    const std::vector<Value> all = *view;
                    --sp;
                    for (std::size_t i = 0; i < after; ++i)
                        *sp++ = all[n - 1 - i];
                    *sp++ = new_list(
                        std::vector<Value>(all.begin() + std::ptrdiff_t(before), all.end() - std::ptrdiff_t(after)));
                    for (std::size_t i = before; i-- > 0;)
                        *sp++ = all[i];
                    break;
                }
                case Op::jump:
                {
                    const std::uint32_t from = std::uint32_t(ip - code->code.data());
                    ip = code->code.data() + arg;
                    if (arg < from)
                    {
                        // A loop's iteration: the instructions it ran count toward the
                        // budget; this is also where the collector runs.
                        m_steps -= std::int64_t(from - arg);
                        if (NL_UNLIKELY(m_steps < 0))
                        {
                            f->ip = code->code.data() + from;
                            f->sp = sp;
                            const int r = tick(base_depth);
                            if (r < 0)
                                goto error;
                            f->ip = ip;
                            if (r > 0)
                                return Value::not_implemented();
                        }
                    }
                    break;
                }
                case Op::pop_jump_if_false:
                case Op::pop_jump_if_true:
                {
                    const Value v = *--sp;
                    int truth_value;
                    if (v.tag == Tag::boolean)
                        truth_value = v.b;
                    else
                    {
                        SAVE_FRAME();
                        truth_value = truth(v);
                        if (truth_value < 0)
                            goto error;
                    }
                    if ((opcode(ins) == Op::pop_jump_if_true) == (truth_value != 0))
                    {
                        const std::uint32_t from = std::uint32_t(ip - code->code.data());
                        ip = code->code.data() + arg;
                        if (arg < from)
                        {
                            m_steps -= std::int64_t(from - arg);
                            if (NL_UNLIKELY(m_steps < 0))
                            {
                                f->ip = code->code.data() + from;
                                f->sp = sp;
                                const int r = tick(base_depth);
                                if (r < 0)
                                    goto error;
                                f->ip = ip;
                                if (r > 0)
                                    return Value::not_implemented();
                            }
                        }
                    }
                    break;
                }
                case Op::jump_if_false_or_pop:
                case Op::jump_if_true_or_pop:
                {
                    SAVE_FRAME();
                    const int tv = truth(sp[-1]);
                    if (tv < 0)
                        goto error;
                    if ((opcode(ins) == Op::jump_if_true_or_pop) == (tv != 0))
                        ip = code->code.data() + arg;
                    else
                        --sp;
                    break;
                }
                case Op::get_iter:
                {
                    const Value v = sp[-1];
                    if (v.get<Iterator>())
                        break;
                    SAVE_FRAME();
                    const Value it = get_iter(v);
                    CHECK(it);
                    sp[-1] = it;
                    break;
                }
                case Op::for_iter:
                {
                    Iterator* it = sp[-1].as<Iterator>();
                    if (it->ik == IterKind::range)
                    {
                        if (it->c > 0 ? it->a < it->b : it->a > it->b)
                        {
                            *sp++ = Value::from_int(it->a);
                            it->a += it->c;
                            break;
                        }
                        --sp;
                        ip = code->code.data() + arg;
                        break;
                    }
                    if (it->ik == IterKind::list)
                    {
                        List* l = it->src.as<List>();
                        if (std::size_t(it->a) < l->items.size())
                        {
                            *sp++ = l->items[std::size_t(it->a++)];
                            break;
                        }
                        it->a = INT64_MAX / 2;
                        --sp;
                        ip = code->code.data() + arg;
                        break;
                    }
                    SAVE_FRAME();
                    Value item;
                    const int st = next(sp[-1], item);
                    if (st < 0)
                        goto error;
                    if (st == 0)
                    {
                        --sp;
                        ip = code->code.data() + arg;
                        break;
                    }
                    *sp++ = item;
                    break;
                }
                case Op::import_name:
                {
                    SAVE_FRAME();
                    const Value m = import_module(code->names[arg]);
                    CHECK(m);
                    *sp++ = m;
                    break;
                }
                case Op::import_from:
                {
                    SAVE_FRAME();
                    Module* m = sp[-1].as<Module>();
                    Value v = dict_get_str(m->attrs, code->names[arg]);
                    if (v.is_undefined())
                    {
                        raise(t.ImportError, "cannot import name '" + code->names[arg]->text + "' from '" + m->name +
                                                 "' (unknown location)");
                        goto error;
                    }
                    *sp++ = v;
                    break;
                }
                case Op::import_star:
                {
                    Module* m = (*--sp).as<Module>();
                    for (std::size_t i = 0; i < m_global_names.size(); ++i)
                    {
                        if (m_global_names[i]->text.rfind("_", 0) == 0)
                            continue;
                        const Value v = dict_get_str(m->attrs, m_global_names[i]);
                        if (!v.is_undefined())
                            m_globals[i] = v;
                    }
                    break;
                }
                case Op::format_value:
                {
                    SAVE_FRAME();
                    Value spec = Value::undefined();
                    if (arg & 0x100)
                        spec = *--sp;
                    Value v = sp[-1];
                    const int conv = int(arg & 0xff);
                    if (conv == 'r' || conv == 'a')
                    {
                        v = repr_value(v);
                        CHECK(v);
                    }
                    else if (conv == 's')
                    {
                        v = str_value(v);
                        CHECK(v);
                    }
                    if (spec.is_undefined())
                    {
                        if (!v.get<Str>())
                        {
                            v = format(v, "");
                            CHECK(v);
                        }
                    }
                    else
                    {
                        v = format(v, spec.as<Str>()->text);
                        CHECK(v);
                    }
                    sp[-1] = v;
                    break;
                }
                case Op::build_string:
                {
                    std::size_t total = 0;
                    for (Value* p = sp - arg; p < sp; ++p)
                        total += p->as<Str>()->text.size();
                    std::string s;
                    s.reserve(total);
                    for (Value* p = sp - arg; p < sp; ++p)
                        s += p->as<Str>()->text;
                    sp -= arg;
                    SAVE_FRAME();
                    if (!reserve_bytes(total))
                        goto error;
                    *sp++ = new_str(std::move(s));
                    break;
                }
                case Op::raise_varargs:
                {
                    SAVE_FRAME();
                    if (arg == 0)
                    {
                        raise(t.RuntimeError, "No active exception to reraise");
                        goto error;
                    }
                    Value cause = Value::undefined();
                    if (arg == 2)
                        cause = *--sp;
                    Value v = *--sp;
                    if (TypeObj* type = v.get<TypeObj>(); type && type->is_exception)
                    {
                        v = call(v, nullptr, 0);
                        CHECK(v);
                    }
                    Exception* e = v.get<Exception>();
                    if (!e)
                    {
                        raise_type_error("exceptions must derive from BaseException");
                        goto error;
                    }
                    if (!cause.is_undefined())
                    {
                        if (TypeObj* ct = cause.get<TypeObj>(); ct && ct->is_exception)
                        {
                            cause = call(cause, nullptr, 0);
                            CHECK(cause);
                        }
                        if (!cause.is_none() && !cause.get<Exception>())
                        {
                            raise_type_error("exception causes must derive from BaseException");
                            goto error;
                        }
                        e->cause = cause;
                    }
                    m_pending = e;
                    goto error;
                }
                case Op::load_assertion_error:
                    *sp++ = Value::from_obj(t.AssertionError);
                    break;
                case Op::count:
                    break;
                }
            }
            continue;

        error:
        {
            // Unwind: every frame up to the caller in C++ (or the end of the run)
            // adds its line to the traceback.
            Exception* e = m_pending;
            while (true)
            {
                Frame& fr = m_frames.back();
                add_traceback(e, fr);
                const bool boundary = fr.boundary;
                m_frames.pop_back();
                if (boundary || m_frames.size() <= base_depth)
                    return Value::error();
            }
            continue;
        }
        }
#undef LOAD_FRAME
#undef SAVE_FRAME
#undef CHECK
    }
}
