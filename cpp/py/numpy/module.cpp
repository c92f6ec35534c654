// `import numpy as np`: the ndarray library (ndarray.hpp, ops.hpp,
// random_state.hpp) bound into the interpreter through native.hpp.
//
// Objects: numpy.ndarray, the scalar types numpy.float64 (a float subclass, as in
// NumPy), numpy.int64 and numpy.bool_ (each holding a 0-d array), and the dtypes.
// Operations that NumPy answers with a scalar (reductions, element-wise results
// of 0-d operands, a[i, j]) return these scalars; creation and shape functions
// keep 0-d arrays. Print options and np.random's state live in a per-run State,
// so every run starts from NumPy's defaults.
#include <cmath>
#include <ctime>
#include <optional>
#include <string>

#include "numpy/ndarray.hpp"
#include "numpy/ops.hpp"
#include "numpy/random_state.hpp"
#include "print/float_repr.hpp"
#include "print/format_spec.hpp"
#include "vm.hpp"

namespace nl::py
{
    namespace
    {
        // ------------------------------------------------------------ objects

        struct State : NativeObject
        {
            explicit State(TypeObj* t) : NativeObject(t) {}
            void visit(Tracer& tr) override
            {
                for (TypeObj* x : {ndarray_type, float64_type, int64_type, bool_type, iter_type, axis_error, no_loop,
                                   cast_error, dtype_types[0], dtype_types[1], dtype_types[2]})
                    tr.mark(x);
            }

            print_options print;
            random_state random;
            TypeObj *ndarray_type = nullptr, *float64_type = nullptr, *int64_type = nullptr, *bool_type = nullptr;
            TypeObj *iter_type = nullptr, *axis_error = nullptr, *no_loop = nullptr, *cast_error = nullptr;
            TypeObj* dtype_types[3] = {nullptr, nullptr, nullptr};
        };

        /// An ndarray, or a NumPy scalar (then `a` is 0-d and owns its value).
        struct ArrayObj : NativeObject
        {
            ArrayObj(TypeObj* t, ndarray v, bool owner) : NativeObject(t), a(std::move(v)), owns(owner) {}
            std::size_t bytes() const override { return sizeof(*this) + (owns ? a.buffer_bytes() : 0); }
            ndarray a;
            bool owns;  // counts the buffer against the heap limit (views do not)
        };

        struct DtypeObj : NativeObject
        {
            DtypeObj(TypeObj* t, dtype d) : NativeObject(t), type(d) {}
            dtype type;
        };

        /// Iteration over the first axis.
        struct IterObj : NativeObject
        {
            IterObj(TypeObj* t, Value s) : NativeObject(t), src(s) {}
            void visit(Tracer& tr) override { tr.mark(src); }
            Value src;
            std::int64_t pos = 0;
        };

        // ------------------------------------------------------------ helpers

        Value raise(Vm& vm, State& s, const py_error& e)
        {
            TypeObj* t = vm.t.ValueError;
            if (e.type == "TypeError")
                t = vm.t.TypeError;
            else if (e.type == "IndexError")
                t = vm.t.IndexError;
            else if (e.type == "OverflowError")
                t = vm.t.OverflowError;
            else if (e.type == "ZeroDivisionError")
                t = vm.t.ZeroDivisionError;
            else if (e.type == "MemoryError")
                t = vm.t.MemoryError;
            else if (e.type == "NotImplementedError")
                t = vm.t.NotImplementedError;
            else if (e.type == "numpy.AxisError")
                t = s.axis_error;
            else if (e.type == "numpy.core._exceptions._UFuncNoLoopError")
                t = s.no_loop;
            return vm.raise(t, e.message);
        }

        /// Spends budget on work proportional to `elements`.
        bool charge(Vm& vm, std::int64_t elements) { return vm.charge(static_cast<std::uint64_t>(elements / 4 + 1)); }

        /// What making one array or scalar costs beyond its elements, in steps
        /// (measured: ~100 bytecode instructions' worth of allocation and setup).
        constexpr std::uint64_t object_steps = 100;

        bool is_scalar_type(const State& s, const TypeObj* t)
        {
            return t == s.float64_type || t == s.int64_type || t == s.bool_type;
        }

        ArrayObj* as_array(const State& s, Value v)
        {
            NativeObject* n = v.get<NativeObject>();
            if (!n || (n->type != s.ndarray_type && !is_scalar_type(s, n->type)))
                return nullptr;
            return static_cast<ArrayObj*>(n);
        }

        Value wrap(Vm& vm, State& s, ndarray a, bool owner = true)
        {
            if (owner && !vm.reserve_bytes(a.buffer_bytes()))
                return Value::error();
            if (!charge(vm, a.size()) || !vm.charge(object_steps))
                return Value::error();
            return Value::from_obj(vm.heap.make<ArrayObj>(s.ndarray_type, std::move(a), owner));
        }

        /// A NumPy scalar holding element 0 of `a` (a copy).
        Value scalar(Vm& vm, State& s, const ndarray& a)
        {
            if (!vm.charge(object_steps))
                return Value::error();
            switch (a.type())
            {
                case dtype::float64:
                    return Value::from_obj(vm.heap.make<ArrayObj>(s.float64_type, ndarray::scalar(a.get_double(0)), true));
                case dtype::int64:
                    return Value::from_obj(vm.heap.make<ArrayObj>(s.int64_type, ndarray::scalar_int(a.get_int(0)), true));
                default:
                    return Value::from_obj(vm.heap.make<ArrayObj>(s.bool_type, ndarray::scalar_bool(a.get_bool(0)), true));
            }
        }

        /// The Python value for an operation's result: a scalar for a 0-d result
        /// of a ufunc or reduction, else an array.
        Value result(Vm& vm, State& s, outcome<ndarray> r, bool scalar_if_0d = true, bool owner = true)
        {
            if (!r)
                return raise(vm, s, r.error());
            if (scalar_if_0d && r->ndim() == 0)
                return scalar(vm, s, *r);
            return wrap(vm, s, std::move(r).value(), owner);
        }

        /// The Python scalar (float, int, bool) of element 0.
        Value python_scalar(Vm& vm, const ndarray& a)
        {
            switch (a.type())
            {
                case dtype::float64: return Value::from_float(a.get_double(0));
                case dtype::int64: return vm.new_int(BigInt::from_int64(a.get_int(0)));
                default: return Value::from_bool(a.get_bool(0));
            }
        }

        // Python values as nested nodes for np.array: 1 done, 0 not convertible
        // (nothing raised), -1 raised.
        int to_nested(Vm& vm, State& s, Value v, nested& out, int depth)
        {
            if (v.is_bool())
                out = nested::of_bool(v.b);
            else if (v.is_int())
                out = nested::of_int(v.i);
            else if (v.is_float())
                out = nested::of_float(v.f);
            else if (v.get<BigIntObj>())
            {
                vm.unsupported("an integer beyond the int64 range in a NumPy array");
                return -1;
            }
            else if (ArrayObj* a = as_array(s, v))
                out = a->a.ndim() == 0 && a->type != s.ndarray_type
                          ? (a->a.type() == dtype::float64 ? nested::of_float(a->a.get_double(0))
                             : a->a.type() == dtype::int64 ? nested::of_int(a->a.get_int(0))
                                                           : nested::of_bool(a->a.get_bool(0)))
                          : nested::of_array(a->a);
            else if (v.get<List>() || v.get<Tuple>())
            {
                if (depth >= 32)
                {
                    vm.raise_value_error("setting an array element with a sequence. The requested array would exceed "
                                         "the maximum number of dimension of 32.");
                    return -1;
                }
                const std::vector<Value>& items = v.get<List>() ? v.as<List>()->items : v.as<Tuple>()->items;
                std::vector<nested> nodes(items.size());
                for (std::size_t i = 0; i < items.size(); ++i)
                {
                    const int r = to_nested(vm, s, items[i], nodes[i], depth + 1);
                    if (r <= 0)
                    {
                        if (r == 0)
                            vm.unsupported("a NumPy array of " + vm.type_name(items[i]) + " objects");
                        return -1;
                    }
                }
                out = nested::of_sequence(std::move(nodes));
            }
            else
                return 0;
            return 1;
        }

        /// Any array-like as an ndarray: 1 done, 0 not array-like, -1 raised.
        int to_ndarray(Vm& vm, State& s, Value v, ndarray& out)
        {
            if (ArrayObj* a = as_array(s, v))
            {
                out = a->a;
                return 1;
            }
            nested n;
            const int r = to_nested(vm, s, v, n, 0);
            if (r <= 0)
                return r;
            auto arr = array_from_nested(n);
            if (!arr)
            {
                raise(vm, s, arr.error());
                return -1;
            }
            out = std::move(arr).value();
            return 1;
        }

        /// An array argument: converts or raises TypeError.
        bool arg_array(Vm& vm, State& s, Value v, ndarray& out)
        {
            const int r = to_ndarray(vm, s, v, out);
            if (r == 0)
                vm.unsupported("a NumPy array of " + vm.type_name(v) + " objects");
            return r == 1;
        }

        bool present(Value v) { return !v.is_undefined() && !v.is_none(); }

