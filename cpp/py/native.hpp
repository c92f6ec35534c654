// Native modules and native types: how C++ code (math, numpy) plugs into the
// interpreter.
//
// A native module is a name and an init function, listed once in modules.cpp. On
// the first `import name` of a run, the interpreter makes an empty module and calls
// init, which fills it through a ModuleBuilder:
//
//     bool init_numpy(Vm& vm, ModuleBuilder& np)
//     {
//         np.function("zeros", [](Call& call) -> Value {
//             Value args[2];
//             if (!call.parse("zeros", {"shape", "dtype"}, 1, args))
//                 return Value::error();           // parse raised TypeError
//             ...
//             return call.vm.raise_value_error("negative dimensions are not allowed");
//         });
//         TypeObj* ndarray = np.type("ndarray");   // also binds np.ndarray
//         ndarray->hooks.repr = ...;               // see NativeHooks
//         ndarray->method("reshape", ...);         // self is call.self
//         ModuleBuilder random = np.submodule("random");
//         ...
//         return true;
//     }
//
// Errors: a native raises by calling one of Vm's raise_* functions (or
// Vm::raise with any exception type, e.g. one made by ModuleBuilder::exception)
// and returning Value::error(). Messages are Python's (or NumPy's) exact words.
//
// Objects: a native type's instances derive from NativeObject and are made with
// vm.heap.make<T>(type, ...). The collector frees them; a NativeObject that holds
// Values must mark them in visit(). Memory: large buffers must be reserved first
// with vm.reserve_bytes(n), which raises MemoryError beyond the heap limit.
//
// The collector only runs at the interpreter's safe points (loop back-edges and
// returns), never inside a native call, so a native may keep Values in C++ locals
// while it runs. The one exception is running Python code from C++: Vm::call, and
// Vm::next / Vm::collect on iterators that call functions (map, filter). Values a
// native still needs after those must be reachable from its arguments or
// registered with a Vm::Roots guard.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

#include "ast.hpp"
#include "value.hpp"

namespace nl::py
{
    class Vm;

    /// The arguments of a native call: positional values, keyword arguments, and
    /// for methods the object they were called on.
    class Call
    {
    public:
        Call(Vm& v, Value self_value, const Value* args, std::size_t nargs, const Value* kwnames, const Value* kwvalues,
             std::size_t nkw)
            : vm(v), self(self_value), m_args(args), m_nargs(nargs), m_kwnames(kwnames), m_kwvalues(kwvalues),
              m_nkw(nkw)
        {
        }

        Vm& vm;
        /// The object a method was called on (None for plain functions).
        Value self;

        std::size_t size() const { return m_nargs; }
        Value operator[](std::size_t i) const { return m_args[i]; }
        const Value* args() const { return m_args; }
        std::size_t kw_size() const { return m_nkw; }
        std::string_view kw_name(std::size_t i) const;
        Value kw_value(std::size_t i) const { return m_kwvalues[i]; }
        /// The keyword argument `name`, or Value::undefined().
        Value kw(std::string_view name) const;

        /// Binds the arguments as `def fname(names...)` would, the first `required`
        /// of them required; absent optional ones are Value::undefined() in `out`.
        /// Raises TypeError with Python's wording and returns false on a mismatch.
        bool parse(std::string_view fname, std::initializer_list<const char*> names, std::size_t required,
                   Value* out) const;
        /// Raises TypeError unless there are no keyword arguments.
        bool no_keywords(std::string_view fname) const;
        /// Raises TypeError unless min <= positional count <= max and no keywords.
        bool check_count(std::string_view fname, std::size_t min, std::size_t max) const;

    private:
        const Value* m_args;
        std::size_t m_nargs;
        const Value* m_kwnames;  // Str values
        const Value* m_kwvalues;
        std::size_t m_nkw;
    };

    /// Set in the op of NativeHooks::binary for augmented assignment (a += b).
    inline constexpr int inplace_op_flag = 0x100;
    inline bool is_inplace(BinOp op) { return (int(op) & inplace_op_flag) != 0; }
    inline BinOp plain_op(BinOp op) { return BinOp(int(op) & ~inplace_op_flag); }

