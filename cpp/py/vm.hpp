// The machine: one run of one program. It owns the heap, the builtin types, the
// globals and its own stack of frames; Python calls push a frame and continue the
// same loop, so a deep Python recursion never deepens the C++ stack.
//
// The operations on values (objects.cpp), the builtins (builtins.cpp), string
// formatting (format.cpp) and the run loop (vm.cpp) are all members of Vm.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "code.hpp"
#include "heap.hpp"
#include "limits.hpp"
#include "native.hpp"
#include "value.hpp"

namespace nl::py
{
    /// What the host sets for a run.
    struct VmConfig
    {
        std::uint64_t budget = limits::default_budget;
        std::function<void(std::string_view)> out;  // the program's stdout
        Value* stack = nullptr;                     // limits::stack_values slots, reused across runs
        bool collect_always = false;                // tests: a collection at every safe point
    };

    /// The builtin classes of a run.
    struct BuiltinTypes
    {
        TypeObj *object, *type, *none, *bool_, *int_, *float_, *str, *list, *tuple, *dict, *range, *slice;
        TypeObj *function, *builtin_function, *method, *module, *cell, *code, *ellipsis, *not_implemented;
        TypeObj *list_iterator, *list_reverseiterator, *tuple_iterator, *str_iterator, *range_iterator;
        TypeObj *dict_keyiterator, *dict_valueiterator, *dict_itemiterator, *enumerate, *zip, *map, *filter;
        TypeObj *dict_keys, *dict_values, *dict_items;
        TypeObj *BaseException, *Exception, *ArithmeticError, *ZeroDivisionError, *OverflowError;
        TypeObj *FloatingPointError, *LookupError, *IndexError, *KeyError, *TypeError, *ValueError;
        TypeObj *NameError, *UnboundLocalError, *AttributeError, *RuntimeError, *RecursionError;
        TypeObj *NotImplementedError, *MemoryError, *SyntaxError, *IndentationError, *TabError;
        TypeObj *StopIteration, *AssertionError, *ImportError, *ModuleNotFoundError, *OSError, *TimeoutError;
        TypeObj *KeyboardInterrupt, *SystemExit, *UnicodeError;
    };

    /// One activation of a function (or of the module's code).
    struct Frame
    {
        Code* code;
        Function* function;  // null for the module
        const std::uint32_t* ip;
        Value* slots;      // parameters and locals, then free-variable cells
        Value* sp;         // stack top when this frame is not running
        Value* result;     // where the caller wants the return value
        std::uint64_t id;  // unique per activation (tracebacks record each frame once)
        bool boundary;     // returning from this frame returns to C++ (Vm::call)
    };

    class Vm
    {
    public:
        explicit Vm(VmConfig config);
        ~Vm();
        Vm(const Vm&) = delete;
        Vm& operator=(const Vm&) = delete;

        /// Compiles and runs a program; on an uncaught error, `traceback` holds the
        /// text Python would print on stderr.
        bool run(std::string_view source, std::string_view filename, std::string& traceback);

        Heap heap;
        BuiltinTypes t;

        // ------------------------------------------------------------ making values

        /// The unique str for these characters (names, attribute names).
        Str* intern(std::string_view s);
        Value new_str(std::string s) { return Value::from_obj(heap.make<Str>(std::move(s))); }
        Value new_list(std::vector<Value> items = {}) { return Value::from_obj(heap.make<List>(std::move(items))); }
        Value new_tuple(std::vector<Value> items) { return Value::from_obj(heap.make<Tuple>(std::move(items))); }
        Dict* new_dict() { return heap.make<Dict>(); }
        /// A Python int: small when it fits in int64.
        Value new_int(BigInt v);
        /// The one-character str for a byte (cached).
        Value char_str(unsigned char c);
        Value empty_str() { return Value::from_obj(m_empty_str); }
        Value empty_tuple() { return Value::from_obj(m_empty_tuple); }
        /// The Ellipsis object (x[..., 0]).
        Value ellipsis() const { return m_ellipsis; }
        /// A builtin function or method bound to nothing.
        NativeFunction* new_native(std::string name, NativeFn fn);
        TypeObj* new_type(std::string name, std::string module, TypeObj* base);

        // ------------------------------------------------------------ raising

