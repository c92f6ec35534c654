// NumPy's operations on the interpreter's ndarray, with NumPy's results to the
// last bit where the order of operations shows:
//   - element-wise arithmetic with broadcasting, correctly rounded + - * / and
//     sqrt, int64 wrapping, Python's floor division and modulo;
//   - sum and mean in NumPy's order: pairwise summation (blocks of 8 partial
//     sums, recursive halves above 128) over chunks of NumPy's 8192-element
//     buffer, walking memory in NumPy's "K" order, sequential where the reduced
//     axis is not the innermost one;
//   - @ / dot / matmul as sequential dot products (Debian's reference BLAS);
//   - exp, log, tanh correctly rounded (within 1 ulp of NumPy's libm).
// Python scalars enter as 0-d arrays of their type (bool, int64, float64), which
// gives NumPy 1.24's promotion for these three types.
#pragma once

#include <optional>
#include <vector>

#include "numpy/ndarray.hpp"

namespace nl::py
{
    enum class binary_op
    {
        add,
        subtract,
        multiply,
        true_divide,
        floor_divide,
        remainder,
        power,
        less,
        less_equal,
        greater,
        greater_equal,
        equal,
        not_equal,
        bitwise_and,
        bitwise_or,
        bitwise_xor,
        maximum,
        minimum
    };

    /// a op b, broadcast (np.add, a + b, ...).
    outcome<ndarray> binary(binary_op op, const ndarray& a, const ndarray& b);

    /// a ** b: np.power, but with NumPy's shortcuts for an array raised to a
    /// scalar 2 (square), 0.5 (sqrt) or -1 (reciprocal), as the operator takes them.
    outcome<ndarray> power_operator(const ndarray& a, const ndarray& b);

    enum class unary_op
    {
        negative,
        positive,
        absolute,
        invert,       // ~
        logical_not,
        sqrt,
        exp,
        log,
        tanh,
        square,
        floor,
        ceil,
        rint,
        isnan,
        isinf,
        isfinite,
        sign,
        // The library's (within 1 ulp of NumPy's libm, as exp/log/tanh may be):
        sin,
        cos,
        tan,
        arcsin,
        arccos,
        arctan,
        sinh,
        cosh,
        log10,
        log2,
        log1p,
        expm1,
        exp2
    };

    /// op(a) (np.sqrt(a), -a, ...).
    outcome<ndarray> unary(unary_op op, const ndarray& a);

    /// np.where(cond, x, y).
    outcome<ndarray> where(const ndarray& cond, const ndarray& x, const ndarray& y);

    /// np.clip(a, lo, hi); either bound may be absent (not both).
    outcome<ndarray> clip(const ndarray& a, const std::optional<ndarray>& lo, const std::optional<ndarray>& hi);

    /// np.round(a, decimals): NumPy's rint(a * 10^d) / 10^d (ties to even on the
    /// scaled value). An int array with decimals >= 0 comes back as itself.
    outcome<ndarray> round(const ndarray& a, std::int64_t decimals = 0);

    /// np.isclose / np.allclose with NumPy's defaults rtol=1e-05, atol=1e-08.
    outcome<ndarray> isclose(const ndarray& a, const ndarray& b, double rtol = 1e-05, double atol = 1e-08,
                             bool equal_nan = false);
    outcome<bool> allclose(const ndarray& a, const ndarray& b, double rtol = 1e-05, double atol = 1e-08,
                           bool equal_nan = false);

    /// np.array_equal.
    bool array_equal(const ndarray& a, const ndarray& b);

    // -------------------------------------------------------------- reductions

    /// The axis argument: none (all axes) or one axis (negative counts from the end).
    using axis_arg = std::optional<std::int64_t>;

    outcome<ndarray> sum(const ndarray& a, axis_arg axis = {}, bool keepdims = false);
    outcome<ndarray> prod(const ndarray& a, axis_arg axis = {}, bool keepdims = false);
    outcome<ndarray> mean(const ndarray& a, axis_arg axis = {}, bool keepdims = false);
    outcome<ndarray> var(const ndarray& a, axis_arg axis = {}, bool keepdims = false, std::int64_t ddof = 0);
    outcome<ndarray> std_dev(const ndarray& a, axis_arg axis = {}, bool keepdims = false, std::int64_t ddof = 0);
    outcome<ndarray> max(const ndarray& a, axis_arg axis = {}, bool keepdims = false);
    outcome<ndarray> min(const ndarray& a, axis_arg axis = {}, bool keepdims = false);
    outcome<ndarray> argmax(const ndarray& a, axis_arg axis = {}, bool keepdims = false);
    outcome<ndarray> argmin(const ndarray& a, axis_arg axis = {}, bool keepdims = false);
    outcome<ndarray> any(const ndarray& a, axis_arg axis = {}, bool keepdims = false);
    outcome<ndarray> all(const ndarray& a, axis_arg axis = {}, bool keepdims = false);
    /// np.cumsum(a, axis): sequential running sums (flattened when axis is none).
    outcome<ndarray> cumsum(const ndarray& a, axis_arg axis = {});

    // ----------------------------------------------------------- linear algebra

    /// a @ b / np.matmul.
    outcome<ndarray> matmul(const ndarray& a, const ndarray& b);
    /// np.dot(a, b) / a.dot(b).
    outcome<ndarray> dot(const ndarray& a, const ndarray& b);
    /// np.outer(a, b).
    outcome<ndarray> outer(const ndarray& a, const ndarray& b);

    // ------------------------------------------------------------------ joining

    /// np.concatenate(arrays, axis); axis none flattens them first.
    outcome<ndarray> concatenate(const std::vector<ndarray>& arrays, axis_arg axis = 0);
    /// np.stack(arrays, axis).
    outcome<ndarray> stack(const std::vector<ndarray>& arrays, std::int64_t axis = 0);
    outcome<ndarray> vstack(const std::vector<ndarray>& arrays);
    outcome<ndarray> hstack(const std::vector<ndarray>& arrays);

    /// np.count_nonzero(a).
    std::int64_t count_nonzero(const ndarray& a);

    /// np.sort(a, axis): a sorted copy along the axis (default the last; none
    /// sorts the flattened array), NaNs last, equal values in their first order.
    outcome<ndarray> sort(const ndarray& a, axis_arg axis = -1);

    /// np.median(a, axis): the middle value, or the mean of the middle two as
    /// NumPy computes it; NaN where a lane holds a NaN.
    outcome<ndarray> median(const ndarray& a, axis_arg axis = {}, bool keepdims = false);

    /// np.linalg.norm(x, axis=...) for the default order: sqrt(x . x) of the
    /// flattened array (a sequential dot product), or sqrt of the summed squares
    /// along an axis.
    outcome<ndarray> norm(const ndarray& a, axis_arg axis = {}, bool keepdims = false);

    /// np.expand_dims(a, axis): a view with a new length-1 axis.
    outcome<ndarray> expand_dims(const ndarray& a, std::int64_t axis);
}
