// Correctly rounded float64 exp, tanh and log (but for results within 1e-30 of
// a rounding tie), computed in double-double arithmetic: the same bits natively
// and in wasm (musl's libm differs from glibc's in the last bit), and within
// NumPy's own (glibc's) results by at most one unit in the last place.
#pragma once

namespace nl
{
    /// e^y; +inf above ln(DBL_MAX), 0 below half the smallest subnormal.
    double exp_exact(double y);

    /// tanh(x).
    double tanh_exact(double x);

    /// The natural logarithm: -inf at 0, NaN below 0 (as log()).
    double log_exact(double x);
}