        /// dtype=... : float/int/bool, np.float64..., a dtype, or its name.
        bool parse_dtype(Vm& vm, State& s, Value v, std::optional<dtype>& out)
        {
            if (!present(v))
                return true;
            if (v.is_obj() && v.o == vm.t.float_)
                out = dtype::float64;
            else if (v.is_obj() && v.o == vm.t.int_)
                out = dtype::int64;
            else if (v.is_obj() && v.o == vm.t.bool_)
                out = dtype::bool_;
            else if (v.is_obj() && v.o == s.float64_type)
                out = dtype::float64;
            else if (v.is_obj() && v.o == s.int64_type)
                out = dtype::int64;
            else if (v.is_obj() && v.o == s.bool_type)
                out = dtype::bool_;
            else if (NativeObject* n = v.get<NativeObject>();
                     n && (n->type == s.dtype_types[0] || n->type == s.dtype_types[1] || n->type == s.dtype_types[2]))
                out = static_cast<DtypeObj*>(n)->type;
            else if (Str* str = v.get<Str>())
            {
                const std::string& t = str->text;
                if (t == "float64" || t == "float" || t == "f8" || t == "d" || t == "double")
                    out = dtype::float64;
                else if (t == "int64" || t == "int" || t == "i8" || t == "long")
                    out = dtype::int64;
                else if (t == "bool" || t == "?" || t == "bool_")
                    out = dtype::bool_;
                else
                {
                    vm.unsupported("dtype '" + t + "' (this NumPy has float64, int64 and bool)");
                    return false;
                }
            }
            else
            {
                std::string text;
                if (!vm.repr(v, text))
                    return false;
                vm.unsupported("dtype " + text + " (this NumPy has float64, int64 and bool)");
                return false;
            }
            return true;
        }

        /// A shape: an int or a sequence of ints.
        bool parse_shape(Vm& vm, Value v, shape_t& out)
        {
            out.clear();
            if (v.get<List>() || v.get<Tuple>())
            {
                const std::vector<Value>& items = v.get<List>() ? v.as<List>()->items : v.as<Tuple>()->items;
                for (const Value& item : items)
                {
                    std::int64_t d;
                    if (!vm.to_index(item, d))
                        return false;
                    out.push_back(d);
                }
                return true;
            }
            std::int64_t d;
            if (!vm.to_index(v, d))
                return false;
            out.push_back(d);
            return true;
        }

        /// axis=None or an int (tuples of axes are outside the subset).
        bool parse_axis(Vm& vm, Value v, axis_arg& out)
        {
            out.reset();
            if (!present(v))
                return true;
            if (v.get<Tuple>())
            {
                vm.unsupported("a tuple of axes");
                return false;
            }
            std::int64_t a;
            if (!vm.to_index(v, a))
                return false;
            out = a;
            return true;
        }

        bool parse_int(Vm& vm, Value v, std::int64_t& out, std::int64_t fallback)
        {
            if (!present(v))
            {
                out = fallback;
                return true;
            }
            return vm.to_index(v, out);
        }

        bool parse_bool(Vm& vm, Value v, bool& out, bool fallback)
        {
            if (!present(v))
            {
                out = fallback;
                return true;
            }
            const int t = vm.truth(v);
            if (t < 0)
                return false;
            out = t == 1;
            return true;
        }

        // ------------------------------------------------------------ indexing

        bool index_item_of(Vm& vm, State& s, Value v, index_t& out)
        {
            if (v.is_none())
                out.push_back(index_item::new_axis());
            else if (v.is_obj() && v.o == vm.ellipsis().o)
                out.push_back(index_item::ellipsis_item());
            else if (v.is_bool())
            {
                vm.unsupported("a bool as an index (NumPy reads it as a 0-d mask)");
                return false;
            }
            else if (v.is_int())
                out.push_back(index_item::at(v.i));
            else if (v.get<BigIntObj>())
            {
                vm.raise_index_error("cannot fit 'int' into an index-sized integer");
                return false;
            }
            else if (Slice* sl = v.get<Slice>())
            {
                std::optional<std::int64_t> parts[3];
                const Value values[3] = {sl->start, sl->stop, sl->step};
                for (int k = 0; k < 3; ++k)
                    if (!values[k].is_none())
                    {
                        std::int64_t x;
                        if (!vm.to_index(values[k], x))
                            return false;
                        parts[k] = x;
                    }
                out.push_back(index_item::range(parts[0], parts[1], parts[2]));
            }
            else if (ArrayObj* a = as_array(s, v))
            {
                if (a->type == s.int64_type)
                    out.push_back(index_item::at(a->a.get_int(0)));
                else if (a->type == s.ndarray_type)
                    out.push_back(index_item::of_array(a->a));
                else
                {
                    vm.raise_index_error("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
                                         "integer or boolean arrays are valid indices");
                    return false;
                }
            }
            else if (v.get<List>())
            {
                ndarray arr;
                if (!arg_array(vm, s, v, arr))
                    return false;
                out.push_back(index_item::of_array(arr));
            }
            else
            {
                vm.raise_index_error("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
                                     "integer or boolean arrays are valid indices");
                return false;
            }
            return true;
        }

        bool to_index(Vm& vm, State& s, Value key, index_t& out)
        {
            if (Tuple* t = key.get<Tuple>())
            {
                for (const Value& item : t->items)
                    if (!index_item_of(vm, s, item, out))
                        return false;
                return true;
            }
            return index_item_of(vm, s, key, out);
        }

        bool only_integers(const index_t& index)
        {
            for (const auto& it : index)
                if (it.k != index_item::kind::integer)
                    return false;
            return true;
        }

        Value get_item_value(Vm& vm, State& s, const ndarray& a, Value key)
        {
            index_t index;
            if (!to_index(vm, s, key, index))
                return Value::error();
            auto r = get_item(a, index);
            if (!r)
                return raise(vm, s, r.error());
            // Integers alone (or an empty tuple) select a scalar; views share a's buffer.
            if (r->ndim() == 0 && only_integers(index))
                return scalar(vm, s, *r);
            const bool view = r->shares_buffer(a);
            return wrap(vm, s, std::move(r).value(), !view);
        }

        // ------------------------------------------------------------ operators

        outcome<ndarray> apply(BinOp op, const ndarray& a, const ndarray& b)
        {
            switch (op)
            {
                case BinOp::add: return binary(binary_op::add, a, b);
                case BinOp::sub: return binary(binary_op::subtract, a, b);
                case BinOp::mul: return binary(binary_op::multiply, a, b);
                case BinOp::truediv: return binary(binary_op::true_divide, a, b);
                case BinOp::floordiv: return binary(binary_op::floor_divide, a, b);
                case BinOp::mod: return binary(binary_op::remainder, a, b);
                case BinOp::pow: return power_operator(a, b);
                case BinOp::matmul: return matmul(a, b);
                case BinOp::bit_and: return binary(binary_op::bitwise_and, a, b);
                case BinOp::bit_or: return binary(binary_op::bitwise_or, a, b);
                case BinOp::bit_xor: return binary(binary_op::bitwise_xor, a, b);
                default: return unsupported("the shift operators on NumPy arrays");
            }
        }

        const char* ufunc_of(BinOp op)
        {
            switch (op)
            {
                case BinOp::add: return "add";
                case BinOp::sub: return "subtract";
                case BinOp::mul: return "multiply";
                case BinOp::truediv: return "divide";
                case BinOp::floordiv: return "floor_divide";
                case BinOp::mod: return "remainder";
                case BinOp::pow: return "power";
                case BinOp::matmul: return "matmul";
                case BinOp::bit_and: return "bitwise_and";
                case BinOp::bit_or: return "bitwise_or";
                case BinOp::bit_xor: return "bitwise_xor";
                default: return "?";
            }
        }

        Value binary_hook(Vm& vm, State& s, BinOp op_in, Value a, Value b)
        {
            const bool inplace = is_inplace(op_in);
            const BinOp op = plain_op(op_in);
            ndarray x, y;
            const int ca = to_ndarray(vm, s, a, x);
            if (ca < 0)
                return Value::error();
            const int cb = ca ? to_ndarray(vm, s, b, y) : 0;
            if (cb < 0)
                return Value::error();
            if (ca == 0 || cb == 0)
                return Value::not_implemented();
            auto r = apply(op, x, y);
            if (!r)
                return raise(vm, s, r.error());
            if (!charge(vm, r->size()))
                return Value::error();
            ArrayObj* target = as_array(s, a);
            if (inplace && target && target->type == s.ndarray_type)
            {
                // a op= b writes into a: same shape, and a cast NumPy's same_kind allows.
                if (r->type() > target->a.type())
                {
                    const char* names[] = {"bool", "int64", "float64"};
                    return vm.raise(s.cast_error, std::string("Cannot cast ufunc '") + ufunc_of(op) +
                                                       "' output from dtype('" + names[int(r->type())] +
                                                       "') to dtype('" + names[int(target->a.type())] +
                                                       "') with casting rule 'same_kind'");
                }
                if (r->shape() != target->a.shape())
                    return vm.raise_value_error("non-broadcastable output operand with shape " +
                                                shape_text_compact(target->a.shape()) +
                                                " doesn't match the broadcast shape " + shape_text_compact(r->shape()));
                const status st = set_item(target->a, {index_item::ellipsis_item()}, *r);
                if (!st)
                    return raise(vm, s, st.error());
                return a;
            }
            return result(vm, s, std::move(r));
        }

        Value compare_hook(Vm& vm, State& s, CmpOp op, Value a, Value b)
        {
            binary_op bop;
            switch (op)
            {
                case CmpOp::lt: bop = binary_op::less; break;
                case CmpOp::le: bop = binary_op::less_equal; break;
                case CmpOp::eq: bop = binary_op::equal; break;
                case CmpOp::ne: bop = binary_op::not_equal; break;
                case CmpOp::gt: bop = binary_op::greater; break;
                case CmpOp::ge: bop = binary_op::greater_equal; break;
                default: return Value::not_implemented();
            }
            ndarray x, y;
            const int ca = to_ndarray(vm, s, a, x);
            if (ca < 0)
                return Value::error();
            const int cb = ca ? to_ndarray(vm, s, b, y) : 0;
            if (cb < 0)
                return Value::error();
            if (ca == 0 || cb == 0)
                return Value::not_implemented();
            return result(vm, s, binary(bop, x, y));
        }

        // ------------------------------------------------------------ text

        std::string scalar_text(const ndarray& a) { return scalar_str(a.type(), a.layout().data); }