        /// Makes an exception of `type` with one str argument the pending one;
        /// returns Value::error() for the caller to return.
        Value raise(TypeObj* type, std::string message);
        Value raise_args(TypeObj* type, std::vector<Value> args);
        Value raise_type_error(std::string m) { return raise(t.TypeError, std::move(m)); }
        Value raise_value_error(std::string m) { return raise(t.ValueError, std::move(m)); }
        Value raise_index_error(std::string m) { return raise(t.IndexError, std::move(m)); }
        Value raise_key_error(Value key);
        Value raise_zero_division(std::string m) { return raise(t.ZeroDivisionError, std::move(m)); }
        Value raise_overflow(std::string m) { return raise(t.OverflowError, std::move(m)); }
        Value raise_memory_error(std::string m) { return raise(t.MemoryError, std::move(m)); }
        Value raise_attribute_error(std::string m) { return raise(t.AttributeError, std::move(m)); }
        Value raise_runtime_error(std::string m) { return raise(t.RuntimeError, std::move(m)); }
        Value raise_not_implemented(std::string m) { return raise(t.NotImplementedError, std::move(m)); }
        /// A construct outside NeuronLab's Python: NotImplementedError naming it.
        Value unsupported(std::string_view what);
        /// The exception being raised (after a raise_*), or null.
        Exception* pending() const { return m_pending; }
        void clear_pending() { m_pending = nullptr; }
        /// True when the pending exception is an instance of `type`.
        bool pending_is(TypeObj* type) const;

        /// Checks that `n` more bytes fit under the heap limit; MemoryError if not.
        bool reserve_bytes(std::size_t n);
        /// Spends `steps` of the budget on work a native does in one go; raises the
        /// budget error when it runs out.
        bool charge(std::uint64_t steps);

        // ------------------------------------------------------------ the object protocol

        TypeObj* type_of(Value v) const;
        /// The name CPython's messages use for v's type: "int", "numpy.ndarray".
        const std::string& type_name(Value v) const { return type_of(v)->tp_name; }
        bool repr(Value v, std::string& out);
        bool str(Value v, std::string& out);
        Value repr_value(Value v);
        Value str_value(Value v);
        /// bool(v): 1 or 0, or -1 after raising.
        int truth(Value v);
        /// a == b as a bool (identity first, as CPython's containers do): 1, 0, -1.
        int equal(Value a, Value b);
        /// a < b as a bool, for sorting and min/max: 1, 0, -1.
        int less(Value a, Value b);
        Value compare(CmpOp op, Value a, Value b);
        Value binary(BinOp op, Value a, Value b);
        Value inplace(BinOp op, Value a, Value b);
        Value unary(UnOp op, Value v);
        Value getitem(Value obj, Value key);
        bool setitem(Value obj, Value key, Value value);
        bool delitem(Value obj, Value key);
        Value getattr(Value obj, Str* name);
        bool setattr(Value obj, Str* name, Value value);
        /// obj.name if it exists, else Value::undefined() (no exception).
        Value lookup_attr(Value obj, Str* name);
        Value get_iter(Value v);
        /// The next item of an iterator: 1 (out set), 0 at the end, -1 after raising.
        int next(Value iter, Value& out);
        bool hash(Value v, std::uint64_t& out);
        bool length(Value v, std::int64_t& out);
        /// item in container: 1, 0, -1.
        int contains(Value container, Value item);
        /// An int or float (or a native number) as a double; TypeError otherwise,
        /// worded "must be real number, not str".
        bool to_double(Value v, double& out);
        /// An integer usable as an index; big ints raise IndexError as CPython does.
        bool to_index(Value v, std::int64_t& out);
        /// int, bool or a big int as a BigInt (false if v is not an integer; no raise).
        static bool to_bigint(Value v, BigInt& out);
        /// format(v, spec) (format.cpp).
        Value format(Value v, std::string_view spec);
        /// fmt % args (format.cpp).
        Value percent_format(const std::string& fmt, Value args);
        /// str.format(*args, **kwargs) (format.cpp).
        Value str_format(const std::string& fmt, Call& call);
        /// Every item of an iterable.
        bool collect(Value iterable, std::vector<Value>& out);
        /// The float repr Python prints.
        static std::string float_repr(double d);
        /// str(int) with CPython's digit limit.
        bool int_to_string(Value v, std::string& out);

        // ------------------------------------------------------------ dicts

        /// 1 found (out set), 0 missing, -1 after raising (unhashable key).
        int dict_get(Dict* d, Value key, Value& out);
        bool dict_set(Dict* d, Value key, Value value);
        /// 1 deleted, 0 missing, -1 after raising.
        int dict_del(Dict* d, Value key);
        /// For names known to be str (attribute tables).
        Value dict_get_str(Dict* d, Str* key);
        void dict_set_str(Dict* d, Str* key, Value value);

        // ------------------------------------------------------------ calling