    /// How the interpreter operates on objects of a native type. Each hook is
    /// optional; an absent one makes the operation raise Python's TypeError.
    struct NativeHooks
    {
        /// repr(x) and str(x) (str falls back to repr): return a str Value.
        std::function<Value(Vm&, Value self)> repr, str;
        /// f"{x:spec}" / format(x, spec): return a str Value.
        std::function<Value(Vm&, Value self, std::string_view spec)> format;
        /// a <op> b where a or b is of this type (`reflected`: self is b). Return
        /// Value::not_implemented() to let the other operand or Python's error decide.
        /// For augmented assignment (a += b) op carries inplace_op_flag and self is a:
        /// update a and return it, or return not_implemented for the plain operator.
        std::function<Value(Vm&, BinOp op, Value a, Value b, bool reflected)> binary;
        /// a <op> b for < <= == != > >= (`reflected`: self is b, op already swapped).
        std::function<Value(Vm&, CmpOp op, Value a, Value b, bool reflected)> compare;
        /// -x, +x, ~x (not x uses truth).
        std::function<Value(Vm&, UnOp op, Value self)> unary;
        std::function<Value(Vm&, Value self)> abs;
        /// x[key]; x[key] = value (return None); key may be an int, slice, tuple...
        std::function<Value(Vm&, Value self, Value key)> getitem;
        std::function<Value(Vm&, Value self, Value key, Value value)> setitem;
        /// iter(x): return an iterator Value (any object with a `next` hook works).
        std::function<Value(Vm&, Value self)> iter;
        /// next(it): the next item, or Value::undefined() at the end.
        std::function<Value(Vm&, Value self)> next;
        /// len(x): an int Value.
        std::function<Value(Vm&, Value self)> len;
        /// item in x: 1, 0, or -1 after raising (absent: iterate and compare).
        std::function<int(Vm&, Value self, Value item)> contains;
        /// bool(x): 0 or 1, or -1 after raising.
        std::function<int(Vm&, Value self)> truth;
        /// float(x), int(x), operator.index(x) (used for list[x], range(x)...).
        std::function<Value(Vm&, Value self)> to_float, to_int, to_index;
        /// x.name for data attributes (shape, T, dtype...); return Value::undefined()
        /// when there is no such attribute (methods are found first, in the type).
        std::function<Value(Vm&, Value self, std::string_view name)> getattr;
        /// round(x, ndigits) (ndigits undefined when absent).
        std::function<Value(Vm&, Value self, Value ndigits)> round;
        /// hash(x); absent: unhashable.
        std::function<bool(Vm&, Value self, std::uint64_t& out)> hash;
    };

    /// A class: builtin (int, list...), native (numpy.ndarray) or an exception.
    struct TypeObj : Obj
    {
        static constexpr Kind kind_id = Kind::type;
        TypeObj(std::string n, std::string mod, TypeObj* b)
            : Obj(kind_id), name(std::move(n)), module(std::move(mod)), base(b),
              tp_name(module == "builtins" ? name : module + "." + name)
        {
        }
        void trace(Tracer& t) override;
        std::size_t bytes() const override { return sizeof(*this) + name.capacity(); }

        /// Adds a method: called with the object as call.self.
        void method(std::string_view method_name, NativeFn fn);
        /// True when this type is `other` or derives from it.
        bool is_subtype(const TypeObj* other) const
        {
            for (const TypeObj* t = this; t; t = t->base)
                if (t == other)
                    return true;
            return false;
        }
        /// "numpy.ndarray" or, for builtins, "int" (CPython's tp_name, which its
        /// messages use: "'numpy.ndarray' object is not callable").
        const std::string& qualified_name() const { return tp_name; }

        std::string name;
        std::string module;
        TypeObj* base;
        std::string tp_name;
        Dict* attrs = nullptr;  // methods and class attributes, by name
        /// What calling the type does (int("3"), np.float64(2)); absent: not callable.
        NativeFn construct;
        NativeHooks hooks;
        bool is_exception = false;
        Vm* vm = nullptr;
    };

    /// Base of the objects of native types.
    struct NativeObject : Obj
    {
        static constexpr Kind kind_id = Kind::native;
        explicit NativeObject(TypeObj* t) : Obj(kind_id), type(t) {}
        void trace(Tracer& t) override
        {
            t.mark(type);
            visit(t);
        }
        /// Mark the Values this object holds, if any.
        virtual void visit(Tracer&) {}
        std::size_t bytes() const override { return sizeof(*this); }
        TypeObj* type;
    };

    /// Fills a native module during its init.
    class ModuleBuilder
    {
    public:
        ModuleBuilder(Vm& vm, Module* module) : m_vm(vm), m_module(module) {}
        /// Binds a function; Python sees it as `<module>.<name>` in messages.
        void function(std::string_view name, NativeFn fn);
        void value(std::string_view name, Value v);
        /// A new native type bound as module.name (its instances: NativeObject).
        TypeObj* type(std::string_view name);
        /// A new exception class deriving from `base`, bound as module.name; its
        /// traceback line reads "module.name: message".
        TypeObj* exception(std::string_view name, TypeObj* base);
        /// A submodule bound as module.name (np.random).
        ModuleBuilder submodule(std::string_view name);
        Module* module() const { return m_module; }
        Vm& vm() const { return m_vm; }

    private:
        Vm& m_vm;
        Module* m_module;
    };

    /// A native module: its import name and the function that fills it.
    struct NativeModuleDef
    {
        const char* name;
        bool (*init)(Vm&, ModuleBuilder&);
    };

    /// Every native module the interpreter can import (modules.cpp).
    const std::vector<NativeModuleDef>& native_modules();
}