        Value format_hook(Vm& vm, State& s, Value self, std::string_view spec)
        {
            ArrayObj* o = as_array(s, self);
            const ndarray& a = o->a;
            if (o->type == s.ndarray_type && a.ndim() > 0)
            {
                if (!spec.empty())
                    return vm.raise_type_error("unsupported format string passed to numpy.ndarray.__format__");
                return vm.new_str(str(a, s.print));
            }
            if (spec.empty())
                return vm.new_str(o->type == s.ndarray_type ? str(a, s.print) : scalar_text(a));
            switch (a.type())
            {
                case dtype::float64: return vm.format(Value::from_float(a.get_double(0)), spec);
                case dtype::int64: return vm.format(Value::from_int(a.get_int(0)), spec);
                default: return vm.format(Value::from_int(a.get_bool(0) ? 1 : 0), spec);
            }
        }

        // ------------------------------------------------------------ reductions

        using reducer = outcome<ndarray> (*)(const ndarray&, axis_arg, bool);

        Value reduce_call(Vm& vm, State& s, Call& c, const char* name, reducer fn, bool is_method)
        {
            Value args[3];
            const std::size_t first = is_method ? 0 : 1;
            if (is_method)
            {
                if (!c.parse(name, {"axis", "keepdims"}, 0, args + 1))
                    return Value::error();
                args[0] = c.self;
            }
            else if (!c.parse(name, {"a", "axis", "keepdims"}, 1, args))
                return Value::error();
            (void)first;
            ndarray a;
            axis_arg axis;
            bool keepdims;
            if (!arg_array(vm, s, args[0], a) || !parse_axis(vm, args[1], axis) || !parse_bool(vm, args[2], keepdims, false))
                return Value::error();
            if (!charge(vm, a.size()))
                return Value::error();
            return result(vm, s, fn(a, axis, keepdims));
        }

        Value var_call(Vm& vm, State& s, Call& c, const char* name, bool is_method, bool root)
        {
            Value args[4];
            if (is_method)
            {
                if (!c.parse(name, {"axis", "keepdims", "ddof"}, 0, args + 1))
                    return Value::error();
                args[0] = c.self;
            }
            else if (!c.parse(name, {"a", "axis", "keepdims", "ddof"}, 1, args))
                return Value::error();
            ndarray a;
            axis_arg axis;
            bool keepdims;
            std::int64_t ddof;
            if (!arg_array(vm, s, args[0], a) || !parse_axis(vm, args[1], axis) ||
                !parse_bool(vm, args[2], keepdims, false) || !parse_int(vm, args[3], ddof, 0))
                return Value::error();
            if (!charge(vm, 3 * a.size()))
                return Value::error();
            return result(vm, s, root ? std_dev(a, axis, keepdims, ddof) : var(a, axis, keepdims, ddof));
        }

        // ------------------------------------------------------------ the module

        struct reduction_entry
        {
            const char* name;
            reducer fn;
        };

        const reduction_entry reductions[] = {
            {"sum", sum},       {"prod", prod},     {"mean", mean},     {"max", max}, {"min", min},
            {"argmax", argmax}, {"argmin", argmin}, {"any", any},       {"all", all}};

        struct unary_entry
        {
            const char* name;
            unary_op op;
        };

        const unary_entry unaries[] = {
            {"exp", unary_op::exp},         {"log", unary_op::log},           {"tanh", unary_op::tanh},
            {"sqrt", unary_op::sqrt},       {"abs", unary_op::absolute},      {"absolute", unary_op::absolute},
            {"square", unary_op::square},   {"sign", unary_op::sign},         {"floor", unary_op::floor},
            {"ceil", unary_op::ceil},       {"rint", unary_op::rint},         {"negative", unary_op::negative},
            {"isnan", unary_op::isnan},     {"isinf", unary_op::isinf},       {"isfinite", unary_op::isfinite},
            {"logical_not", unary_op::logical_not}, {"positive", unary_op::positive}, {"invert", unary_op::invert},
            {"sin", unary_op::sin},         {"cos", unary_op::cos},           {"tan", unary_op::tan},
            {"arcsin", unary_op::arcsin},   {"arccos", unary_op::arccos},     {"arctan", unary_op::arctan},
            {"sinh", unary_op::sinh},       {"cosh", unary_op::cosh},         {"log10", unary_op::log10},
            {"log2", unary_op::log2},       {"log1p", unary_op::log1p},       {"expm1", unary_op::expm1},
            {"exp2", unary_op::exp2}};

        // Common NumPy names outside this subset: calling one says so plainly
        // (rather than "module 'numpy' has no attribute ...").
        const char* const unsupported_functions[] = {
            "argsort", "unique", "cumprod", "diff", "nonzero", "argwhere", "meshgrid", "tile", "repeat", "split",
            "array_split", "flip", "fliplr", "flipud", "roll", "pad", "percentile", "quantile", "histogram",
            "bincount", "searchsorted", "einsum", "tensordot", "kron", "trace", "diag", "diagonal", "triu", "tril",
            "polyfit", "polyval", "interp", "convolve", "correlate", "cross", "inner", "vdot", "nansum", "nanmean",
            "nanmax", "nanmin", "nanstd", "logspace", "geomspace", "atleast_1d", "atleast_2d", "swapaxes",
            "moveaxis", "broadcast_to", "take", "isin", "trunc", "fix", "arctan2", "hypot", "average", "cov",
            "corrcoef", "ptp", "fmax", "fmin", "heaviside", "loadtxt", "savetxt", "save", "load",
            "frombuffer", "fromfunction", "apply_along_axis", "vectorize", "piecewise", "select", "choose",
            "float32", "float16", "int32", "int16", "int8", "uint8", "uint16", "uint32", "uint64", "complex128",
            "complex64", "object_", "str_", "errstate", "seterr"};

        struct binary_entry
        {
            const char* name;
            binary_op op;
        };

        const binary_entry binaries[] = {
            {"add", binary_op::add},
            {"subtract", binary_op::subtract},
            {"multiply", binary_op::multiply},
            {"divide", binary_op::true_divide},
            {"true_divide", binary_op::true_divide},
            {"floor_divide", binary_op::floor_divide},
            {"remainder", binary_op::remainder},
            {"mod", binary_op::remainder},
            {"power", binary_op::power},
            {"maximum", binary_op::maximum},
            {"minimum", binary_op::minimum},
            {"greater", binary_op::greater},
            {"greater_equal", binary_op::greater_equal},
            {"less", binary_op::less},
            {"less_equal", binary_op::less_equal},
            {"equal", binary_op::equal},
            {"not_equal", binary_op::not_equal},
            {"logical_and", binary_op::bitwise_and},
            {"logical_or", binary_op::bitwise_or},
            {"logical_xor", binary_op::bitwise_xor}};

        bool sequence_of_arrays(Vm& vm, State& s, Value v, std::vector<ndarray>& out)
        {
            std::vector<Value> items;
            if (!vm.collect(v, items))
                return false;
            for (const Value& item : items)
            {
                ndarray a;
                if (!arg_array(vm, s, item, a))
                    return false;
                out.push_back(a);
            }
            return true;
        }

        /// size=None, an int or a tuple.
        bool parse_size(Vm& vm, Value v, std::optional<shape_t>& out)
        {
            out.reset();
            if (!present(v))
                return true;
            shape_t s;
            if (!parse_shape(vm, v, s))
                return false;
            out = s;
            return true;
        }

        /// A random draw: a Python float/int when no size was given, else an array.
        Value random_result(Vm& vm, State& s, outcome<ndarray> r, bool sized)
        {
            if (!r)
                return raise(vm, s, r.error());
            if (!sized)
                return python_scalar(vm, *r);
            return wrap(vm, s, std::move(r).value());
        }

        Value dims_call(Vm& vm, State& s, Call& c, const char* name, bool gauss)
        {
            if (!c.no_keywords(name))
                return Value::error();
            shape_t dims;
            for (std::size_t i = 0; i < c.size(); ++i)
            {
                std::int64_t d;
                if (!vm.to_index(c[i], d))
                    return Value::error();
                dims.push_back(d);
            }
            const std::optional<shape_t> size = c.size() ? std::optional<shape_t>(dims) : std::nullopt;
            return random_result(vm, s, gauss ? s.random.randn(size) : s.random.random_sample(size), c.size() > 0);
        }

