#include "exact_math.hpp"

#include <cmath>

namespace nl
{
    namespace
    {
        // Double-double arithmetic: a pair hi + lo holding ~106 bits.
        struct twofold
        {
            double hi, lo;
        };

        twofold quick_two_sum(double a, double b)  // needs |a| >= |b|
        {
            const double s = a + b;
            return {s, b - (s - a)};
        }

        twofold two_sum(double a, double b)
        {
            const double s = a + b, v = s - a;
            return {s, (a - (s - v)) + (b - v)};
        }

        twofold two_product(double a, double b)  // Dekker: exact without FMA
        {
            const auto split = [](double x)
            {
                const double c = 134217729.0 * x;  // 2^27 + 1
                const double hi = c - (c - x);
                return twofold{hi, x - hi};
            };
            const twofold x = split(a), y = split(b);
            const double p = a * b;
            return {p, ((x.hi * y.hi - p) + x.hi * y.lo + x.lo * y.hi) + x.lo * y.lo};
        }

        twofold add(twofold a, twofold b)
        {
            const twofold s = two_sum(a.hi, b.hi), t = two_sum(a.lo, b.lo);
            const twofold u = quick_two_sum(s.hi, s.lo + t.hi);
            return quick_two_sum(u.hi, u.lo + t.lo);
        }

        twofold multiply(twofold a, twofold b)
        {
            const twofold p = two_product(a.hi, b.hi);
            return quick_two_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
        }

        twofold divide(twofold a, twofold b)
        {
            const double q1 = a.hi / b.hi;
            const twofold r = add(a, multiply(b, {-q1, 0}));
            const double q2 = r.hi / b.hi;
            const twofold r2 = add(r, multiply(b, {-q2, 0}));
            return add(quick_two_sum(q1, q2), {r2.hi / b.hi, 0});
        }

        // e^y = t * 2^k, t = e^r for |r| <= (ln 2)/2 to ~100 bits; |y| < 746.
        twofold exp_reduced(double y, int& k)
        {
            // ln 2 in three parts, the first with 42 bits so that k times it is
            // exact for every |k| < 2^11.
            constexpr double ln2_1 = 0x1.62e42fefa38p-1, ln2_2 = 0x1.ef35793c7673p-45, ln2_3 = 0x1.f97b57a079a19p-103;
            const double n = std::nearbyint(y / ln2_1);
            const twofold n2 = two_product(n, ln2_2);
            const twofold r = add(add({y - n * ln2_1, 0}, {-n2.hi, -n2.lo}), {-n * ln2_3, 0});
            // e^s with s = r / 256 (|s| < 0.0014) by its Taylor series to s^10,
            // 1 + s(1 + s/2(1 + s/3(...))), then squared 8 times.
            const twofold s{std::ldexp(r.hi, -8), std::ldexp(r.lo, -8)};
            twofold t{1, 0};
            for (int i = 10; i >= 1; --i)
            {
                const twofold st = multiply(s, t);
                const double q = st.hi / i;
                const twofold back = two_product(q, i);
                const double q_lo = ((st.hi - back.hi) - back.lo + st.lo) / i;
                t = add({1, 0}, quick_two_sum(q, q_lo));
            }
            for (int i = 0; i < 8; ++i)
                t = multiply(t, t);
            k = static_cast<int>(n);
            return t;
        }
    }

    // e^y correctly rounded (but for results within 1e-30 of a tie, and in
    // the subnormal range), so that float64 results are the same natively
    // and in wasm (musl's exp differs from glibc's in the last bit) and equal
    // NumPy's, whose exp is glibc's on Linux.
    double exp_exact(double y)
    {
        if (std::isnan(y))
            return y;
        if (y > 709.782712893384)  // ln(DBL_MAX)
            return HUGE_VAL;
        if (y < -745.2)  // below half the smallest subnormal
            return 0;
        int k;
        const twofold t = exp_reduced(y, k);
        return std::ldexp(t.hi, k);
    }

    double tanh_exact(double x)
    {
        const double a = std::fabs(x);
        if (!(a < 20))  // also NaN; beyond 19.1, tanh rounds to 1
            return std::isnan(x) ? x : std::copysign(1.0, x);
        if (x == 0)
            return x;  // keeps the sign of -0.0
        if (a < 1e-5)  // the series: the next term, 17x^7/315, is below 1e-31 x
            return x + x * (x * x) * (-1.0 / 3 + (x * x) * (2.0 / 15));
        // tanh a = (1 - e^-2a) / (1 + e^-2a); the subtraction cancels at most
        // 17 of the ~106 bits here.
        int k;
        const twofold t = exp_reduced(-2 * a, k);
        const twofold e{std::ldexp(t.hi, k), std::ldexp(t.lo, k)};
        const twofold q = divide(add({1, 0}, {-e.hi, -e.lo}), add({1, 0}, e));
        return std::copysign(q.hi + q.lo, x);
    }

    double log_exact(double x)
    {
        if (!(x > 0) || std::isinf(x))  // NaN, negatives, zero and +inf as log() gives them
            return std::log(x);
        if (x == 1)
            return 0;
        // One Newton step from the library's log, in double-double: with
        // e^y0 = t 2^k, log x = y0 + log(x / e^y0) = y0 + r - r^2/2 + ...,
        // r = (x 2^-k - t) / t, of the order of y0's last bit, so r^2 is far
        // below the rounding of the sum.
        const double y0 = std::log(x);
        int k;
        const twofold t = exp_reduced(y0, k);
        const double xs = std::ldexp(x, -k);
        const twofold d = add({xs, 0}, {-t.hi, -t.lo});
        const double r = (d.hi + d.lo) / t.hi;
        return y0 + r;
    }
}
