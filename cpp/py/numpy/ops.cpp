#include "numpy/ops.hpp"

#include <cmath>
#include <cstring>

#include "exact_math.hpp"
#include "numpy/detail.hpp"

namespace nl::py
{
    using detail::convert;
    using detail::dispatch;
    using detail::product;
    using detail::walk;

    namespace
    {
        // ------------------------------------------------------------ helpers

        ndarray as_type(const ndarray& a, dtype t) { return a.type() == t ? a : astype(a, t); }

        const char* ufunc_name(binary_op op)
        {
            switch (op)
            {
                case binary_op::add: return "add";
                case binary_op::subtract: return "subtract";
                case binary_op::multiply: return "multiply";
                case binary_op::true_divide: return "true_divide";
                case binary_op::floor_divide: return "floor_divide";
                case binary_op::remainder: return "remainder";
                case binary_op::power: return "power";
                case binary_op::less: return "less";
                case binary_op::less_equal: return "less_equal";
                case binary_op::greater: return "greater";
                case binary_op::greater_equal: return "greater_equal";
                case binary_op::equal: return "equal";
                case binary_op::not_equal: return "not_equal";
                case binary_op::bitwise_and: return "bitwise_and";
                case binary_op::bitwise_or: return "bitwise_or";
                case binary_op::bitwise_xor: return "bitwise_xor";
                case binary_op::maximum: return "maximum";
                case binary_op::minimum: return "minimum";
            }
            return "";
        }

        py_error no_loop(const char* name)
        {
            return type_error(std::string("ufunc '") + name +
                              "' not supported for the input types, and the inputs could not be safely coerced to "
                              "any supported types according to the casting rule ''safe''");
        }

        std::int64_t wrap_add(std::int64_t a, std::int64_t b)
        {
            return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
        }
        std::int64_t wrap_sub(std::int64_t a, std::int64_t b)
        {
            return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
        }
        std::int64_t wrap_mul(std::int64_t a, std::int64_t b)
        {
            return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
        }

        // Python's divmod for doubles, as NumPy's npy_divmod.
        double float_divmod(double a, double b, double& mod)
        {
            mod = std::fmod(a, b);
            if (b == 0)
                return a / b;
            double div = (a - mod) / b;
            if (mod != 0)
            {
                if ((b < 0) != (mod < 0))
                {
                    mod += b;
                    div -= 1.0;
                }
            }
            else
                mod = std::copysign(0.0, b);
            double floordiv;
            if (div != 0)
            {
                floordiv = std::floor(div);
                if (div - floordiv > 0.5)
                    floordiv += 1.0;
            }
            else
                floordiv = std::copysign(0.0, a / b);
            return floordiv;
        }

        double float_floor_divide(double a, double b)
        {
            if (b == 0)
                return a / b;
            double mod;
            return float_divmod(a, b, mod);
        }

        double float_remainder(double a, double b)
        {
            if (b == 0)
                return std::fmod(a, b);
            double mod;
            float_divmod(a, b, mod);
            return mod;
        }

        std::int64_t int_floor_divide(std::int64_t n, std::int64_t d)
        {
            if (d == 0)
                return 0;
            if (n == std::numeric_limits<std::int64_t>::min() && d == -1)
                return n;
            std::int64_t r = n / d;
            if (((n > 0) != (d > 0)) && r * d != n)
                --r;
            return r;
        }

        std::int64_t int_remainder(std::int64_t a, std::int64_t b)
        {
            if (b == 0 || (b == -1))
                return 0;
            const std::int64_t rem = a % b;
            return ((a > 0) == (b > 0) || rem == 0) ? rem : rem + b;
        }

        std::int64_t int_power(std::int64_t base, std::int64_t exp)
        {
            if (exp == 0 || base == 1)
                return 1;
            std::uint64_t b = static_cast<std::uint64_t>(base), out = (exp & 1) ? b : 1;
            exp >>= 1;
            while (exp > 0)
            {
                b *= b;
                if (exp & 1)
                    out *= b;
                exp >>= 1;
            }
            return static_cast<std::int64_t>(out);
        }

        // NumPy's maximum and minimum: NaN wins, and on a tie the second operand.
        template <class T>
        T maximum_of(T a, T b)
        {
            if constexpr (std::is_same_v<T, double>)
            {
                if (std::isnan(a))
                    return a;
                if (std::isnan(b))
                    return b;
            }
            return a > b ? a : b;
        }
        template <class T>
        T minimum_of(T a, T b)
        {
            if constexpr (std::is_same_v<T, double>)
            {
                if (std::isnan(a))
                    return a;
                if (std::isnan(b))
                    return b;
            }
            return a < b ? a : b;
        }

        // out[i] = f(a[i], b[i]) over the broadcast shape; a and b already of type T.
        template <class T, class R, class F>
        void apply_binary(const ndarray& a, const ndarray& b, ndarray& out, F f)
        {
            const shape_t sa = detail::broadcast_strides(a, out.shape()), sb = detail::broadcast_strides(b, out.shape());
            const T* pa = a.data<T>();
            const T* pb = b.data<T>();
            R* po = out.data<R>();
            walk<3>(out.shape(), {out.strides(), sa, sb},
                    [&](const std::array<std::int64_t, 3>& o) { po[o[0]] = static_cast<R>(f(pa[o[1]], pb[o[2]])); });
        }

        template <class T, class R, class F>
        ndarray apply_unary(const ndarray& a, dtype result, F f)
        {
            ndarray out = detail::new_result(result, a.shape(), {&a}).value();
            const T* pa = a.data<T>();
            R* po = out.data<R>();
            walk<2>(a.shape(), {out.strides(), a.strides()},
                    [&](const std::array<std::int64_t, 2>& o) { po[o[0]] = static_cast<R>(f(pa[o[1]])); });
            return out;
        }