        void init_random(Vm& vm, State& s, ModuleBuilder& r)
        {
            State* sp = &s;
            // NumPy seeds an unseeded generator from the OS; so does this one (the time).
            s.random.seed(static_cast<std::int64_t>(static_cast<std::uint32_t>(std::time(nullptr))));
            r.function("seed", [sp](Call& c) -> Value {
                Value a[1];
                if (!c.parse("seed", {"seed"}, 0, a))
                    return Value::error();
                std::int64_t v = static_cast<std::uint32_t>(std::time(nullptr));
                if (present(a[0]))
                {
                    if (a[0].is_float())
                        return c.vm.raise_type_error(
                            "Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'");
                    if (a[0].get<BigIntObj>())
                        return c.vm.raise_value_error("Seed must be between 0 and 2**32 - 1");
                    if (!c.vm.to_index(a[0], v))
                        return Value::error();
                }
                const status st = sp->random.seed(v);
                if (!st)
                    return raise(c.vm, *sp, st.error());
                return Value::none();
            });
            r.function("rand", [sp](Call& c) { return dims_call(c.vm, *sp, c, "rand", false); });
            r.function("randn", [sp](Call& c) { return dims_call(c.vm, *sp, c, "randn", true); });
            const auto sample = [sp](const char* name) {
                return [sp, name](Call& c) -> Value {
                    Value a[1];
                    std::optional<shape_t> size;
                    if (!c.parse(name, {"size"}, 0, a) || !parse_size(c.vm, a[0], size))
                        return Value::error();
                    return random_result(c.vm, *sp, sp->random.random_sample(size), size.has_value());
                };
            };
            r.function("random", sample("random"));
            r.function("random_sample", sample("random_sample"));
            r.function("uniform", [sp](Call& c) -> Value {
                Value a[3];
                double low = 0, high = 1;
                std::optional<shape_t> size;
                if (!c.parse("uniform", {"low", "high", "size"}, 0, a) ||
                    (present(a[0]) && !c.vm.to_double(a[0], low)) || (present(a[1]) && !c.vm.to_double(a[1], high)) ||
                    !parse_size(c.vm, a[2], size))
                    return Value::error();
                return random_result(c.vm, *sp, sp->random.uniform(low, high, size), size.has_value());
            });
            r.function("normal", [sp](Call& c) -> Value {
                Value a[3];
                double loc = 0, scale = 1;
                std::optional<shape_t> size;
                if (!c.parse("normal", {"loc", "scale", "size"}, 0, a) ||
                    (present(a[0]) && !c.vm.to_double(a[0], loc)) || (present(a[1]) && !c.vm.to_double(a[1], scale)) ||
                    !parse_size(c.vm, a[2], size))
                    return Value::error();
                return random_result(c.vm, *sp, sp->random.normal(loc, scale, size), size.has_value());
            });
            r.function("randint", [sp](Call& c) -> Value {
                Value a[4];
                std::int64_t low;
                std::optional<std::int64_t> high;
                std::optional<shape_t> size;
                std::optional<dtype> type;
                if (!c.parse("randint", {"low", "high", "size", "dtype"}, 1, a) || !c.vm.to_index(a[0], low) ||
                    !parse_size(c.vm, a[2], size) || !parse_dtype(c.vm, *sp, a[3], type))
                    return Value::error();
                if (present(a[1]))
                {
                    std::int64_t h;
                    if (!c.vm.to_index(a[1], h))
                        return Value::error();
                    high = h;
                }
                if (type && *type != dtype::int64)
                    return c.vm.unsupported("randint with a dtype other than int");
                return random_result(c.vm, *sp, sp->random.randint(low, high, size), size.has_value());
            });
            r.function("shuffle", [sp](Call& c) -> Value {
                Value a[1];
                if (!c.parse("shuffle", {"x"}, 1, a))
                    return Value::error();
                if (ArrayObj* o = as_array(*sp, a[0]); o && o->type == sp->ndarray_type)
                {
                    const status st = sp->random.shuffle(o->a);
                    if (!st)
                        return raise(c.vm, *sp, st.error());
                    return Value::none();
                }
                if (List* list = a[0].get<List>())
                {
                    // NumPy's untyped path: the same swaps, on the list's items.
                    const std::int64_t n = static_cast<std::int64_t>(list->items.size());
                    ndarray order = arange(ndarray::scalar_int(n), std::nullopt, std::nullopt).value();
                    const status st = sp->random.shuffle(order);
                    if (!st)
                        return raise(c.vm, *sp, st.error());
                    std::vector<Value> items(list->items.size());
                    for (std::int64_t i = 0; i < n; ++i)
                        items[i] = list->items[order.get_int(i)];
                    list->items = std::move(items);
                    return Value::none();
                }
                return c.vm.unsupported("np.random.shuffle of a " + c.vm.type_name(a[0]));
            });
            r.function("permutation", [sp](Call& c) -> Value {
                Value a[1];
                ndarray x;
                if (!c.parse("permutation", {"x"}, 1, a) || !arg_array(c.vm, *sp, a[0], x))
                    return Value::error();
                return result(c.vm, *sp, sp->random.permutation(x), false);
            });
            r.function("choice", [sp](Call& c) -> Value {
                Value a[4];
                ndarray x;
                std::optional<shape_t> size;
                bool replace;
                if (!c.parse("choice", {"a", "size", "replace", "p"}, 1, a) || !arg_array(c.vm, *sp, a[0], x) ||
                    !parse_size(c.vm, a[1], size) || !parse_bool(c.vm, a[2], replace, true))
                    return Value::error();
                if (present(a[3]))
                    return c.vm.unsupported("np.random.choice with p=");
                auto r = sp->random.choice(x, size, replace);
                if (!r)
                    return raise(c.vm, *sp, r.error());
                if (!size)
                    return x.ndim() == 0 ? python_scalar(c.vm, *r) : scalar(c.vm, *sp, *r);
                return wrap(c.vm, *sp, std::move(r).value());
            });
            (void)vm;
        }

        // The shape-and-copy methods and functions that take one array.
        Value method_reshape(Vm& vm, State& s, Call& c, const ndarray& a, bool is_scalar)
        {
            if (!c.no_keywords("reshape"))
                return Value::error();
            shape_t shape;
            if (c.size() == 1)
            {
                if (!parse_shape(vm, c[0], shape))
                    return Value::error();
            }
            else
                for (std::size_t i = 0; i < c.size(); ++i)
                {
                    std::int64_t d;
                    if (!vm.to_index(c[i], d))
                        return Value::error();
                    shape.push_back(d);
                }
            auto r = reshape(a, shape);
            if (!r)
                return raise(vm, s, r.error());
            const bool view = r->shares_buffer(a) && !is_scalar;
            return wrap(vm, s, std::move(r).value(), !view);
        }

        void add_methods(Vm& vm, State& s, TypeObj* t, bool is_scalar)
        {
            State* sp = &s;
            const auto self_array = [sp](Call& c) -> const ndarray& { return as_array(*sp, c.self)->a; };
            for (const auto& r : reductions)
                t->method(r.name, [sp, r](Call& c) { return reduce_call(c.vm, *sp, c, r.name, r.fn, true); });
            t->method("std", [sp](Call& c) { return var_call(c.vm, *sp, c, "std", true, true); });
            t->method("var", [sp](Call& c) { return var_call(c.vm, *sp, c, "var", true, false); });
            t->method("cumsum", [sp, self_array](Call& c) -> Value {
                Value a[1];
                axis_arg axis;
                if (!c.parse("cumsum", {"axis"}, 0, a) || !parse_axis(c.vm, a[0], axis))
                    return Value::error();
                return result(c.vm, *sp, cumsum(self_array(c), axis), false);
            });
            t->method("round", [sp, self_array](Call& c) -> Value {
                Value a[1];
                std::int64_t d;
                if (!c.parse("round", {"decimals"}, 0, a) || !parse_int(c.vm, a[0], d, 0))
                    return Value::error();
                auto r = round(self_array(c), d);
                if (r && r->shares_buffer(self_array(c)))
                    return c.self;  // an int array rounds to itself, as NumPy's
                return result(c.vm, *sp, std::move(r), as_array(*sp, c.self)->type != sp->ndarray_type);
            });
            t->method("astype", [sp, self_array](Call& c) -> Value {
                Value a[1];
                std::optional<dtype> type;
                if (!c.parse("astype", {"dtype"}, 1, a) || !parse_dtype(c.vm, *sp, a[0], type))
                    return Value::error();
                const bool scalar_self = as_array(*sp, c.self)->type != sp->ndarray_type;
                return result(c.vm, *sp, astype(self_array(c), *type), scalar_self);
            });
            t->method("item", [self_array](Call& c) -> Value {
                const ndarray& a = self_array(c);
                if (c.size() == 0)
                {
                    if (a.size() != 1)
                        return c.vm.raise_value_error("can only convert an array of size 1 to a Python scalar");
                    return python_scalar(c.vm, a);
                }
                std::int64_t i;
                if (!c.vm.to_index(c[0], i))
                    return Value::error();
                if (i < -a.size() || i >= a.size())
                    return c.vm.raise_index_error("index " + std::to_string(i) + " is out of bounds for size " +
                                                  std::to_string(a.size()));
                return python_scalar(c.vm, a.view({}, {}, a.offset_of(i < 0 ? i + a.size() : i)));
            });
            t->method("tolist", [self_array](Call& c) -> Value {
                std::function<Value(const nested&)> build = [&](const nested& n) -> Value {
                    switch (n.k)
                    {
                        case nested::kind::boolean: return Value::from_bool(n.b);
                        case nested::kind::integer: return c.vm.new_int(BigInt::from_int64(n.i));
                        case nested::kind::floating: return Value::from_float(n.f);
                        default:
                        {
                            std::vector<Value> items;
                            for (const auto& item : n.items)
                                items.push_back(build(item));
                            return c.vm.new_list(std::move(items));
                        }
                    }
                };
                return build(to_nested(self_array(c)));
            });
            if (is_scalar)
                return;
            t->method("reshape", [sp, self_array](Call& c) { return method_reshape(c.vm, *sp, c, self_array(c), false); });
            t->method("flatten", [sp, self_array](Call& c) { return wrap(c.vm, *sp, flatten(self_array(c))); });
            t->method("ravel", [sp, self_array](Call& c) {
                ndarray r = ravel(self_array(c));
                const bool view = r.shares_buffer(self_array(c));
                return wrap(c.vm, *sp, r, !view);
            });
            t->method("copy", [sp, self_array](Call& c) { return wrap(c.vm, *sp, copy(self_array(c))); });
            t->method("transpose", [sp, self_array](Call& c) -> Value {
                if (c.size() == 0)
                    return wrap(c.vm, *sp, transpose(self_array(c)), false);
                std::vector<std::int64_t> axes;
                shape_t tuple_axes;
                if (c.size() == 1 && (c[0].get<Tuple>() || c[0].get<List>()))
                {
                    if (!parse_shape(c.vm, c[0], tuple_axes))
                        return Value::error();
                    axes.assign(tuple_axes.begin(), tuple_axes.end());
                }
                else
                    for (std::size_t i = 0; i < c.size(); ++i)
                    {
                        std::int64_t x;
                        if (!c.vm.to_index(c[i], x))
                            return Value::error();
                        axes.push_back(x);
                    }
                return result(c.vm, *sp, transpose(self_array(c), axes), false, false);
            });
            t->method("squeeze", [sp, self_array](Call& c) -> Value {
                Value a[1];
                axis_arg axis;
                if (!c.parse("squeeze", {"axis"}, 0, a) || !parse_axis(c.vm, a[0], axis))
                    return Value::error();
                return result(c.vm, *sp, squeeze(self_array(c), axis), false, false);
            });
            t->method("clip", [sp, self_array](Call& c) -> Value {
                Value a[2];
                if (!c.parse("clip", {"min", "max"}, 0, a))
                    return Value::error();
                std::optional<ndarray> lo, hi;
                for (int k = 0; k < 2; ++k)
                    if (present(a[k]))
                    {
                        ndarray x;
                        if (!arg_array(c.vm, *sp, a[k], x))
                            return Value::error();
                        (k == 0 ? lo : hi) = x;
                    }
                return result(c.vm, *sp, clip(self_array(c), lo, hi));
            });
            t->method("dot", [sp, self_array](Call& c) -> Value {
                Value a[1];
                ndarray b;
                if (!c.parse("dot", {"b"}, 1, a) || !arg_array(c.vm, *sp, a[0], b))
                    return Value::error();
                return result(c.vm, *sp, dot(self_array(c), b));
            });
            t->method("sort", [sp](Call& c) -> Value {
                Value a[1];
                axis_arg axis = -1;
                if (!c.parse("sort", {"axis"}, 0, a))
                    return Value::error();
                if (!a[0].is_undefined() && !parse_axis(c.vm, a[0], axis))
                    return Value::error();
                if (!axis)
                    return c.vm.unsupported("a.sort(axis=None)");
                ndarray& self = as_array(*sp, c.self)->a;
                auto r = sort(self, axis);
                if (!r)
                    return raise(c.vm, *sp, r.error());
                const status st = set_item(self, {index_item::ellipsis_item()}, *r);
                if (!st)
                    return raise(c.vm, *sp, st.error());
                return Value::none();
            });
            t->method("fill", [sp](Call& c) -> Value {
                Value a[1];
                ndarray v;
                if (!c.parse("fill", {"value"}, 1, a) || !arg_array(c.vm, *sp, a[0], v))
                    return Value::error();
                const status st = set_item(as_array(*sp, c.self)->a, {index_item::ellipsis_item()}, v,
                                           a[0].is_float() || a[0].is_int());
                if (!st)
                    return raise(c.vm, *sp, st.error());
                return Value::none();
            });
            (void)vm;
        }

