// Values and heap objects of NeuronLab's Python.
//
// A Value is 16 bytes: a tag and a payload. None, bool, small int (int64) and
// float live in the Value itself; everything else is an Obj on the heap, owned by
// the interpreter's mark-and-sweep collector (heap.hpp). Objects never own each
// other through C++ pointers with destructors: the collector frees each object on
// its own, so cycles and deep nesting cost nothing special at the end of a run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "bigint.hpp"

namespace nl::py
{
    struct Obj;
    class Vm;
    class Tracer;

    enum class Tag : std::uint8_t
    {
        none,
        boolean,
        integer,   // int64; larger ints are BigIntObj
        floating,  // double
        object,
        // Internal markers, never visible to Python code:
        undefined,       // an unbound variable or a missing argument
        error,           // "an exception is pending": what a native returns after raising
        not_implemented  // a binary-operator hook declines the operands
    };

    /// A Python value. Copy freely: it never owns anything.
    struct Value
    {
        Tag tag = Tag::none;
        union
        {
            bool b;
            std::int64_t i;
            double f;
            Obj* o;
        };

        constexpr Value() : i(0) {}
        static constexpr Value none() { return Value(); }
        static constexpr Value from_bool(bool v)
        {
            Value r;
            r.tag = Tag::boolean;
            r.i = 0;
            r.b = v;
            return r;
        }
        static constexpr Value from_int(std::int64_t v)
        {
            Value r;
            r.tag = Tag::integer;
            r.i = v;
            return r;
        }
        static constexpr Value from_float(double v)
        {
            Value r;
            r.tag = Tag::floating;
            r.f = v;
            return r;
        }
        static Value from_obj(Obj* obj)
        {
            Value r;
            r.tag = Tag::object;
            r.o = obj;
            return r;
        }
        static constexpr Value undefined()
        {
            Value r;
            r.tag = Tag::undefined;
            return r;
        }
        static constexpr Value error()
        {
            Value r;
            r.tag = Tag::error;
            return r;
        }
        static constexpr Value not_implemented()
        {
            Value r;
            r.tag = Tag::not_implemented;
            return r;
        }

        bool is_none() const { return tag == Tag::none; }
        bool is_bool() const { return tag == Tag::boolean; }
        bool is_int() const { return tag == Tag::integer; }
        bool is_float() const { return tag == Tag::floating; }
        bool is_obj() const { return tag == Tag::object; }
        bool is_undefined() const { return tag == Tag::undefined; }
        bool is_error() const { return tag == Tag::error; }
        bool is_not_implemented() const { return tag == Tag::not_implemented; }
        /// int or bool held inline (bool is a subtype of int in Python).
        bool is_small_int() const { return tag == Tag::integer || tag == Tag::boolean; }
        std::int64_t small_int() const { return tag == Tag::boolean ? std::int64_t(b) : i; }

        template <class T>
        T* as() const
        {
            return static_cast<T*>(o);
        }
        /// The object when this is one of kind T, else nullptr.
        template <class T>
        T* get() const;
    };

    enum class Kind : std::uint8_t
    {
        bigint,
        str,
        list,
        tuple,
        dict,
        code,
        function,
        cell,
        native_function,
        bound_method,
        module,
        type,
        range,
        iterator,
        slice,
        exception,
        dict_view,
        native  // an object of a native type (native.hpp), e.g. numpy.ndarray
    };

    /// Every heap object. Subclasses report what they reference (trace) and roughly
    /// how many bytes they hold (bytes), which the heap limit counts.
    struct Obj
    {
        explicit Obj(Kind k) : kind(k) {}
        Obj(const Obj&) = delete;
        Obj& operator=(const Obj&) = delete;
        virtual ~Obj() = default;
        virtual void trace(Tracer&) {}
        virtual std::size_t bytes() const = 0;

        Kind kind;
        bool marked = false;
        Obj* gc_next = nullptr;
    };

    template <class T>
    T* Value::get() const
    {
        return tag == Tag::object && o->kind == T::kind_id ? static_cast<T*>(o) : nullptr;
    }

    /// Marks what an object references; the collector's gray stack is behind it.
    class Tracer
    {
    public:
        void mark(Value v)
        {
            if (v.tag == Tag::object)
                mark(v.o);
        }
        void mark(Obj* o)
        {
            if (o && !o->marked)
            {
                o->marked = true;
                m_gray.push_back(o);
            }
        }
        void mark(const std::vector<Value>& vs)
        {
            for (const Value& v : vs)
                mark(v);
        }