        /// Calls any callable from C++ (a native calling back into Python). Nested
        /// calls are limited (limits::native_reentry).
        Value call(Value callable, const Value* args, std::size_t nargs, const Value* kwnames = nullptr,
                   const Value* kwvalues = nullptr, std::size_t nkw = 0);

        /// Keeps values alive across Vm::call while a native holds them.
        class Roots
        {
        public:
            Roots(Vm& vm, std::vector<Value>* values) : m_vm(vm) { vm.m_native_roots.push_back(values); }
            ~Roots() { m_vm.m_native_roots.pop_back(); }
            Roots(const Roots&) = delete;
            Roots& operator=(const Roots&) = delete;

        private:
            Vm& m_vm;
        };

        // ------------------------------------------------------------ output

        /// Text for the program's stdout; raises when the output limit is reached.
        bool write(std::string_view text);

        /// The interpreter's builtins (for modules that need them, e.g. numpy's dtype names).
        Dict* builtins() const { return m_builtins; }

    private:
        friend class Compiler;
        friend class ModuleBuilder;
        friend struct TypeObj;

        // vm.cpp
        Value execute(std::size_t base_depth);
        bool push_frame(Function* fn, Value* result, Value* args, std::size_t nargs, const Value* kwnames,
                        const Value* kwvalues, std::size_t nkw, bool boundary);
        bool bind_arguments(Function* fn, Value* slots, const Value* args, std::size_t nargs, const Value* kwnames,
                            const Value* kwvalues, std::size_t nkw);
        Value call_native(NativeFunction* f, Value self, const Value* args, std::size_t nargs, const Value* kwnames,
                          const Value* kwvalues, std::size_t nkw);
        void collect_garbage();
        /// The step counter ran out: collect, refill from the budget, or stop.
        /// 1: return to run() (a slice ended), 0: go on, -1: raised.
        int tick(std::size_t base_depth);
        void mark_roots();
        void add_traceback(Exception* e, const Frame& f);
        std::string format_traceback(Exception* e);
        std::string format_traceback_one(Exception* e);
        std::string exception_line(Exception* e);
        /// CPython's "Did you mean" for a name or attribute (empty: no suggestion).
        static std::string suggestion(std::string_view name, const std::vector<std::string_view>& candidates);
        void suggest_name(Exception* e, const std::string& name, const Frame& f);
        void suggest_attribute(Exception* e, Value obj, const std::string& name);
        std::string format_syntax_error(Exception* e);
        Value import_module(Str* name);
        void budget_exhausted();
        int line_of(const Frame& f) const;

        // objects.cpp
        void init_types();
        bool repr_into(Value v, std::string& out, int depth);
        Value int_binary(BinOp op, Value a, Value b);
        Value float_binary(BinOp op, double a, double b);
        Value seq_binary(BinOp op, Value a, Value b);
        Value native_binary(BinOp op, Value a, Value b);
        Value getitem_seq(Value obj, Value key);
        int compare_values(Value a, Value b, CmpOp op, int depth);
        Value make_iterator(IterKind k, Value src);
        bool slice_indices(Slice* s, std::int64_t length, std::int64_t& start, std::int64_t& stop, std::int64_t& step,
                           std::int64_t& count);
        std::size_t dict_find(Dict* d, Value key, std::uint64_t h, int& status);
        void dict_rebuild(Dict* d, std::size_t capacity);

        // builtins.cpp
        void init_builtins();
        void init_methods();

        VmConfig m_config;
        Value* m_stack;
        Value* m_stack_end;
        std::vector<Frame> m_frames;
        std::uint64_t m_next_frame_id = 1;
        std::int64_t m_steps;    // steps left in the current slice of the budget
        std::int64_t m_reserve;  // the rest of the budget
        static constexpr std::int64_t slice_steps = std::int64_t(1) << 20;
        int m_reentry = 0;
        Exception* m_pending = nullptr;
        std::vector<std::vector<Value>*> m_native_roots;

        Dict* m_builtins = nullptr;
        Dict* m_modules = nullptr;
        std::vector<Value> m_globals;
        std::vector<Str*> m_global_names;
        std::unordered_map<std::string_view, Str*> m_interned;
        std::vector<Value> m_char_strs;
        Str* m_empty_str = nullptr;
        Value m_ellipsis;
        Tuple* m_empty_tuple = nullptr;
        std::vector<Code*> m_codes;      // compiled code of this run (roots)
        std::vector<Obj*> m_repr_stack;  // containers being printed ([...] for cycles)

        std::string m_out;
        std::size_t m_out_bytes = 0, m_out_lines = 0;
        std::string m_filename;
        std::vector<std::string> m_source_lines;
    };
}