        Value attribute(Vm& vm, State& s, Value self, std::string_view name)
        {
            ArrayObj* o = as_array(s, self);
            const ndarray& a = o->a;
            if (name == "shape" || name == "strides")
            {
                std::vector<Value> dims;
                for (std::size_t i = 0; i < a.ndim(); ++i)
                    dims.push_back(Value::from_int(name == "shape" ? a.shape()[i]
                                                                   : a.strides()[i] * (a.type() == dtype::bool_ ? 1 : 8)));
                return vm.new_tuple(std::move(dims));
            }
            if (name == "ndim")
                return Value::from_int(static_cast<std::int64_t>(a.ndim()));
            if (name == "size")
                return Value::from_int(a.size());
            if (name == "itemsize")
                return Value::from_int(a.type() == dtype::bool_ ? 1 : 8);
            if (name == "nbytes")
                return Value::from_int(a.size() * (a.type() == dtype::bool_ ? 1 : 8));
            if (name == "dtype")
                return Value::from_obj(vm.heap.make<DtypeObj>(s.dtype_types[int(a.type())], a.type()));
            if (name == "T")
            {
                if (o->type != s.ndarray_type)
                    return self;
                return wrap(vm, s, transpose(a), false);
            }
            return Value::undefined();
        }

        void add_hooks(State& s, TypeObj* t)
        {
            State* sp = &s;
            NativeHooks& h = t->hooks;
            h.repr = [sp](Vm& v, Value self) {
                ArrayObj* o = as_array(*sp, self);
                return v.new_str(o->type == sp->ndarray_type ? repr(o->a, sp->print) : scalar_text(o->a));
            };
            h.str = [sp](Vm& v, Value self) {
                ArrayObj* o = as_array(*sp, self);
                return v.new_str(o->type == sp->ndarray_type ? str(o->a, sp->print) : scalar_text(o->a));
            };
            h.format = [sp](Vm& v, Value self, std::string_view spec) { return format_hook(v, *sp, self, spec); };
            h.binary = [sp](Vm& v, BinOp op, Value a, Value b, bool) { return binary_hook(v, *sp, op, a, b); };
            h.compare = [sp](Vm& v, CmpOp op, Value a, Value b, bool) { return compare_hook(v, *sp, op, a, b); };
            h.unary = [sp](Vm& v, UnOp op, Value self) -> Value {
                const ndarray& a = as_array(*sp, self)->a;
                switch (op)
                {
                    case UnOp::neg: return result(v, *sp, unary(unary_op::negative, a));
                    case UnOp::pos: return result(v, *sp, unary(unary_op::positive, a));
                    case UnOp::invert: return result(v, *sp, unary(unary_op::invert, a));
                    default: return Value::not_implemented();
                }
            };
            h.abs = [sp](Vm& v, Value self) { return result(v, *sp, unary(unary_op::absolute, as_array(*sp, self)->a)); };
            h.truth = [sp](Vm& v, Value self) -> int {
                auto r = truth(as_array(*sp, self)->a);
                if (!r)
                {
                    raise(v, *sp, r.error());
                    return -1;
                }
                return *r ? 1 : 0;
            };
            h.to_float = [sp](Vm& v, Value self) -> Value {
                auto r = to_double(as_array(*sp, self)->a);
                if (!r)
                    return raise(v, *sp, r.error());
                return Value::from_float(*r);
            };
            h.to_int = [sp](Vm& v, Value self) -> Value {
                const ndarray& a = as_array(*sp, self)->a;
                if (a.size() == 1 && a.type() == dtype::float64)
                {
                    const double d = a.get_double(0);
                    if (std::isnan(d))
                        return v.raise_value_error("cannot convert float NaN to integer");
                    if (std::isinf(d))
                        return v.raise_overflow("cannot convert float infinity to integer");
                    return v.new_int(BigInt::from_double(d));
                }
                auto r = to_int(a);
                if (!r)
                    return raise(v, *sp, r.error());
                return v.new_int(BigInt::from_int64(*r));
            };
            h.to_index = [sp](Vm& v, Value self) -> Value {
                ArrayObj* o = as_array(*sp, self);
                if (o->a.type() != dtype::int64 || o->a.ndim() != 0)
                {
                    if (o->type == sp->ndarray_type)
                        return v.raise_type_error("only integer scalar arrays can be converted to a scalar index");
                    return v.raise_type_error("'numpy." + o->type->name + "' object cannot be interpreted as an integer");
                }
                return Value::from_int(o->a.get_int(0));
            };
            h.getattr = [sp](Vm& v, Value self, std::string_view name) { return attribute(v, *sp, self, name); };
            if (t == s.ndarray_type)
            {
                h.getitem = [sp](Vm& v, Value self, Value key) { return get_item_value(v, *sp, as_array(*sp, self)->a, key); };
                h.setitem = [sp](Vm& v, Value self, Value key, Value value) -> Value {
                    index_t index;
                    ndarray x;
                    if (!to_index(v, *sp, key, index) || !arg_array(v, *sp, value, x))
                        return Value::error();
                    const status st = set_item(as_array(*sp, self)->a, index, x, value.is_float() || value.is_int());
                    if (!st)
                        return raise(v, *sp, st.error());
                    return Value::none();
                };
                // NumPy's __contains__: (a == item).any().
                h.contains = [sp](Vm& v, Value self, Value item) -> int {
                    ndarray x;
                    const int r = to_ndarray(v, *sp, item, x);
                    if (r < 0)
                        return -1;
                    if (r == 0)
                        return 0;
                    auto eq = binary(binary_op::equal, as_array(*sp, self)->a, x);
                    if (!eq)
                    {
                        raise(v, *sp, eq.error());
                        return -1;
                    }
                    return count_nonzero(*eq) > 0 ? 1 : 0;
                };
                h.len = [sp](Vm& v, Value self) -> Value {
                    auto r = length(as_array(*sp, self)->a);
                    if (!r)
                        return raise(v, *sp, r.error());
                    return Value::from_int(*r);
                };
                h.iter = [sp](Vm& v, Value self) -> Value {
                    if (as_array(*sp, self)->a.ndim() == 0)
                        return v.raise_type_error("iteration over a 0-d array");
                    return Value::from_obj(v.heap.make<IterObj>(sp->iter_type, self));
                };
            }
            else
            {
                // NumPy scalars: round(x) is a Python int, round(x, n) NumPy's round.
                h.round = [sp](Vm& v, Value self, Value ndigits) -> Value {
                    const ndarray& a = as_array(*sp, self)->a;
                    if (ndigits.is_undefined() || ndigits.is_none())
                    {
                        if (a.type() == dtype::float64)
                        {
                            const double d = std::nearbyint(a.get_double(0));
                            if (std::isnan(d))
                                return v.raise_value_error("cannot convert float NaN to integer");
                            if (std::isinf(d))
                                return v.raise_overflow("cannot convert float infinity to integer");
                            return v.new_int(BigInt::from_double(d));
                        }
                        return v.new_int(BigInt::from_int64(a.get_int(0)));
                    }
                    std::int64_t n;
                    if (!v.to_index(ndigits, n))
                        return Value::error();
                    return result(v, *sp, round(a, n));
                };
                h.hash = [sp](Vm& v, Value self, std::uint64_t& out) {
                    return v.hash(python_scalar(v, as_array(*sp, self)->a), out);
                };
            }
        }