    protected:
        std::vector<Obj*> m_gray;
    };

    // ---------------------------------------------------------------- objects

    struct BigIntObj : Obj
    {
        static constexpr Kind kind_id = Kind::bigint;
        explicit BigIntObj(BigInt v) : Obj(kind_id), value(std::move(v)) {}
        std::size_t bytes() const override { return sizeof(*this) + value.limbs() * 4; }
        BigInt value;
    };

    /// A str: UTF-8 text. Lengths and indices count code points, as in Python.
    struct Str : Obj
    {
        static constexpr Kind kind_id = Kind::str;
        explicit Str(std::string s) : Obj(kind_id), text(std::move(s)) {}
        std::size_t bytes() const override { return sizeof(*this) + text.capacity(); }
        /// Code points (equals text.size() for ASCII text).
        std::size_t length() const;
        bool is_ascii() const { return length() == text.size(); }
        std::uint64_t hash() const;

        std::string text;
        mutable std::uint64_t m_hash = 0;
        mutable std::int64_t m_length = -1;
        bool interned = false;
    };

    struct List : Obj
    {
        static constexpr Kind kind_id = Kind::list;
        List() : Obj(kind_id) {}
        explicit List(std::vector<Value> v) : Obj(kind_id), items(std::move(v)) {}
        void trace(Tracer& t) override { t.mark(items); }
        std::size_t bytes() const override { return sizeof(*this) + items.capacity() * sizeof(Value); }
        std::vector<Value> items;
    };

    struct Tuple : Obj
    {
        static constexpr Kind kind_id = Kind::tuple;
        Tuple() : Obj(kind_id) {}
        explicit Tuple(std::vector<Value> v) : Obj(kind_id), items(std::move(v)) {}
        void trace(Tracer& t) override { t.mark(items); }
        std::size_t bytes() const override { return sizeof(*this) + items.capacity() * sizeof(Value); }
        std::vector<Value> items;
    };

    /// An insertion-ordered hash table, as CPython's compact dict: entries in order,
    /// an open-addressing index of positions into them. Deleted entries keep their
    /// slot (key undefined) until the next resize.
    struct Dict : Obj
    {
        static constexpr Kind kind_id = Kind::dict;
        struct Entry
        {
            std::uint64_t hash;
            Value key;
            Value value;
        };
        Dict() : Obj(kind_id) {}
        void trace(Tracer& t) override;
        std::size_t bytes() const override
        {
            return sizeof(*this) + entries.capacity() * sizeof(Entry) + index.capacity() * sizeof(std::int32_t);
        }
        std::size_t size() const { return used; }

        std::vector<Entry> entries;
        std::vector<std::int32_t> index;  // -1 empty, -2 deleted, else position in entries
        std::size_t used = 0;
        std::uint64_t version = 0;  // bumped on every insertion or deletion (iteration checks)
    };

    struct Cell : Obj
    {
        static constexpr Kind kind_id = Kind::cell;
        Cell() : Obj(kind_id) { value = Value::undefined(); }
        void trace(Tracer& t) override { t.mark(value); }
        std::size_t bytes() const override { return sizeof(*this); }
        Value value;
    };

    struct Code;

    /// A def or lambda: its code, default values and captured cells.
    struct Function : Obj
    {
        static constexpr Kind kind_id = Kind::function;
        explicit Function(Code* c) : Obj(kind_id), code(c) {}
        void trace(Tracer& t) override;
        std::size_t bytes() const override
        {
            return sizeof(*this) + (defaults.capacity() + kwdefaults.capacity()) * sizeof(Value) +
                   closure.capacity() * sizeof(Cell*);
        }
        Code* code;
        std::vector<Value> defaults;    // for the last positional parameters
        std::vector<Value> kwdefaults;  // per keyword-only parameter (undefined: required)
        std::vector<Cell*> closure;
    };

    class Call;
    /// A function implemented in C++: takes the call's arguments, returns a value, or
    /// raises (returns Value::error() after Vm::raise).
    using NativeFn = std::function<Value(Call&)>;

    struct TypeObj;