        template <class T>
        outcome<ndarray> binary_typed(binary_op op, const ndarray& a, const ndarray& b, ndarray& out)
        {
            constexpr bool is_bool = std::is_same_v<T, std::uint8_t>, is_int = std::is_same_v<T, std::int64_t>;
            using B = std::uint8_t;
            switch (op)
            {
                case binary_op::add:
                    if constexpr (is_bool)
                        apply_binary<T, T>(a, b, out, [](T x, T y) { return x | y; });
                    else if constexpr (is_int)
                        apply_binary<T, T>(a, b, out, wrap_add);
                    else
                        apply_binary<T, T>(a, b, out, [](T x, T y) { return x + y; });
                    break;
                case binary_op::subtract:
                    if constexpr (is_int)
                        apply_binary<T, T>(a, b, out, wrap_sub);
                    else
                        apply_binary<T, T>(a, b, out, [](T x, T y) { return x - y; });
                    break;
                case binary_op::multiply:
                    if constexpr (is_bool)
                        apply_binary<T, T>(a, b, out, [](T x, T y) { return x & y; });
                    else if constexpr (is_int)
                        apply_binary<T, T>(a, b, out, wrap_mul);
                    else
                        apply_binary<T, T>(a, b, out, [](T x, T y) { return x * y; });
                    break;
                case binary_op::true_divide: apply_binary<T, T>(a, b, out, [](T x, T y) { return x / y; }); break;
                case binary_op::floor_divide:
                    if constexpr (is_int)
                        apply_binary<T, T>(a, b, out, int_floor_divide);
                    else
                        apply_binary<T, T>(a, b, out, float_floor_divide);
                    break;
                case binary_op::remainder:
                    if constexpr (is_int)
                        apply_binary<T, T>(a, b, out, int_remainder);
                    else
                        apply_binary<T, T>(a, b, out, float_remainder);
                    break;
                case binary_op::power:
                    if constexpr (is_int)
                    {
                        bool negative = false;
                        const shape_t sb = detail::broadcast_strides(b, out.shape());
                        walk<1>(out.shape(), {sb}, [&](const std::array<std::int64_t, 1>& o) {
                            negative = negative || b.data<T>()[o[0]] < 0;
                        });
                        if (negative)
                            return value_error("Integers to negative integer powers are not allowed.");
                        apply_binary<T, T>(a, b, out, int_power);
                    }
                    else
                        apply_binary<T, T>(a, b, out, [](T x, T y) { return std::pow(x, y); });
                    break;
                case binary_op::less: apply_binary<T, B>(a, b, out, [](T x, T y) { return x < y; }); break;
                case binary_op::less_equal: apply_binary<T, B>(a, b, out, [](T x, T y) { return x <= y; }); break;
                case binary_op::greater: apply_binary<T, B>(a, b, out, [](T x, T y) { return x > y; }); break;
                case binary_op::greater_equal: apply_binary<T, B>(a, b, out, [](T x, T y) { return x >= y; }); break;
                case binary_op::equal: apply_binary<T, B>(a, b, out, [](T x, T y) { return x == y; }); break;
                case binary_op::not_equal: apply_binary<T, B>(a, b, out, [](T x, T y) { return x != y; }); break;
                case binary_op::bitwise_and:
                    if constexpr (!std::is_same_v<T, double>)
                        apply_binary<T, T>(a, b, out, [](T x, T y) { return x & y; });
                    break;
                case binary_op::bitwise_or:
                    if constexpr (!std::is_same_v<T, double>)
                        apply_binary<T, T>(a, b, out, [](T x, T y) { return x | y; });
                    break;
                case binary_op::bitwise_xor:
                    if constexpr (!std::is_same_v<T, double>)
                        apply_binary<T, T>(a, b, out, [](T x, T y) { return x ^ y; });
                    break;
                case binary_op::maximum: apply_binary<T, T>(a, b, out, maximum_of<T>); break;
                case binary_op::minimum: apply_binary<T, T>(a, b, out, minimum_of<T>); break;
            }
            return out;
        }

        // NumPy's fast paths for array ** scalar (number.c fast_scalar_power).
        std::optional<outcome<ndarray>> fast_power(const ndarray& a, const ndarray& b)
        {
            if (a.ndim() == 0 || b.ndim() != 0 || b.type() == dtype::bool_)
                return std::nullopt;
            const double e = b.get_double(0);
            if (a.type() == dtype::float64 && b.type() == dtype::float64)
            {
                if (e == 0.5)
                    return unary(unary_op::sqrt, a);
                if (e == -1.0)
                    return binary(binary_op::true_divide, ndarray::scalar(1.0), a);
            }
            if (e == 2.0 && a.type() == promote(a.type(), b.type()))
                return unary(unary_op::square, a);
            return std::nullopt;
        }
    }

    outcome<ndarray> binary(binary_op op, const ndarray& a_in, const ndarray& b_in)
    {
        // NumPy resolves the loop's types before it broadcasts the operands.
        dtype t = promote(a_in.type(), b_in.type());
        dtype result = t;
        switch (op)
        {
            case binary_op::subtract:
                if (t == dtype::bool_)
                    return type_error("numpy boolean subtract, the `-` operator, is not supported, use the "
                                      "bitwise_xor, the `^` operator, or the logical_xor function instead.");
                break;
            case binary_op::true_divide: t = result = dtype::float64; break;
            case binary_op::floor_divide:
            case binary_op::remainder:
            case binary_op::power:
                if (t == dtype::bool_)
                    return unsupported(std::string("np.") + ufunc_name(op) +
                                       " of two bool operands (an int8 result in NumPy) is not supported");
                break;
            case binary_op::less:
            case binary_op::less_equal:
            case binary_op::greater:
            case binary_op::greater_equal:
            case binary_op::equal:
            case binary_op::not_equal: result = dtype::bool_; break;
            case binary_op::bitwise_and:
            case binary_op::bitwise_or:
            case binary_op::bitwise_xor:
                if (t == dtype::float64)
                    return no_loop(ufunc_name(op));
                break;
            default: break;
        }
        auto shape = detail::broadcast_shapes({&a_in.shape(), &b_in.shape()});
        if (!shape)
            return shape.error();
        const ndarray a = as_type(a_in, t), b = as_type(b_in, t);
        auto out = detail::new_result(result, *shape, {&a_in, &b_in});
        if (!out)
            return out.error();
        return dispatch(t, [&](auto tag) { return binary_typed<decltype(tag)>(op, a, b, *out); });
    }

    outcome<ndarray> power_operator(const ndarray& a, const ndarray& b)
    {
        if (a.type() == dtype::bool_ && a.ndim() > 0 && b.ndim() == 0 && b.type() != dtype::bool_ && b.get_double(0) == 2.0)
            return unsupported("a bool array ** 2 (np.square, an int8 result in NumPy) is not supported");
        if (promote(a.type(), b.type()) != dtype::bool_)
            if (auto fast = fast_power(a, b))
                return *fast;
        return binary(binary_op::power, a, b);
    }