        Value make_dtype_type(Vm& vm, State& s, ModuleBuilder& np)
        {
            const char* names[] = {"bool", "int64", "float64"};
            for (int k = 0; k < 3; ++k)
            {
                TypeObj* t = vm.new_type(std::string("dtype[") + names[k] + "]", "numpy", vm.t.object);
                s.dtype_types[k] = t;
                t->hooks.repr = [names, k](Vm& v, Value) { return v.new_str(std::string("dtype('") + names[k] + "')"); };
                t->hooks.str = [names, k](Vm& v, Value) { return v.new_str(names[k]); };
                State* sp = &s;
                t->hooks.compare = [sp](Vm& v, CmpOp op, Value a, Value b, bool) -> Value {
                    if (op != CmpOp::eq && op != CmpOp::ne)
                        return Value::not_implemented();
                    std::optional<dtype> other;
                    const dtype mine = static_cast<DtypeObj*>(a.as<NativeObject>())->type;
                    if (!parse_dtype(v, *sp, b, other))
                    {
                        v.clear_pending();
                        return Value::from_bool(op == CmpOp::ne);
                    }
                    const bool same = other && *other == mine;
                    return Value::from_bool(same == (op == CmpOp::eq));
                };
                t->hooks.hash = [](Vm& v, Value self, std::uint64_t& out) {
                    return v.hash(Value::from_int(int(static_cast<DtypeObj*>(self.as<NativeObject>())->type)), out);
                };
                t->hooks.getattr = [names, k](Vm& v, Value, std::string_view name) -> Value {
                    if (name == "name")
                        return v.new_str(names[k]);
                    if (name == "itemsize")
                        return Value::from_int(k == 0 ? 1 : 8);
                    if (name == "kind")
                        return v.new_str(k == 0 ? "b" : k == 1 ? "i" : "f");
                    return Value::undefined();
                };
            }
            State* sp = &s;
            np.function("dtype", [sp](Call& c) -> Value {
                Value a[1];
                std::optional<dtype> t;
                if (!c.parse("dtype", {"dtype"}, 1, a) || !parse_dtype(c.vm, *sp, a[0], t))
                    return Value::error();
                return Value::from_obj(c.vm.heap.make<DtypeObj>(sp->dtype_types[int(t.value_or(dtype::float64))],
                                                                t.value_or(dtype::float64)));
            });
            return Value::none();
        }

        /// True when the module has no attribute `name` yet.
        bool c_str_missing(Vm& vm, ModuleBuilder& m, const char* name)
        {
            return vm.dict_get_str(m.module()->attrs, vm.intern(name)).is_undefined();
        }