    struct NativeFunction : Obj
    {
        static constexpr Kind kind_id = Kind::native_function;
        NativeFunction(std::string n, NativeFn f) : Obj(kind_id), name(std::move(n)), fn(std::move(f)) {}
        void trace(Tracer& t) override;
        std::size_t bytes() const override { return sizeof(*this) + name.capacity(); }
        std::string name;  // as Python names it in messages: "len", "math.sqrt"
        NativeFn fn;
        TypeObj* owner = nullptr;  // the type whose method this is, if any
        Obj* module = nullptr;     // the module it belongs to, if any
    };

    /// obj.method taken as a value without calling it.
    struct BoundMethod : Obj
    {
        static constexpr Kind kind_id = Kind::bound_method;
        BoundMethod(Value s, Value f) : Obj(kind_id), self(s), func(f) {}
        void trace(Tracer& t) override
        {
            t.mark(self);
            t.mark(func);
        }
        std::size_t bytes() const override { return sizeof(*this); }
        Value self;
        Value func;
    };

    struct Module : Obj
    {
        static constexpr Kind kind_id = Kind::module;
        Module(std::string n, Dict* d) : Obj(kind_id), name(std::move(n)), attrs(d) {}
        void trace(Tracer& t) override { t.mark(attrs); }
        std::size_t bytes() const override { return sizeof(*this) + name.capacity(); }
        std::string name;
        Dict* attrs;
    };

    struct Range : Obj
    {
        static constexpr Kind kind_id = Kind::range;
        Range(std::int64_t a, std::int64_t b, std::int64_t c) : Obj(kind_id), start(a), stop(b), step(c) {}
        std::size_t bytes() const override { return sizeof(*this); }
        std::int64_t length() const;
        std::int64_t start, stop, step;
    };

    enum class IterKind : std::uint8_t
    {
        range,  // a = next value, b = stop, c = step
        list,   // src list, a = index
        tuple,  // src tuple, a = index
        str,    // src str, a = byte offset
        dict_keys,
        dict_values,
        dict_items,     // src dict, a = entry index, b = expected size, c = version
        reversed_list,  // src list, a = index counting down
        enumerate,      // src iterator, a = counter
        zip,            // items = iterators
        map,            // src function, items = iterators
        filter,         // src function (or None), items[0] = iterator
        native          // src object of a native type with a next hook
    };

    struct Iterator : Obj
    {
        static constexpr Kind kind_id = Kind::iterator;
        explicit Iterator(IterKind k) : Obj(kind_id), ik(k) {}
        void trace(Tracer& t) override
        {
            t.mark(src);
            t.mark(items);
        }
        std::size_t bytes() const override { return sizeof(*this) + items.capacity() * sizeof(Value); }
        IterKind ik;
        Value src;
        std::int64_t a = 0, b = 0, c = 0;
        std::vector<Value> items;
    };

    struct Slice : Obj
    {
        static constexpr Kind kind_id = Kind::slice;
        Slice(Value a, Value b, Value c) : Obj(kind_id), start(a), stop(b), step(c) {}
        void trace(Tracer& t) override
        {
            t.mark(start);
            t.mark(stop);
            t.mark(step);
        }
        std::size_t bytes() const override { return sizeof(*this); }
        Value start, stop, step;
    };

    /// One line of a traceback.
    struct TraceEntry
    {
        std::string filename;
        int line;
        std::string function;
    };

    struct Exception : Obj
    {
        static constexpr Kind kind_id = Kind::exception;
        Exception(TypeObj* t, std::vector<Value> a) : Obj(kind_id), type(t), args(std::move(a)) {}
        void trace(Tracer& t) override;
        std::size_t bytes() const override { return sizeof(*this) + args.capacity() * sizeof(Value); }
        TypeObj* type;
        std::vector<Value> args;
        std::vector<TraceEntry> traceback;  // innermost first, as frames unwind
        std::uint64_t last_frame = 0;       // the frame that last added an entry
        Value cause;                        // raise ... from cause
        std::string suggestion;             // "Did you mean: 'x'?" name for NameError / AttributeError
        int syntax_line = 0, syntax_column = 0, syntax_end_column = -1;  // SyntaxError position (1-based)
        std::string syntax_filename, syntax_text;
    };

    struct DictView : Obj
    {
        static constexpr Kind kind_id = Kind::dict_view;
        DictView(Dict* d, IterKind w) : Obj(kind_id), dict(d), which(w) {}
        void trace(Tracer& t) override { t.mark(dict); }
        std::size_t bytes() const override { return sizeof(*this); }
        Dict* dict;
        IterKind which;  // dict_keys, dict_values or dict_items
    };
}