    outcome<ndarray> unary(unary_op op, const ndarray& a)
    {
        const dtype t = a.type();
        const bool is_bool = t == dtype::bool_, is_float = t == dtype::float64;
        switch (op)
        {
            case unary_op::negative:
                if (is_bool)
                    return type_error("The numpy boolean negative, the `-` operator, is not supported, use the `~` "
                                      "operator or the logical_not function instead.");
                if (is_float)
                    return apply_unary<double, double>(a, t, [](double x) { return -x; });
                return apply_unary<std::int64_t, std::int64_t>(a, t, [](std::int64_t x) { return wrap_sub(0, x); });
            case unary_op::positive:
                if (is_bool)
                    return py_error{"numpy.core._exceptions._UFuncNoLoopError",
                                    "ufunc 'positive' did not contain a loop with signature matching types <class "
                                    "'numpy.dtype[bool_]'> -> None"};
                return copy_keep_layout(a);
            case unary_op::absolute:
                if (is_float)
                    return apply_unary<double, double>(a, t, [](double x) { return std::fabs(x); });
                if (is_bool)
                    return copy_keep_layout(a);
                return apply_unary<std::int64_t, std::int64_t>(a, t,
                                                               [](std::int64_t x) { return x < 0 ? wrap_sub(0, x) : x; });
            case unary_op::invert:
                if (is_float)
                    return no_loop("invert");
                if (is_bool)
                    return apply_unary<std::uint8_t, std::uint8_t>(a, t, [](std::uint8_t x) { return x ^ 1; });
                return apply_unary<std::int64_t, std::int64_t>(a, t, [](std::int64_t x) { return ~x; });
            case unary_op::logical_not:
                return dispatch(t, [&](auto tag) {
                    using T = decltype(tag);
                    return apply_unary<T, std::uint8_t>(a, dtype::bool_, [](T x) { return x == 0; });
                });
            case unary_op::isnan:
            case unary_op::isinf:
            case unary_op::isfinite:
            {
                const ndarray f = as_type(a, dtype::float64);
                return apply_unary<double, std::uint8_t>(f, dtype::bool_, [op](double x) {
                    return op == unary_op::isnan ? std::isnan(x) : op == unary_op::isinf ? std::isinf(x) : std::isfinite(x);
                });
            }
            case unary_op::square:
                if (is_bool)
                    return unsupported("np.square of a bool array (an int8 result in NumPy) is not supported");
                if (is_float)
                    return apply_unary<double, double>(a, t, [](double x) { return x * x; });
                return apply_unary<std::int64_t, std::int64_t>(a, t, [](std::int64_t x) { return wrap_mul(x, x); });
            case unary_op::sign:
                if (is_bool)
                    return py_error{"numpy.core._exceptions._UFuncNoLoopError",
                                    "ufunc 'sign' did not contain a loop with signature matching types <class "
                                    "'numpy.dtype[bool_]'> -> None"};
                if (is_float)
                    return apply_unary<double, double>(a, t, [](double x) {
                        return std::isnan(x) ? x : x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0;
                    });
                return apply_unary<std::int64_t, std::int64_t>(a, t, [](std::int64_t x) -> std::int64_t {
                    return x > 0 ? 1 : x < 0 ? -1 : 0;
                });
            default: break;
        }
        // The float functions: a bool input would give float16 in NumPy.
        if (is_bool)
            return unsupported("this function of a bool array (a float16 result in NumPy) is not supported; use "
                               "a.astype(float) first");
        const ndarray f = as_type(a, dtype::float64);
        switch (op)
        {
            case unary_op::sqrt: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::sqrt(x); });
            case unary_op::exp: return apply_unary<double, double>(f, dtype::float64, nl::exp_exact);
            case unary_op::log: return apply_unary<double, double>(f, dtype::float64, nl::log_exact);
            case unary_op::tanh: return apply_unary<double, double>(f, dtype::float64, nl::tanh_exact);
            case unary_op::floor: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::floor(x); });
            case unary_op::ceil: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::ceil(x); });
            case unary_op::rint:
                return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::nearbyint(x); });
            case unary_op::sin: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::sin(x); });
            case unary_op::cos: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::cos(x); });
            case unary_op::tan: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::tan(x); });
            case unary_op::arcsin: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::asin(x); });
            case unary_op::arccos: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::acos(x); });
            case unary_op::arctan: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::atan(x); });
            case unary_op::sinh: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::sinh(x); });
            case unary_op::cosh: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::cosh(x); });
            case unary_op::log10: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::log10(x); });
            case unary_op::log2: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::log2(x); });
            case unary_op::log1p: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::log1p(x); });
            case unary_op::expm1: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::expm1(x); });
            case unary_op::exp2: return apply_unary<double, double>(f, dtype::float64, [](double x) { return std::exp2(x); });
            default: break;
        }
        return unsupported("unknown unary operation");
    }

    outcome<ndarray> where(const ndarray& cond, const ndarray& x, const ndarray& y)
    {
        auto shape = detail::broadcast_shapes({&cond.shape(), &x.shape(), &y.shape()});
        if (!shape)
            return shape.error();
        const dtype t = promote(x.type(), y.type());
        const ndarray c = as_type(cond, dtype::bool_), xt = as_type(x, t), yt = as_type(y, t);
        auto out = detail::new_result(t, *shape, {&cond, &x, &y});
        if (!out)
            return out.error();
        const shape_t sc = detail::broadcast_strides(c, *shape), sx = detail::broadcast_strides(xt, *shape),
                      sy = detail::broadcast_strides(yt, *shape);
        dispatch(t, [&](auto tag) {
            using T = decltype(tag);
            const std::uint8_t* pc = c.data<std::uint8_t>();
            const T* px = xt.data<T>();
            const T* py = yt.data<T>();
            T* po = out->template data<T>();
            walk<4>(*shape, {out->strides(), sc, sx, sy}, [&](const std::array<std::int64_t, 4>& o) {
                po[o[0]] = pc[o[1]] ? px[o[2]] : py[o[3]];
            });
        });
        return out;
    }

    outcome<ndarray> clip(const ndarray& a, const std::optional<ndarray>& lo_in, const std::optional<ndarray>& hi_in)
    {
        if (!lo_in && !hi_in)
            return value_error("One of max or min must be given");
        // NumPy 1.24 (deprecated behaviour) reads a scalar NaN bound as no bound.
        const auto nan_scalar = [](const std::optional<ndarray>& v) {
            return v && v->ndim() == 0 && v->type() == dtype::float64 && std::isnan(v->get_double(0));
        };
        const std::optional<ndarray> lo = nan_scalar(lo_in) ? std::optional<ndarray>(ndarray::scalar(-HUGE_VAL)) : lo_in;
        const std::optional<ndarray> hi = nan_scalar(hi_in) ? std::optional<ndarray>(ndarray::scalar(HUGE_VAL)) : hi_in;
        if (!lo)
            return binary(binary_op::minimum, a, *hi);
        if (!hi)
            return binary(binary_op::maximum, a, *lo);
        auto shape = detail::broadcast_shapes({&a.shape(), &lo->shape(), &hi->shape()});
        if (!shape)
            return shape.error();
        const dtype t = promote(a.type(), promote(lo->type(), hi->type()));
        const ndarray at = as_type(a, t), lt = as_type(*lo, t), ht = as_type(*hi, t);
        auto out = detail::new_result(t, *shape, {&a, &*lo, &*hi});
        if (!out)
            return out.error();
        const shape_t s1 = detail::broadcast_strides(at, *shape), s2 = detail::broadcast_strides(lt, *shape),
                      s3 = detail::broadcast_strides(ht, *shape);
        dispatch(t, [&](auto tag) {
            using T = decltype(tag);
            // NumPy's _NPY_CLIP: min(max(x, lo), hi), a NaN first operand winning.
            const auto mx = [](T p, T q) {
                if constexpr (std::is_same_v<T, double>)
                    if (std::isnan(p))
                        return p;
                return p > q ? p : q;
            };
            const auto mn = [](T p, T q) {
                if constexpr (std::is_same_v<T, double>)
                    if (std::isnan(p))
                        return p;
                return p < q ? p : q;
            };
            const T* px = at.data<T>();
            const T* pl = lt.data<T>();
            const T* ph = ht.data<T>();
            T* po = out->template data<T>();
            walk<4>(*shape, {out->strides(), s1, s2, s3}, [&](const std::array<std::int64_t, 4>& o) {
                po[o[0]] = mn(mx(px[o[1]], pl[o[2]]), ph[o[3]]);
            });
        });
        return out;
    }

    outcome<ndarray> round(const ndarray& a, std::int64_t decimals)
    {
        if (a.type() == dtype::bool_)
            return unsupported("np.round of a bool array is not supported");
        if (decimals >= 0 && a.type() == dtype::int64)
            return a;
        if (decimals == 0)
            return unary(unary_op::rint, a);
        // NumPy's power_of_ten: exact below 10^9, then repeated multiplication.
        std::int64_t n = decimals < 0 ? -decimals : decimals;
        double f = 1e9;
        static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
        if (n < 9)
            f = p10[n];
        else
            while (n-- > 9)
                f *= 10.;
        const ndarray fa = ndarray::scalar(f);
        auto scaled = binary(decimals > 0 ? binary_op::multiply : binary_op::true_divide, a, fa);
        if (!scaled)
            return scaled.error();
        auto rounded = unary(unary_op::rint, *scaled);
        if (!rounded)
            return rounded.error();
        auto back = binary(decimals > 0 ? binary_op::true_divide : binary_op::multiply, *rounded, fa);
        if (!back)
            return back.error();
        if (a.type() == dtype::int64)
            return astype(*back, dtype::int64);
        return back;
    }

    outcome<ndarray> isclose(const ndarray& a, const ndarray& b, double rtol, double atol, bool equal_nan)
    {
        auto shape = detail::broadcast_shapes({&a.shape(), &b.shape()});
        if (!shape)
            return shape.error();
        const ndarray x = as_type(a, dtype::float64), y = as_type(b, dtype::float64);
        auto out = ndarray::zeros(dtype::bool_, *shape);
        if (!out)
            return out.error();
        const shape_t sx = detail::broadcast_strides(x, *shape), sy = detail::broadcast_strides(y, *shape);
        const double* px = x.data<double>();
        const double* py = y.data<double>();
        std::uint8_t* po = out->data<std::uint8_t>();
        walk<3>(*shape, {out->strides(), sx, sy}, [&](const std::array<std::int64_t, 3>& o) {
            const double u = px[o[1]], v = py[o[2]];
            bool close;
            if (std::isfinite(u) && std::isfinite(v))
                close = std::fabs(u - v) <= atol + rtol * std::fabs(v);
            else
                close = u == v || (equal_nan && std::isnan(u) && std::isnan(v));
            po[o[0]] = close;
        });
        return out;
    }

    outcome<bool> allclose(const ndarray& a, const ndarray& b, double rtol, double atol, bool equal_nan)
    {
        auto c = isclose(a, b, rtol, atol, equal_nan);
        if (!c)
            return c.error();
        return count_nonzero(*c) == c->size();
    }

    bool array_equal(const ndarray& a, const ndarray& b)
    {
        if (a.shape() != b.shape())
            return false;
        auto eq = binary(binary_op::equal, a, b);
        return eq && count_nonzero(*eq) == eq->size();
    }

    std::int64_t count_nonzero(const ndarray& a)
    {
        std::int64_t n = 0;
        dispatch(a.type(), [&](auto tag) {
            using T = decltype(tag);
            const T* p = a.data<T>();
            walk<1>(a.shape(), {a.strides()}, [&](const std::array<std::int64_t, 1>& o) { n += p[o[0]] != 0; });
        });
        return n;
    }

    // -------------------------------------------------------------- reductions

    namespace
    {
        // NumPy's pairwise summation (umath loops_utils.h): below 8 elements a
        // plain loop from -0.0, up to 128 eight partial sums combined as a tree,
        // beyond that two halves split at a multiple of 8.
        double pairwise_sum(const double* a, std::int64_t n, std::int64_t stride)
        {
            if (n < 8)
            {
                double r = -0.0;
                for (std::int64_t i = 0; i < n; ++i)
                    r += a[i * stride];
                return r;
            }
            if (n <= 128)
            {
                double r[8];
                for (int k = 0; k < 8; ++k)
                    r[k] = a[k * stride];
                std::int64_t i = 8;
                for (; i < n - (n % 8); i += 8)
                    for (int k = 0; k < 8; ++k)
                        r[k] += a[(i + k) * stride];
                double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
                for (; i < n; ++i)
                    res += a[i * stride];
                return res;
            }
            std::int64_t n2 = n / 2;
            n2 -= n2 % 8;
            return pairwise_sum(a, n2, stride) + pairwise_sum(a + n2 * stride, n - n2, stride);
        }

        // NumPy's reductions see the data through its 8192-element buffer: the
        // total is 0 + pairwise(chunk 1) + pairwise(chunk 2) + ...
        constexpr std::int64_t buffer_size = 8192;

        double chunked_sum(const double* a, std::int64_t n, std::int64_t stride)
        {
            double total = 0.0;
            for (std::int64_t start = 0; start < n; start += buffer_size)
                total += pairwise_sum(a + start * stride, std::min(buffer_size, n - start), stride);
            return total;
        }

        outcome<std::int64_t> normalize_axis(std::int64_t axis, std::size_t ndim)
        {
            const std::int64_t nd = static_cast<std::int64_t>(ndim);
            if (axis < -nd || axis >= nd)
                return py_error{"numpy.AxisError", "axis " + std::to_string(axis) + " is out of bounds for array of dimension " +
                                                 std::to_string(nd)};
            return axis < 0 ? axis + nd : axis;
        }

        // The array's axes in NumPy's iteration order for a reduction (outermost
        // first; length-1 axes abstain; negative strides are walked as they are).
        std::vector<int> reduction_order(const ndarray& a)
        {
            shape_t s = a.strides();
            for (std::size_t i = 0; i < s.size(); ++i)
                if (a.shape()[i] == 1)
                    s[i] = 0;
            return detail::best_axis_order({s}, a.ndim());
        }

        ndarray permuted(const ndarray& a, const std::vector<int>& order)
        {
            shape_t shape, strides;
            for (const int k : order)
            {
                shape.push_back(a.shape()[k]);
                strides.push_back(a.strides()[k]);
            }
            return a.view(shape, strides);
        }

        // Where a reduction over one axis (or all) puts its results.
        struct reduction
        {
            bool all = true;
            std::int64_t axis = 0;
            shape_t kept_shape;  // with the reduced axes as 1
            shape_t out_shape;   // as returned (keepdims or not)
        };

        outcome<reduction> plan(const ndarray& a, axis_arg axis, bool keepdims)
        {
            reduction r;
            r.kept_shape = a.shape();
            if (axis)
            {
                auto ax = normalize_axis(*axis, a.ndim());
                if (!ax)
                    return ax.error();
                r.all = false;
                r.axis = *ax;
                r.kept_shape[r.axis] = 1;
            }
            else
                for (auto& d : r.kept_shape)
                    d = 1;
            if (keepdims)
                r.out_shape = r.kept_shape;
            else if (!r.all)
            {
                r.out_shape = a.shape();
                r.out_shape.erase(r.out_shape.begin() + r.axis);
            }
            return r;
        }

        // For each output position (C order over the kept shape), calls
        // f(out_index, element offset of the run start, run length, run stride).
        template <class F>
        void for_each_run(const ndarray& a, const reduction& r, F f)
        {
            if (r.all)
            {
                f(0, 0, 0, 0);
                return;
            }
            shape_t outer = a.shape(), strides = a.strides();
            outer[r.axis] = 1;
            strides[r.axis] = 0;
            const std::int64_t n = a.shape()[r.axis], stride = a.strides()[r.axis];
            std::int64_t k = 0;
            walk<1>(outer, {strides}, [&](const std::array<std::int64_t, 1>& o) { f(k++, o[0], n, stride); });
        }

        // Elements of the whole array in NumPy's reduction order.
        template <class T, class F>
        void for_each_in_order(const ndarray& a, F f)
        {
            const ndarray p = permuted(a, reduction_order(a));
            const T* data = p.data<T>();
            walk<1>(p.shape(), {p.strides()}, [&](const std::array<std::int64_t, 1>& o) { f(data[o[0]]); });
        }

        // The float64 sum in NumPy's order; values converted from T.
        template <class T>
        ndarray float_sum(const ndarray& a, const reduction& r)
        {
            ndarray out = ndarray::zeros(dtype::float64, r.kept_shape).value();
            double* po = out.data<double>();
            const ndarray f = as_type(a, dtype::float64);
            if (r.all)
            {
                std::vector<double> chunk;
                chunk.reserve(static_cast<std::size_t>(std::min(buffer_size, f.size())));
                double total = 0.0;
                for_each_in_order<double>(f, [&](double v) {
                    chunk.push_back(v);
                    if (static_cast<std::int64_t>(chunk.size()) == buffer_size)
                    {
                        total += pairwise_sum(chunk.data(), buffer_size, 1);
                        chunk.clear();
                    }
                });
                if (!chunk.empty())
                    total += pairwise_sum(chunk.data(), static_cast<std::int64_t>(chunk.size()), 1);
                po[0] = total;
                return out;
            }
            // Pairwise only when the reduced axis is the innermost one NumPy walks.
            const std::vector<int> order = reduction_order(f);
            int innermost = -1;
            for (const int k : order)
                if (f.shape()[k] != 1)
                    innermost = k;
            const bool inner = innermost == r.axis;
            const double* pf = f.data<double>();
            for_each_run(f, r, [&](std::int64_t k, std::int64_t start, std::int64_t n, std::int64_t stride) {
                if (inner)
                    po[k] = chunked_sum(pf + start, n, stride);
                else
                {
                    double s = 0.0;
                    for (std::int64_t i = 0; i < n; ++i)
                        s += pf[start + i * stride];
                    po[k] = s;
                }
            });
            return out;
        }

        ndarray finish(ndarray out, const reduction& r) { return out.view(r.out_shape, detail::c_strides(r.out_shape)); }

        outcome<ndarray> check_nonempty(const ndarray& a, const reduction& r, const char* name)
        {
            const bool empty = r.all ? a.size() == 0 : a.shape()[r.axis] == 0;
            if (empty && product(r.kept_shape) > 0)
                return value_error(std::string("zero-size array to reduction operation ") + name +
                                   " which has no identity");
            if (empty)
                return value_error(std::string("zero-size array to reduction operation ") + name +
                                   " which has no identity");
            return a;
        }
    }

    outcome<ndarray> sum(const ndarray& a, axis_arg axis, bool keepdims)
    {
        auto r = plan(a, axis, keepdims);
        if (!r)
            return r.error();
        if (a.type() == dtype::float64)
            return finish(float_sum<double>(a, *r), *r);
        // Integers (and bools, counted) add exactly, wrapping like int64.
        ndarray out = ndarray::zeros(dtype::int64, r->kept_shape).value();
        std::int64_t* po = out.data<std::int64_t>();
        const ndarray ia = as_type(a, dtype::int64);
        const std::int64_t* pa = ia.data<std::int64_t>();
        if (r->all)
        {
            std::int64_t s = 0;
            walk<1>(ia.shape(), {ia.strides()}, [&](const std::array<std::int64_t, 1>& o) { s = wrap_add(s, pa[o[0]]); });
            po[0] = s;
        }
        else
            for_each_run(ia, *r, [&](std::int64_t k, std::int64_t start, std::int64_t n, std::int64_t stride) {
                std::int64_t s = 0;
                for (std::int64_t i = 0; i < n; ++i)
                    s = wrap_add(s, pa[start + i * stride]);
                po[k] = s;
            });
        return finish(out, *r);
    }

    outcome<ndarray> prod(const ndarray& a, axis_arg axis, bool keepdims)
    {
        auto r = plan(a, axis, keepdims);
        if (!r)
            return r.error();
        const dtype t = a.type() == dtype::float64 ? dtype::float64 : dtype::int64;
        const ndarray c = as_type(a, t);
        ndarray out = ndarray::zeros(t, r->kept_shape).value();
        dispatch(t, [&](auto tag) {
            using T = decltype(tag);
            if constexpr (!std::is_same_v<T, std::uint8_t>)
            {
                T* po = out.data<T>();
                const T* pa = c.data<T>();
                const auto mul = [](T x, T y) {
                    if constexpr (std::is_same_v<T, std::int64_t>)
                        return wrap_mul(x, y);
                    else
                        return x * y;
                };
                if (r->all)
                {
                    T s = 1;
                    for_each_in_order<T>(c, [&](T v) { s = mul(s, v); });
                    po[0] = s;
                }
                else
                    for_each_run(c, *r, [&](std::int64_t k, std::int64_t start, std::int64_t n, std::int64_t stride) {
                        T s = 1;
                        for (std::int64_t i = 0; i < n; ++i)
                            s = mul(s, pa[start + i * stride]);
                        po[k] = s;
                    });
            }
        });
        return finish(out, *r);
    }

    outcome<ndarray> mean(const ndarray& a, axis_arg axis, bool keepdims)
    {
        auto r = plan(a, axis, keepdims);
        if (!r)
            return r.error();
        ndarray total = dispatch(a.type(), [&](auto tag) { return float_sum<decltype(tag)>(a, *r); });
        const double count = static_cast<double>(r->all ? a.size() : a.shape()[r->axis]);
        double* p = total.data<double>();
        for (std::int64_t i = 0, n = total.size(); i < n; ++i)
            p[i] = p[i] / count;
        return finish(total, *r);
    }

    outcome<ndarray> var(const ndarray& a, axis_arg axis, bool keepdims, std::int64_t ddof)
    {
        auto r = plan(a, axis, keepdims);
        if (!r)
            return r.error();
        // As NumPy's _var: the mean kept as a broadcastable array, the squared
        // deviations as a new array (in a's layout), their sum, divided.
        reduction kept = *r;
        kept.out_shape = r->kept_shape;
        ndarray m = dispatch(a.type(), [&](auto tag) { return float_sum<decltype(tag)>(a, kept); });
        const std::int64_t n = r->all ? a.size() : a.shape()[r->axis];
        double* pm = m.data<double>();
        for (std::int64_t i = 0, k = m.size(); i < k; ++i)
            pm[i] = pm[i] / static_cast<double>(n);
        auto dev = binary(binary_op::subtract, a, m);
        if (!dev)
            return dev.error();
        auto sq = binary(binary_op::multiply, *dev, *dev);
        if (!sq)
            return sq.error();
        ndarray total = float_sum<double>(*sq, *r);
        const double div = static_cast<double>(std::max<std::int64_t>(n - ddof, 0));
        double* pt = total.data<double>();
        for (std::int64_t i = 0, k = total.size(); i < k; ++i)
            pt[i] = pt[i] / div;
        return finish(total, *r);
    }

    outcome<ndarray> std_dev(const ndarray& a, axis_arg axis, bool keepdims, std::int64_t ddof)
    {
        auto v = var(a, axis, keepdims, ddof);
        if (!v)
            return v.error();
        double* p = v->data<double>();
        for (std::int64_t i = 0, n = v->size(); i < n; ++i)
            p[i] = std::sqrt(p[i]);
        return v;
    }

    namespace
    {
        outcome<ndarray> extreme(const ndarray& a, axis_arg axis, bool keepdims, bool is_max)
        {
            auto r = plan(a, axis, keepdims);
            if (!r)
                return r.error();
            NL_TRY(check_nonempty(a, *r, is_max ? "maximum" : "minimum"));
            ndarray out = ndarray::zeros(a.type(), r->kept_shape).value();
            dispatch(a.type(), [&](auto tag) {
                using T = decltype(tag);
                T* po = out.data<T>();
                const T* pa = a.data<T>();
                const auto pick = [is_max](T acc, T v) { return is_max ? maximum_of<T>(acc, v) : minimum_of<T>(acc, v); };
                if (r->all)
                {
                    bool first = true;
                    T acc{};
                    for_each_in_order<T>(a, [&](T v) {
                        acc = first ? v : pick(acc, v);
                        first = false;
                    });
                    po[0] = acc;
                }
                else
                    for_each_run(a, *r, [&](std::int64_t k, std::int64_t start, std::int64_t n, std::int64_t stride) {
                        T acc = pa[start];
                        for (std::int64_t i = 1; i < n; ++i)
                            acc = pick(acc, pa[start + i * stride]);
                        po[k] = acc;
                    });
            });
            return finish(out, *r);
        }

        outcome<ndarray> arg_extreme(const ndarray& a, axis_arg axis, bool keepdims, bool is_max)
        {
            // NumPy's argmax walks each run in index order: the first maximum, or
            // the first NaN.
            const ndarray src = axis ? a : ravel(a);
            auto r = plan(src, axis ? axis : axis_arg(0), keepdims && axis);
            if (!r)
                return r.error();
            if (src.ndim() == 0 || src.shape()[r->axis] == 0)
                return value_error(std::string("attempt to get ") + (is_max ? "argmax" : "argmin") +
                                   " of an empty sequence");
            ndarray out = ndarray::zeros(dtype::int64, r->kept_shape).value();
            std::int64_t* po = out.data<std::int64_t>();
            dispatch(src.type(), [&](auto tag) {
                using T = decltype(tag);
                const T* pa = src.data<T>();
                for_each_run(src, *r, [&](std::int64_t k, std::int64_t start, std::int64_t n, std::int64_t stride) {
                    T best = pa[start];
                    std::int64_t at = 0;
                    bool done = false;
                    if constexpr (std::is_same_v<T, double>)
                        done = std::isnan(best);
                    for (std::int64_t i = 1; i < n && !done; ++i)
                    {
                        const T v = pa[start + i * stride];
                        const bool better = is_max ? !(v <= best) : !(v >= best);
                        if (better)
                        {
                            best = v;
                            at = i;
                            if constexpr (std::is_same_v<T, double>)
                                done = std::isnan(v);
                        }
                    }
                    po[k] = at;
                });
            });
            if (!axis)
            {
                shape_t shape = keepdims ? shape_t(a.ndim(), 1) : shape_t{};
                return out.view(shape, detail::c_strides(shape));
            }
            return finish(out, *r);
        }

        outcome<ndarray> truth_reduce(const ndarray& a, axis_arg axis, bool keepdims, bool is_any)
        {
            auto r = plan(a, axis, keepdims);
            if (!r)
                return r.error();
            const ndarray b = as_type(a, dtype::bool_);
            ndarray out = ndarray::zeros(dtype::bool_, r->kept_shape).value();
            std::uint8_t* po = out.data<std::uint8_t>();
            const std::uint8_t* pb = b.data<std::uint8_t>();
            if (r->all)
                po[0] = is_any ? count_nonzero(b) > 0 : count_nonzero(b) == b.size();
            else
                for_each_run(b, *r, [&](std::int64_t k, std::int64_t start, std::int64_t n, std::int64_t stride) {
                    bool v = !is_any;
                    for (std::int64_t i = 0; i < n; ++i)
                        v = is_any ? (v || pb[start + i * stride]) : (v && pb[start + i * stride]);
                    po[k] = v;
                });
            return finish(out, *r);
        }
    }

    outcome<ndarray> max(const ndarray& a, axis_arg axis, bool keepdims) { return extreme(a, axis, keepdims, true); }
    outcome<ndarray> min(const ndarray& a, axis_arg axis, bool keepdims) { return extreme(a, axis, keepdims, false); }
    outcome<ndarray> argmax(const ndarray& a, axis_arg axis, bool keepdims) { return arg_extreme(a, axis, keepdims, true); }
    outcome<ndarray> argmin(const ndarray& a, axis_arg axis, bool keepdims) { return arg_extreme(a, axis, keepdims, false); }
    outcome<ndarray> any(const ndarray& a, axis_arg axis, bool keepdims) { return truth_reduce(a, axis, keepdims, true); }
    outcome<ndarray> all(const ndarray& a, axis_arg axis, bool keepdims) { return truth_reduce(a, axis, keepdims, false); }

    outcome<ndarray> cumsum(const ndarray& a, axis_arg axis)
    {
        const ndarray src = axis ? a : ravel(a);
        auto r = plan(src, axis ? axis : axis_arg(0), true);
        if (!r)
            return r.error();
        const dtype t = a.type() == dtype::float64 ? dtype::float64 : dtype::int64;
        const ndarray c = as_type(src, t);
        ndarray out = ndarray::zeros(t, src.shape()).value();
        dispatch(t, [&](auto tag) {
            using T = decltype(tag);
            if constexpr (!std::is_same_v<T, std::uint8_t>)
            {
                const T* pa = c.data<T>();
                T* po = out.data<T>();
                const shape_t cs = detail::c_strides(src.shape());
                // Walk the runs of the source and the matching runs of the output.
                shape_t outer = src.shape(), s_in = c.strides(), s_out = cs;
                const std::int64_t n = src.ndim() ? src.shape()[r->axis] : 1;
                const std::int64_t stride_in = src.ndim() ? c.strides()[r->axis] : 0;
                const std::int64_t stride_out = src.ndim() ? cs[r->axis] : 0;
                if (src.ndim())
                {
                    outer[r->axis] = 1;
                    s_in[r->axis] = 0;
                    s_out[r->axis] = 0;
                }
                walk<2>(outer, {s_in, s_out}, [&](const std::array<std::int64_t, 2>& o) {
                    T s = 0;
                    for (std::int64_t i = 0; i < n; ++i)
                    {
                        if constexpr (std::is_same_v<T, std::int64_t>)
                            s = wrap_add(s, pa[o[0] + i * stride_in]);
                        else
                            s = s + pa[o[0] + i * stride_in];
                        po[o[1] + i * stride_out] = s;
                    }
                });
            }
        });
        return out;
    }

    // ----------------------------------------------------------- linear algebra

    namespace
    {
        const char* matmul_signature = "(n?,k),(k,m?)->(n?,m?)";

        // C[i, j] = sum over l of A[i, l] * B[l, j], sequentially from zero (the
        // reference BLAS's order), for 2-D operands of the same type.
        template <class T>
        void matmul_2d(const T* pa, std::int64_t sa0, std::int64_t sa1, const T* pb, std::int64_t sb0,
                       std::int64_t sb1, T* pc, std::int64_t sc0, std::int64_t sc1, std::int64_t n, std::int64_t k,
                       std::int64_t m)
        {
            for (std::int64_t i = 0; i < n; ++i)
                for (std::int64_t j = 0; j < m; ++j)
                {
                    T acc = 0;
                    for (std::int64_t l = 0; l < k; ++l)
                    {
                        const T x = pa[i * sa0 + l * sa1], y = pb[l * sb0 + j * sb1];
                        if constexpr (std::is_same_v<T, std::uint8_t>)
                        {
                            if (x && y)
                            {
                                acc = 1;
                                break;
                            }
                        }
                        else if constexpr (std::is_same_v<T, std::int64_t>)
                            acc = wrap_add(acc, wrap_mul(x, y));
                        else
                            acc += x * y;
                    }
                    pc[i * sc0 + j * sc1] = acc;
                }
        }
    }

    outcome<ndarray> matmul(const ndarray& a_in, const ndarray& b_in)
    {
        for (int i = 0; i < 2; ++i)
        {
            const ndarray& x = i == 0 ? a_in : b_in;
            if (x.ndim() == 0)
                return value_error("matmul: Input operand " + std::to_string(i) +
                                   " does not have enough dimensions (has 0, gufunc core with signature " +
                                   matmul_signature + " requires 1)");
        }
        // 1-D operands become matrices (a row on the left, a column on the right).
        ndarray a = a_in, b = b_in;
        const bool a_vec = a.ndim() == 1, b_vec = b.ndim() == 1;
        if (a_vec)
            a = a.view({1, a.shape()[0]}, {0, a.strides()[0]});
        if (b_vec)
            b = b.view({b.shape()[0], 1}, {b.strides()[0], 0});
        const std::int64_t n = a.shape()[a.ndim() - 2], k = a.shape()[a.ndim() - 1];
        const std::int64_t k2 = b.shape()[b.ndim() - 2], m = b.shape()[b.ndim() - 1];
        if (k != k2)
            return value_error("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                               "signature " +
                               std::string(matmul_signature) + " (size " + std::to_string(k2) +
                               " is different from " + std::to_string(k) + ")");
        const shape_t batch_a(a.shape().begin(), a.shape().end() - 2), batch_b(b.shape().begin(), b.shape().end() - 2);
        auto batch = detail::broadcast_shapes({&batch_a, &batch_b});
        if (!batch)
        {
            const auto remapped = [](const shape_t& batch_dims) {
                std::string s = "(";
                for (const auto d : batch_dims)
                    s += std::to_string(d) + ",";
                return s + "newaxis,newaxis)";
            };
            std::string message = "operands could not be broadcast together with remapped shapes [original->remapped]: " +
                                  shape_text_compact(a_in.shape()) + "->" + remapped(batch_a) + " " +
                                  shape_text_compact(b_in.shape()) + "->" + remapped(batch_b) +
                                  "  and requested shape (" + std::to_string(n) + "," + std::to_string(m) + ")";
            return value_error(message);
        }
        const dtype t = promote(a.type(), b.type());
        const ndarray at = as_type(a, t), bt = as_type(b, t);
        shape_t full = *batch;
        full.push_back(n);
        full.push_back(m);
        auto out = ndarray::zeros(t, full);
        if (!out)
            return out.error();
        // Batch loop over the broadcast leading dimensions.
        shape_t sa(batch->size()), sb(batch->size()), so(batch->size());
        const shape_t cs = out->strides();
        for (std::size_t i = 0; i < batch->size(); ++i)
        {
            const std::size_t la = batch->size() - batch_a.size(), lb = batch->size() - batch_b.size();
            sa[i] = i >= la && batch_a[i - la] != 1 ? at.strides()[i - la] : 0;
            sb[i] = i >= lb && batch_b[i - lb] != 1 ? bt.strides()[i - lb] : 0;
            so[i] = cs[i];
        }
        const std::size_t an = at.ndim(), bn = bt.ndim();
        dispatch(t, [&](auto tag) {
            using T = decltype(tag);
            const T* pa = at.data<T>();
            const T* pb = bt.data<T>();
            T* pc = out->template data<T>();
            walk<3>(*batch, {sa, sb, so}, [&](const std::array<std::int64_t, 3>& o) {
                matmul_2d<T>(pa + o[0], at.strides()[an - 2], at.strides()[an - 1], pb + o[1], bt.strides()[bn - 2],
                             bt.strides()[bn - 1], pc + o[2], cs[full.size() - 2], cs[full.size() - 1], n, k, m);
            });
        });
        // Drop the axes the 1-D operands gained.
        shape_t shape = *batch;
        if (!a_vec)
            shape.push_back(n);
        if (!b_vec)
            shape.push_back(m);
        return out->view(shape, detail::c_strides(shape));
    }

    outcome<ndarray> dot(const ndarray& a, const ndarray& b)
    {
        if (a.ndim() == 0 || b.ndim() == 0)
            return binary(binary_op::multiply, a, b);
        const std::size_t kb_axis = b.ndim() == 1 ? 0 : b.ndim() - 2;
        const std::int64_t ka = a.shape()[a.ndim() - 1], kb = b.shape()[kb_axis];
        if (ka != kb)
            return value_error("shapes " + shape_text_compact(a.shape()) + " and " + shape_text_compact(b.shape()) +
                               " not aligned: " + std::to_string(ka) + " (dim " + std::to_string(a.ndim() - 1) +
                               ") != " + std::to_string(kb) + " (dim " + std::to_string(kb_axis) + ")");
        if (a.ndim() <= 2 && b.ndim() <= 2)
            return matmul(a, b);
        // N-D: dot(a, b)[i..., j..., m] = sum over l of a[i..., l] * b[j..., l, m],
        // each a sequential sum from zero.
        const dtype t = promote(a.type(), b.type());
        const ndarray at = as_type(a, t), bt = as_type(b, t);
        shape_t outer_a(a.shape().begin(), a.shape().end() - 1), outer_b(b.shape().begin(), b.shape().begin() + kb_axis);
        const std::int64_t m = b.ndim() == 1 ? 1 : b.shape().back();
        shape_t shape = outer_a;
        shape.insert(shape.end(), outer_b.begin(), outer_b.end());
        if (b.ndim() > 1)
            shape.push_back(m);
        auto out = ndarray::zeros(t, shape);
        if (!out)
            return out.error();
        const shape_t sa(at.strides().begin(), at.strides().end() - 1), sb(bt.strides().begin(), bt.strides().begin() + kb_axis);
        const std::int64_t la = at.strides().back(), lb = bt.strides()[kb_axis], mb = b.ndim() == 1 ? 0 : bt.strides().back();
        dispatch(t, [&](auto tag) {
            using T = decltype(tag);
            const T* pa = at.data<T>();
            const T* pb = bt.data<T>();
            T* pc = out->template data<T>();
            std::int64_t k = 0;
            walk<1>(outer_a, {sa}, [&](const std::array<std::int64_t, 1>& oa) {
                walk<1>(outer_b, {sb}, [&](const std::array<std::int64_t, 1>& ob) {
                    for (std::int64_t j = 0; j < m; ++j)
                        matmul_2d<T>(pa + oa[0], 0, la, pb + ob[0] + j * mb, lb, 0, pc + k++, 0, 0, 1, ka, 1);
                });
            });
        });
        return out;
    }

    outcome<ndarray> outer(const ndarray& a, const ndarray& b)
    {
        const ndarray x = ravel(a), y = ravel(b);
        return binary(binary_op::multiply, x.view({x.size(), 1}, {x.strides()[0], 0}),
                      y.view({1, y.size()}, {0, y.strides()[0]}));
    }

    // --------------------------------------------------- sorting, median, norm

    namespace
    {
        // NumPy's sort order: NaNs after every number.
        template <class T>
        bool sorts_before(T x, T y)
        {
            if constexpr (std::is_same_v<T, double>)
                if (std::isnan(y))
                    return !std::isnan(x);
            return x < y;
        }

        // Each lane along `axis` (a copy of a in C order): f(pointer, count, stride).
        template <class T, class F>
        void for_each_lane(ndarray& c, std::int64_t axis, F f)
        {
            shape_t outer = c.shape(), strides = c.strides();
            const std::int64_t n = c.shape()[axis], stride = c.strides()[axis];
            outer[axis] = 1;
            strides[axis] = 0;
            T* p = c.data<T>();
            walk<1>(outer, {strides}, [&](const std::array<std::int64_t, 1>& o) { f(p + o[0], n, stride); });
        }
    }

    outcome<ndarray> sort(const ndarray& a, axis_arg axis_in)
    {
        const ndarray src = axis_in ? a : flatten(a);
        if (src.ndim() == 0)
            return py_error{"numpy.AxisError", "axis -1 is out of bounds for array of dimension 0"};
        auto ax = normalize_axis(axis_in.value_or(-1), src.ndim());
        if (!ax)
            return ax.error();
        ndarray c = copy(src);
        dispatch(c.type(), [&](auto tag) {
            using T = decltype(tag);
            std::vector<T> lane;
            for_each_lane<T>(c, *ax, [&](T* p, std::int64_t n, std::int64_t stride) {
                lane.assign(static_cast<std::size_t>(n), T{});
                for (std::int64_t i = 0; i < n; ++i)
                    lane[i] = p[i * stride];
                std::stable_sort(lane.begin(), lane.end(), sorts_before<T>);
                for (std::int64_t i = 0; i < n; ++i)
                    p[i * stride] = lane[i];
            });
        });
        return c;
    }

    outcome<ndarray> median(const ndarray& a, axis_arg axis, bool keepdims)
    {
        auto r = plan(a, axis, keepdims);
        if (!r)
            return r.error();
        const ndarray sorted_lanes = sort(a, axis).value();
        const ndarray s = axis ? sorted_lanes : sorted_lanes.view({a.size()}, {1});
        const std::int64_t ax = axis ? r->axis : 0;
        const std::int64_t n = s.ndim() ? s.shape()[ax] : 1;
        ndarray out = ndarray::zeros(dtype::float64, r->kept_shape).value();
        double* po = out.data<double>();
        const ndarray f = as_type(s, dtype::float64);
        const double* pf = f.data<double>();
        reduction lanes = *r;
        lanes.all = false;
        lanes.axis = ax;
        for_each_run(f, lanes, [&](std::int64_t k, std::int64_t start, std::int64_t count, std::int64_t stride) {
            (void)count;
            if (n == 0)
            {
                po[k] = std::nan("");
                return;
            }
            const double last = pf[start + (n - 1) * stride];
            if (std::isnan(last))  // NaNs sort last: any NaN makes the median NaN
                po[k] = last;
            else if (n % 2)  // NumPy takes the mean of the middle one: 0 + (-0.0 + x)
                po[k] = (0.0 + (-0.0 + pf[start + (n / 2) * stride])) / 1.0;
            else  // ... or of the middle two: 0 + ((-0.0 + x) + y), then / 2
                po[k] = (0.0 + ((-0.0 + pf[start + (n / 2 - 1) * stride]) + pf[start + (n / 2) * stride])) / 2.0;
        });
        return finish(out, *r);
    }

    outcome<ndarray> norm(const ndarray& a, axis_arg axis, bool keepdims)
    {
        const ndarray f = as_type(a, dtype::float64);
        if (!axis)
        {
            // NumPy ravels in "K" order: memory order, negative strides walked forward.
            shape_t shape, strides;
            std::int64_t offset = 0;
            for (const int k : reduction_order(f))
            {
                const std::int64_t n = f.shape()[k], st = f.strides()[k];
                shape.push_back(n);
                strides.push_back(st < 0 ? -st : st);
                if (st < 0 && n > 0)
                    offset += (n - 1) * st;
            }
            const ndarray flat = flatten(f.view(shape, strides, offset));
            auto d = dot(flat, flat);
            if (!d)
                return d.error();
            ndarray out = ndarray::scalar(std::sqrt(d->get_double(0)));
            if (keepdims)
            {
                const shape_t ones(a.ndim(), 1);
                return out.view(ones, ones);
            }
            return out;
        }
        auto sq = binary(binary_op::multiply, f, f);
        if (!sq)
            return sq.error();
        auto s = sum(*sq, axis, keepdims);
        if (!s)
            return s.error();
        return unary(unary_op::sqrt, *s);
    }

    outcome<ndarray> expand_dims(const ndarray& a, std::int64_t axis)
    {
        auto ax = normalize_axis(axis, a.ndim() + 1);
        if (!ax)
            return ax.error();
        shape_t shape = a.shape(), strides = a.strides();
        shape.insert(shape.begin() + *ax, 1);
        strides.insert(strides.begin() + *ax, 0);
        return a.view(shape, strides);
    }

    // ------------------------------------------------------------------ joining

    namespace
    {
        // NumPy's PyArray_CreateMultiSortedStridePerm: the axis order (outermost
        // first) that matches the inputs' memory layouts.
        std::vector<int> sorted_stride_perm(const std::vector<ndarray>& arrays, std::size_t ndim)
        {
            std::vector<int> perm(ndim);
            for (std::size_t i = 0; i < ndim; ++i)
                perm[i] = static_cast<int>(i);
            for (std::size_t i0 = 1; i0 < ndim; ++i0)
            {
                std::size_t ipos = i0;
                const int j0 = perm[i0];
                for (std::size_t i1 = i0; i1-- > 0;)
                {
                    bool ambiguous = true, swap = false;
                    const int j1 = perm[i1];
                    for (const auto& a : arrays)
                    {
                        if (a.shape()[j0] != 1 && a.shape()[j1] != 1)
                        {
                            if (std::llabs(a.strides()[j0]) <= std::llabs(a.strides()[j1]))
                                swap = false;
                            else if (ambiguous)
                                swap = true;
                            ambiguous = false;
                        }
                    }
                    if (!ambiguous)
                    {
                        if (swap)
                            ipos = i1;
                        else
                            break;
                    }
                }
                if (ipos != i0)
                {
                    for (std::size_t i1 = i0; i1 > ipos; --i1)
                        perm[i1] = perm[i1 - 1];
                    perm[ipos] = j0;
                }
            }
            return perm;
        }
    }

    outcome<ndarray> concatenate(const std::vector<ndarray>& arrays_in, axis_arg axis_in)
    {
        if (arrays_in.empty())
            return value_error("need at least one array to concatenate");
        std::vector<ndarray> arrays = arrays_in;
        std::int64_t axis = 0;
        if (!axis_in)
            for (auto& a : arrays)
                a = ravel(a);
        const std::size_t nd = arrays[0].ndim();
        if (nd == 0)
            return value_error("zero-dimensional arrays cannot be concatenated");
        if (axis_in)
        {
            auto ax = normalize_axis(*axis_in, nd);
            if (!ax)
                return ax.error();
            axis = *ax;
        }
        shape_t shape = arrays[0].shape();
        dtype t = arrays[0].type();
        for (std::size_t i = 1; i < arrays.size(); ++i)
        {
            const ndarray& a = arrays[i];
            if (a.ndim() != nd)
                return value_error("all the input arrays must have same number of dimensions, but the array at "
                                   "index 0 has " +
                                   std::to_string(nd) + " dimension(s) and the array at index " + std::to_string(i) +
                                   " has " + std::to_string(a.ndim()) + " dimension(s)");
            for (std::size_t d = 0; d < nd; ++d)
                if (static_cast<std::int64_t>(d) != axis && a.shape()[d] != shape[d])
                    return value_error("all the input array dimensions except for the concatenation axis must "
                                       "match exactly, but along dimension " +
                                       std::to_string(d) + ", the array at index 0 has size " +
                                       std::to_string(shape[d]) + " and the array at index " + std::to_string(i) +
                                       " has size " + std::to_string(a.shape()[d]));
            shape[axis] += a.shape()[axis];
            t = promote(t, a.type());
        }
        auto out = ndarray::zeros_ordered(t, shape, sorted_stride_perm(arrays, nd));
        if (!out)
            return out.error();
        std::int64_t at = 0;
        for (const auto& a : arrays)
        {
            shape_t s = shape;
            s[axis] = a.shape()[axis];
            ndarray window = out->view(s, out->strides(), at * out->strides()[axis]);
            detail::assign(window, a);
            at += a.shape()[axis];
        }
        return out;
    }

    outcome<ndarray> stack(const std::vector<ndarray>& arrays, std::int64_t axis_in)
    {
        if (arrays.empty())
            return value_error("need at least one array to stack");
        for (std::size_t i = 1; i < arrays.size(); ++i)
            if (arrays[i].shape() != arrays[0].shape())
                return value_error("all input arrays must have the same shape");
        auto ax = normalize_axis(axis_in, arrays[0].ndim() + 1);
        if (!ax)
            return ax.error();
        std::vector<ndarray> expanded;
        for (const auto& a : arrays)
        {
            shape_t shape = a.shape(), strides = a.strides();
            shape.insert(shape.begin() + *ax, 1);
            strides.insert(strides.begin() + *ax, 0);
            expanded.push_back(a.view(shape, strides));
        }
        return concatenate(expanded, *ax);
    }

    outcome<ndarray> vstack(const std::vector<ndarray>& arrays)
    {
        std::vector<ndarray> rows;
        for (const auto& a : arrays)
            rows.push_back(a.ndim() == 0   ? a.view({1, 1}, {0, 0})
                           : a.ndim() == 1 ? a.view({1, a.shape()[0]}, {0, a.strides()[0]})
                                           : a);
        return concatenate(rows, 0);
    }

    outcome<ndarray> hstack(const std::vector<ndarray>& arrays)
    {
        std::vector<ndarray> parts;
        for (const auto& a : arrays)
            parts.push_back(a.ndim() == 0 ? a.view({1}, {0}) : a);
        if (parts.empty())
            return value_error("need at least one array to concatenate");
        return concatenate(parts, parts[0].ndim() == 1 ? 0 : 1);
    }
}