        bool init_numpy(Vm& vm, ModuleBuilder& np)
        {
            TypeObj* state_type = vm.new_type("_state", "numpy", vm.t.object);
            State* sp = vm.heap.make<State>(state_type);
            State& s = *sp;
            np.value(" state", Value::from_obj(sp));  // keeps the state alive; no Python name reaches it

            s.ndarray_type = np.type("ndarray");
            s.float64_type = vm.new_type("float64", "numpy", vm.t.float_);
            s.int64_type = vm.new_type("int64", "numpy", vm.t.object);
            s.bool_type = vm.new_type("bool_", "numpy", vm.t.object);
            np.value("float64", Value::from_obj(s.float64_type));
            np.value("float_", Value::from_obj(s.float64_type));
            np.value("int64", Value::from_obj(s.int64_type));
            np.value("int_", Value::from_obj(s.int64_type));
            np.value("bool_", Value::from_obj(s.bool_type));
            s.iter_type = vm.new_type("ndarray_iterator", "numpy", vm.t.object);
            s.iter_type->hooks.next = [sp](Vm& v, Value self) -> Value {
                IterObj* it = static_cast<IterObj*>(self.as<NativeObject>());
                const ndarray& a = as_array(*sp, it->src)->a;
                if (it->pos >= a.shape()[0])
                    return Value::undefined();
                return get_item_value(v, *sp, a, Value::from_int(it->pos++));
            };
            s.axis_error = np.exception("AxisError", vm.t.ValueError);
            s.no_loop = vm.new_type("_UFuncNoLoopError", "numpy.core._exceptions", vm.t.TypeError);
            s.no_loop->is_exception = true;
            s.cast_error = vm.new_type("_UFuncOutputCastingError", "numpy.core._exceptions", vm.t.TypeError);
            s.cast_error->is_exception = true;
            make_dtype_type(vm, s, np);

            for (TypeObj* t : {s.ndarray_type, s.float64_type, s.int64_type, s.bool_type})
            {
                add_hooks(s, t);
                add_methods(vm, s, t, t != s.ndarray_type);
            }
            // np.float64(x), np.int64(x), np.bool_(x).
            const auto scalar_ctor = [sp](dtype d, const char* name) {
                return [sp, d, name](Call& c) -> Value {
                    Value a[1];
                    if (!c.parse(name, {"x"}, 0, a))
                        return Value::error();
                    ndarray x = ndarray::scalar_int(0);
                    if (present(a[0]))
                    {
                        if (a[0].get<Str>() && d == dtype::float64)
                        {
                            Value f = c.vm.call(Value::from_obj(c.vm.t.float_), a, 1);
                            if (f.is_error())
                                return f;
                            x = ndarray::scalar(f.f);
                        }
                        else if (!arg_array(c.vm, *sp, a[0], x))
                            return Value::error();
                    }
                    if (x.ndim() != 0)
                        return result(c.vm, *sp, astype(x, d), false);
                    if (d == dtype::int64 && x.type() == dtype::float64)
                    {
                        std::int64_t i;
                        auto r = to_int(x);
                        if (!r)
                            return raise(c.vm, *sp, r.error());
                        i = *r;
                        x = ndarray::scalar_int(i);
                    }
                    return scalar(c.vm, *sp, astype(x, d));
                };
            };
            s.float64_type->construct = scalar_ctor(dtype::float64, "float64");
            s.int64_type->construct = scalar_ctor(dtype::int64, "int64");
            s.bool_type->construct = scalar_ctor(dtype::bool_, "bool_");

            np.value("pi", Value::from_float(3.141592653589793));
            np.value("e", Value::from_float(2.718281828459045));
            np.value("inf", Value::from_float(HUGE_VAL));
            np.value("nan", Value::from_float(std::nan("")));
            np.value("newaxis", Value::none());
            np.value("True_", Value::from_obj(vm.heap.make<ArrayObj>(s.bool_type, ndarray::scalar_bool(true), true)));
            np.value("False_", Value::from_obj(vm.heap.make<ArrayObj>(s.bool_type, ndarray::scalar_bool(false), true)));

            // ---------------------------------------------------- creation
            np.function("array", [sp](Call& c) -> Value {
                Value a[2];
                std::optional<dtype> t;
                if (!c.parse("array", {"object", "dtype"}, 1, a) || !parse_dtype(c.vm, *sp, a[1], t))
                    return Value::error();
                if (ArrayObj* o = as_array(*sp, a[0]))
                {
                    const ndarray copy_of = copy_keep_layout(o->a);
                    return wrap(c.vm, *sp, t ? astype(copy_of, *t) : copy_of);
                }
                nested n;
                const int r = to_nested(c.vm, *sp, a[0], n, 0);
                if (r < 0)
                    return Value::error();
                if (r == 0)
                    return c.vm.unsupported("np.array of a " + c.vm.type_name(a[0]));
                return result(c.vm, *sp, array_from_nested(n, t), false);
            });
            np.function("asarray", [sp](Call& c) -> Value {
                Value a[2];
                std::optional<dtype> t;
                if (!c.parse("asarray", {"a", "dtype"}, 1, a) || !parse_dtype(c.vm, *sp, a[1], t))
                    return Value::error();
                ArrayObj* o = as_array(*sp, a[0]);
                if (o && o->type == sp->ndarray_type && (!t || *t == o->a.type()))
                    return a[0];
                ndarray x;
                if (!arg_array(c.vm, *sp, a[0], x))
                    return Value::error();
                return wrap(c.vm, *sp, t ? astype(x, *t) : (o ? copy_keep_layout(x) : x));
            });
            const auto filled = [sp](const char* name, int value) {
                return [sp, name, value](Call& c) -> Value {
                    Value a[2];
                    shape_t shape;
                    std::optional<dtype> t;
                    if (!c.parse(name, {"shape", "dtype"}, 1, a) || !parse_shape(c.vm, a[0], shape) ||
                        !parse_dtype(c.vm, *sp, a[1], t))
                        return Value::error();
                    return result(c.vm, *sp, full(shape, ndarray::scalar_int(value), t.value_or(dtype::float64)), false);
                };
            };
            np.function("zeros", filled("zeros", 0));
            np.function("empty", filled("empty", 0));
            np.function("ones", filled("ones", 1));
            np.function("full", [sp](Call& c) -> Value {
                Value a[3];
                shape_t shape;
                std::optional<dtype> t;
                ndarray v;
                if (!c.parse("full", {"shape", "fill_value", "dtype"}, 2, a) || !parse_shape(c.vm, a[0], shape) ||
                    !arg_array(c.vm, *sp, a[1], v) || !parse_dtype(c.vm, *sp, a[2], t))
                    return Value::error();
                return result(c.vm, *sp, full(shape, v, t), false);
            });
            const auto filled_like = [sp](const char* name, int value) {
                return [sp, name, value](Call& c) -> Value {
                    Value a[2];
                    ndarray x;
                    std::optional<dtype> t;
                    if (!c.parse(name, {"a", "dtype"}, 1, a) || !arg_array(c.vm, *sp, a[0], x) ||
                        !parse_dtype(c.vm, *sp, a[1], t))
                        return Value::error();
                    return result(c.vm, *sp, full_like(x, ndarray::scalar_int(value), t), false);
                };
            };
            np.function("zeros_like", filled_like("zeros_like", 0));
            np.function("empty_like", filled_like("empty_like", 0));
            np.function("ones_like", filled_like("ones_like", 1));
            np.function("full_like", [sp](Call& c) -> Value {
                Value a[3];
                ndarray x, v;
                std::optional<dtype> t;
                if (!c.parse("full_like", {"a", "fill_value", "dtype"}, 2, a) || !arg_array(c.vm, *sp, a[0], x) ||
                    !arg_array(c.vm, *sp, a[1], v) || !parse_dtype(c.vm, *sp, a[2], t))
                    return Value::error();
                return result(c.vm, *sp, full_like(x, v, t), false);
            });
            np.function("arange", [sp](Call& c) -> Value {
                Value a[4];
                if (!c.parse("arange", {"start", "stop", "step", "dtype"}, 1, a))
                    return Value::error();
                std::optional<dtype> t;
                if (!parse_dtype(c.vm, *sp, a[3], t))
                    return Value::error();
                ndarray start;
                std::optional<ndarray> stop, step;
                if (!arg_array(c.vm, *sp, a[0], start))
                    return Value::error();
                for (int k = 1; k < 3; ++k)
                    if (present(a[k]))
                    {
                        ndarray x;
                        if (!arg_array(c.vm, *sp, a[k], x))
                            return Value::error();
                        (k == 1 ? stop : step) = x;
                    }
                return result(c.vm, *sp, arange(start, stop, step, t), false);
            });
            np.function("linspace", [sp](Call& c) -> Value {
                Value a[6];
                double start, stop;
                std::int64_t num;
                bool endpoint;
                std::optional<dtype> t;
                if (!c.parse("linspace", {"start", "stop", "num", "endpoint", "retstep", "dtype"}, 2, a) ||
                    !c.vm.to_double(a[0], start) || !c.vm.to_double(a[1], stop) || !parse_int(c.vm, a[2], num, 50) ||
                    !parse_bool(c.vm, a[3], endpoint, true) || !parse_dtype(c.vm, *sp, a[5], t))
                    return Value::error();
                if (present(a[4]))
                    return c.vm.unsupported("np.linspace(retstep=...)");
                return result(c.vm, *sp, linspace(start, stop, num, endpoint, t), false);
            });
            np.function("eye", [sp](Call& c) -> Value {
                Value a[4];
                std::int64_t n, k;
                std::optional<dtype> t;
                if (!c.parse("eye", {"N", "M", "k", "dtype"}, 1, a) || !c.vm.to_index(a[0], n) ||
                    !parse_int(c.vm, a[2], k, 0) || !parse_dtype(c.vm, *sp, a[3], t))
                    return Value::error();
                std::optional<std::int64_t> m;
                if (present(a[1]))
                {
                    std::int64_t mm;
                    if (!c.vm.to_index(a[1], mm))
                        return Value::error();
                    m = mm;
                }
                return result(c.vm, *sp, eye(n, m, k, t.value_or(dtype::float64)), false);
            });
            np.function("identity", [sp](Call& c) -> Value {
                Value a[2];
                std::int64_t n;
                std::optional<dtype> t;
                if (!c.parse("identity", {"n", "dtype"}, 1, a) || !c.vm.to_index(a[0], n) || !parse_dtype(c.vm, *sp, a[1], t))
                    return Value::error();
                return result(c.vm, *sp, eye(n, std::nullopt, 0, t.value_or(dtype::float64)), false);
            });

            // ---------------------------------------------------- element-wise
            for (const auto& u : unaries)
                np.function(u.name, [sp, u](Call& c) -> Value {
                    Value a[1];
                    ndarray x;
                    if (!c.parse(u.name, {"x"}, 1, a) || !arg_array(c.vm, *sp, a[0], x))
                        return Value::error();
                    if (!charge(c.vm, x.size()))
                        return Value::error();
                    return result(c.vm, *sp, unary(u.op, x));
                });
            for (const auto& b : binaries)
                np.function(b.name, [sp, b](Call& c) -> Value {
                    Value a[2];
                    ndarray x, y;
                    if (!c.parse(b.name, {"x1", "x2"}, 2, a) || !arg_array(c.vm, *sp, a[0], x) ||
                        !arg_array(c.vm, *sp, a[1], y))
                        return Value::error();
                    if (b.op == binary_op::bitwise_and || b.op == binary_op::bitwise_or || b.op == binary_op::bitwise_xor)
                    {
                        // logical_and & co: on truth values.
                        x = astype(x, dtype::bool_);
                        y = astype(y, dtype::bool_);
                    }
                    return result(c.vm, *sp, binary(b.op, x, y));
                });
            np.function("where", [sp](Call& c) -> Value {
                Value a[3];
                if (!c.parse("where", {"condition", "x", "y"}, 1, a))
                    return Value::error();
                if (a[1].is_undefined() || a[2].is_undefined())
                    return c.vm.unsupported("np.where with one argument (np.nonzero)");
                ndarray cond, x, y;
                if (!arg_array(c.vm, *sp, a[0], cond) || !arg_array(c.vm, *sp, a[1], x) || !arg_array(c.vm, *sp, a[2], y))
                    return Value::error();
                return result(c.vm, *sp, where(cond, x, y));
            });
            np.function("clip", [sp](Call& c) -> Value {
                Value a[3];
                ndarray x;
                if (!c.parse("clip", {"a", "a_min", "a_max"}, 3, a) || !arg_array(c.vm, *sp, a[0], x))
                    return Value::error();
                std::optional<ndarray> lo, hi;
                for (int k = 1; k < 3; ++k)
                    if (present(a[k]))
                    {
                        ndarray y;
                        if (!arg_array(c.vm, *sp, a[k], y))
                            return Value::error();
                        (k == 1 ? lo : hi) = y;
                    }
                return result(c.vm, *sp, clip(x, lo, hi));
            });
            const auto round_fn = [sp](const char* name) {
                return [sp, name](Call& c) -> Value {
                    Value a[2];
                    ndarray x;
                    std::int64_t d;
                    if (!c.parse(name, {"a", "decimals"}, 1, a) || !arg_array(c.vm, *sp, a[0], x) ||
                        !parse_int(c.vm, a[1], d, 0))
                        return Value::error();
                    auto r = round(x, d);
                    if (r && as_array(*sp, a[0]) && r->shares_buffer(x) && as_array(*sp, a[0])->type == sp->ndarray_type)
                        return a[0];
                    return result(c.vm, *sp, std::move(r));
                };
            };
            np.function("round", round_fn("round"));
            np.function("around", round_fn("around"));
            const auto close_fn = [sp](const char* name, bool all) {
                return [sp, name, all](Call& c) -> Value {
                    Value a[5];
                    ndarray x, y;
                    double rtol = 1e-05, atol = 1e-08;
                    bool equal_nan;
                    if (!c.parse(name, {"a", "b", "rtol", "atol", "equal_nan"}, 2, a) || !arg_array(c.vm, *sp, a[0], x) ||
                        !arg_array(c.vm, *sp, a[1], y) || (present(a[2]) && !c.vm.to_double(a[2], rtol)) ||
                        (present(a[3]) && !c.vm.to_double(a[3], atol)) || !parse_bool(c.vm, a[4], equal_nan, false))
                        return Value::error();
                    if (all)
                    {
                        auto r = allclose(x, y, rtol, atol, equal_nan);
                        if (!r)
                            return raise(c.vm, *sp, r.error());
                        return Value::from_bool(*r);
                    }
                    return result(c.vm, *sp, isclose(x, y, rtol, atol, equal_nan));
                };
            };
            np.function("allclose", close_fn("allclose", true));
            np.function("isclose", close_fn("isclose", false));
            np.function("array_equal", [sp](Call& c) -> Value {
                Value a[2];
                ndarray x, y;
                if (!c.parse("array_equal", {"a1", "a2"}, 2, a) || !arg_array(c.vm, *sp, a[0], x) ||
                    !arg_array(c.vm, *sp, a[1], y))
                    return Value::error();
                return Value::from_bool(array_equal(x, y));
            });

            // ---------------------------------------------------- reductions
            for (const auto& r : reductions)
                np.function(r.name, [sp, r](Call& c) { return reduce_call(c.vm, *sp, c, r.name, r.fn, false); });
            np.function("amax", [sp](Call& c) { return reduce_call(c.vm, *sp, c, "amax", max, false); });
            np.function("amin", [sp](Call& c) { return reduce_call(c.vm, *sp, c, "amin", min, false); });
            np.function("std", [sp](Call& c) { return var_call(c.vm, *sp, c, "std", false, true); });
            np.function("var", [sp](Call& c) { return var_call(c.vm, *sp, c, "var", false, false); });
            np.function("cumsum", [sp](Call& c) -> Value {
                Value a[2];
                ndarray x;
                axis_arg axis;
                if (!c.parse("cumsum", {"a", "axis"}, 1, a) || !arg_array(c.vm, *sp, a[0], x) || !parse_axis(c.vm, a[1], axis))
                    return Value::error();
                return result(c.vm, *sp, cumsum(x, axis), false);
            });
            np.function("count_nonzero", [sp](Call& c) -> Value {
                Value a[1];
                ndarray x;
                if (!c.parse("count_nonzero", {"a"}, 1, a) || !arg_array(c.vm, *sp, a[0], x))
                    return Value::error();
                return Value::from_int(count_nonzero(x));
            });

            // ---------------------------------------------------- linear algebra, joining, shapes
            const auto pair_fn = [sp](const char* name, outcome<ndarray> (*fn)(const ndarray&, const ndarray&)) {
                return [sp, name, fn](Call& c) -> Value {
                    Value a[2];
                    ndarray x, y;
                    if (!c.parse(name, {"a", "b"}, 2, a) || !arg_array(c.vm, *sp, a[0], x) || !arg_array(c.vm, *sp, a[1], y))
                        return Value::error();
                    if (!charge(c.vm, x.size() * std::max<std::int64_t>(y.ndim() ? y.shape().back() : 1, 1)))
                        return Value::error();
                    return result(c.vm, *sp, fn(x, y));
                };
            };
            np.function("dot", pair_fn("dot", dot));
            np.function("matmul", pair_fn("matmul", matmul));
            np.function("outer", pair_fn("outer", outer));
            np.function("concatenate", [sp](Call& c) -> Value {
                Value a[2];
                std::vector<ndarray> arrays;
                axis_arg axis = 0;
                if (!c.parse("concatenate", {"arrays", "axis"}, 1, a) || !sequence_of_arrays(c.vm, *sp, a[0], arrays))
                    return Value::error();
                if (!a[1].is_undefined() && !parse_axis(c.vm, a[1], axis))
                    return Value::error();
                return result(c.vm, *sp, concatenate(arrays, axis), false);
            });
            np.function("stack", [sp](Call& c) -> Value {
                Value a[2];
                std::vector<ndarray> arrays;
                std::int64_t axis;
                if (!c.parse("stack", {"arrays", "axis"}, 1, a) || !sequence_of_arrays(c.vm, *sp, a[0], arrays) ||
                    !parse_int(c.vm, a[1], axis, 0))
                    return Value::error();
                return result(c.vm, *sp, stack(arrays, axis), false);
            });
            const auto stack_fn = [sp](const char* name, outcome<ndarray> (*fn)(const std::vector<ndarray>&)) {
                return [sp, name, fn](Call& c) -> Value {
                    Value a[1];
                    std::vector<ndarray> arrays;
                    if (!c.parse(name, {"tup"}, 1, a) || !sequence_of_arrays(c.vm, *sp, a[0], arrays))
                        return Value::error();
                    return result(c.vm, *sp, fn(arrays), false);
                };
            };
            np.function("vstack", stack_fn("vstack", vstack));
            np.function("hstack", stack_fn("hstack", hstack));
            np.function("transpose", [sp](Call& c) -> Value {
                Value a[2];
                ndarray x;
                if (!c.parse("transpose", {"a", "axes"}, 1, a) || !arg_array(c.vm, *sp, a[0], x))
                    return Value::error();
                if (!present(a[1]))
                    return wrap(c.vm, *sp, transpose(x), !as_array(*sp, a[0]));
                shape_t axes;
                if (!parse_shape(c.vm, a[1], axes))
                    return Value::error();
                return result(c.vm, *sp, transpose(x, std::vector<std::int64_t>(axes.begin(), axes.end())), false,
                              !as_array(*sp, a[0]));
            });
            np.function("reshape", [sp](Call& c) -> Value {
                Value a[2];
                ndarray x;
                shape_t shape;
                if (!c.parse("reshape", {"a", "newshape"}, 2, a) || !arg_array(c.vm, *sp, a[0], x) ||
                    !parse_shape(c.vm, a[1], shape))
                    return Value::error();
                auto r = reshape(x, shape);
                const bool view = r && as_array(*sp, a[0]) && r->shares_buffer(x);
                return result(c.vm, *sp, std::move(r), false, !view);
            });
            np.function("ravel", [sp](Call& c) -> Value {
                Value a[1];
                ndarray x;
                if (!c.parse("ravel", {"a"}, 1, a) || !arg_array(c.vm, *sp, a[0], x))
                    return Value::error();
                ndarray r = ravel(x);
                return wrap(c.vm, *sp, r, !(as_array(*sp, a[0]) && r.shares_buffer(x)));
            });
            np.function("squeeze", [sp](Call& c) -> Value {
                Value a[2];
                ndarray x;
                axis_arg axis;
                if (!c.parse("squeeze", {"a", "axis"}, 1, a) || !arg_array(c.vm, *sp, a[0], x) || !parse_axis(c.vm, a[1], axis))
                    return Value::error();
                return result(c.vm, *sp, squeeze(x, axis), false, !as_array(*sp, a[0]));
            });
            np.function("shape", [sp](Call& c) -> Value {
                Value a[1];
                ndarray x;
                if (!c.parse("shape", {"a"}, 1, a) || !arg_array(c.vm, *sp, a[0], x))
                    return Value::error();
                std::vector<Value> dims;
                for (const auto d : x.shape())
                    dims.push_back(Value::from_int(d));
                return c.vm.new_tuple(std::move(dims));
            });

            // ---------------------------------------------------- print options
            np.function("set_printoptions", [sp](Call& c) -> Value {
                Value a[11];
                if (!c.parse("set_printoptions", {"precision", "threshold", "edgeitems", "linewidth", "suppress", "nanstr",
                                                  "infstr", "formatter", "sign", "floatmode", "legacy"},
                             0, a))
                    return Value::error();
                print_options o = sp->print;
                std::int64_t v;
                if (present(a[0]))
                {
                    if (!(a[0].is_int() || a[0].is_bool()))
                        return c.vm.raise_type_error("precision must be an integer");
                    o.precision = static_cast<int>(a[0].small_int());
                }
                if (present(a[1]))
                {
                    double d;
                    if (!c.vm.to_double(a[1], d))
                        return Value::error();
                    if (std::isnan(d))
                        return c.vm.raise_value_error(
                            "threshold must be non-NAN, try sys.maxsize for untruncated representation");
                    o.threshold = d >= 9.2e18 ? INT64_MAX : static_cast<std::int64_t>(d);
                }
                if (present(a[2]))
                {
                    if (!c.vm.to_index(a[2], v))
                        return Value::error();
                    o.edgeitems = static_cast<int>(v);
                }
                if (present(a[3]))
                {
                    if (!c.vm.to_index(a[3], v))
                        return Value::error();
                    o.linewidth = static_cast<int>(v);
                }
                if (present(a[4]))
                {
                    const int t = c.vm.truth(a[4]);
                    if (t < 0)
                        return Value::error();
                    o.suppress = t == 1;
                }
                if (present(a[8]))
                {
                    Str* sign = a[8].get<Str>();
                    if (!sign || (sign->text != "-" && sign->text != "+" && sign->text != " "))
                        return c.vm.raise_value_error("sign option must be one of ' ', '+', or '-'");
                    o.sign = sign->text[0];
                }
                const char* unsupported_names[] = {"nanstr", "infstr", "formatter", nullptr, "floatmode", "legacy"};
                for (int k = 5; k <= 10; ++k)
                    if (k != 8 && present(a[k]))
                        return c.vm.unsupported(std::string("np.set_printoptions(") + unsupported_names[k - 5] + "=...)");
                sp->print = o;
                return Value::none();
            });
            np.function("get_printoptions", [sp](Call& c) -> Value {
                if (!c.check_count("get_printoptions", 0, 0))
                    return Value::error();
                Dict* d = c.vm.new_dict();
                const print_options& o = sp->print;
                const auto set = [&](const char* k, Value v) { c.vm.dict_set(d, c.vm.new_str(k), v); };
                set("edgeitems", Value::from_int(o.edgeitems));
                set("threshold", Value::from_int(o.threshold));
                set("floatmode", c.vm.new_str("maxprec"));
                set("precision", Value::from_int(o.precision));
                set("suppress", Value::from_bool(o.suppress));
                set("linewidth", Value::from_int(o.linewidth));
                set("nanstr", c.vm.new_str("nan"));
                set("infstr", c.vm.new_str("inf"));
                set("sign", c.vm.new_str(std::string(1, o.sign)));
                set("formatter", Value::none());
                set("legacy", Value::from_bool(false));
                return Value::from_obj(d);
            });

            // ---------------------------------------------------- sorting, median, norm
            np.function("sort", [sp](Call& c) -> Value {
                Value a[2];
                ndarray x;
                if (!c.parse("sort", {"a", "axis"}, 1, a) || !arg_array(c.vm, *sp, a[0], x))
                    return Value::error();
                axis_arg axis = -1;
                if (!a[1].is_undefined() && !parse_axis(c.vm, a[1], axis))
                    return Value::error();
                return result(c.vm, *sp, sort(x, axis), false);
            });
            np.function("median", [sp](Call& c) -> Value {
                Value a[3];
                ndarray x;
                axis_arg axis;
                bool keepdims;
                if (!c.parse("median", {"a", "axis", "keepdims"}, 1, a) || !arg_array(c.vm, *sp, a[0], x) ||
                    !parse_axis(c.vm, a[1], axis) || !parse_bool(c.vm, a[2], keepdims, false))
                    return Value::error();
                return result(c.vm, *sp, median(x, axis, keepdims));
            });
            np.function("expand_dims", [sp](Call& c) -> Value {
                Value a[2];
                ndarray x;
                std::int64_t axis;
                if (!c.parse("expand_dims", {"a", "axis"}, 2, a) || !arg_array(c.vm, *sp, a[0], x) ||
                    !c.vm.to_index(a[1], axis))
                    return Value::error();
                return result(c.vm, *sp, expand_dims(x, axis), false, !as_array(*sp, a[0]));
            });
            for (const char* name : unsupported_functions)
                if (c_str_missing(vm, np, name))
                    np.function(name, [name](Call& c) -> Value { return c.vm.unsupported(std::string("np.") + name); });

            ModuleBuilder linalg = np.submodule("linalg");
            linalg.function("norm", [sp](Call& c) -> Value {
                Value a[4];
                ndarray x;
                axis_arg axis;
                bool keepdims;
                if (!c.parse("norm", {"x", "ord", "axis", "keepdims"}, 1, a) || !arg_array(c.vm, *sp, a[0], x) ||
                    !parse_axis(c.vm, a[2], axis) || !parse_bool(c.vm, a[3], keepdims, false))
                    return Value::error();
                if (present(a[1]))
                    return c.vm.unsupported("np.linalg.norm with ord=");
                return result(c.vm, *sp, norm(x, axis, keepdims));
            });
            for (const char* name : {"inv", "det", "solve", "eig", "eigh", "svd", "qr", "pinv", "matrix_rank", "lstsq"})
                linalg.function(name, [name](Call& c) -> Value { return c.vm.unsupported(std::string("np.linalg.") + name); });

            ModuleBuilder random = np.submodule("random");
            init_random(vm, s, random);
            return true;
        }
    }

    extern const NativeModuleDef native_numpy_module;
    const NativeModuleDef native_numpy_module{"numpy", init_numpy};
}
