#include "activation.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace nl
{
    namespace
    {
        std::string_view trim(std::string_view s)
        {
            const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
            while (!s.empty() && space(s.front()))
                s.remove_prefix(1);
            while (!s.empty() && space(s.back()))
                s.remove_suffix(1);
            return s;
        }

        std::string quoted(std::string_view s)
        {
            // Keep messages short even when the name is a megabyte of junk.
            constexpr std::size_t max_shown = 40;
            std::string text(s.substr(0, max_shown));
            if (s.size() > max_shown)
                text += "...";
            return "'" + text + "'";
        }

        // exp and tanh correctly rounded: glibc's tanh is off by up to 2 ulp
        // (tanh(0.7), say) where NumPy's own is within 1, and musl's exp (wasm)
        // differs from glibc's. So both are computed in double-double arithmetic
        // (a pair hi + lo holding ~106 bits) and rounded once at the end.
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

        double sigmoid(double z)
        {
            // NumPy's lessons write 1 / (1 + exp(-z)); using the same expression keeps
            // the last bit equal. Below -700 exp(-z) would overflow (harmlessly to inf,
            // but raising the overflow flag), and there e^z is the answer to the last bit.
            if (z < -700)
                return exp_exact(z);
            return 1.0 / (1.0 + exp_exact(-z));
        }

        // Rejects the input with the list of names a user can choose from.
        error unknown(std::string_view name)
        {
            return error{"unknown activation " + quoted(name) +
                         ": expected one of step, sigmoid, tanh, relu, leaky_relu, "
                         "leaky_relu(slope), identity, softmax"};
        }
    }

    result<activation> parse_activation(std::string_view name)
    {
        const std::string_view s = trim(name);
        if (s == "step")
            return activation{activation_kind::step};
        if (s == "sigmoid")
            return activation{activation_kind::sigmoid};
        if (s == "tanh")
            return activation{activation_kind::tanh};
        if (s == "relu")
            return activation{activation_kind::relu};
        if (s == "identity")
            return activation{activation_kind::identity};
        if (s == "softmax")
            return activation{activation_kind::softmax};
        if (s == "leaky_relu")
            return activation{activation_kind::leaky_relu, 0.01};

        const std::string_view prefix = "leaky_relu(";
        if (s.size() > prefix.size() + 1 && s.substr(0, prefix.size()) == prefix && s.back() == ')')
        {
            const std::string number(trim(s.substr(prefix.size(), s.size() - prefix.size() - 1)));
            char* end = nullptr;
            errno = 0;
            const double slope = std::strtod(number.c_str(), &end);
            const bool parsed = !number.empty() && end == number.c_str() + number.size() && errno == 0;
            if (!parsed || !std::isfinite(slope))
                return error{"leaky_relu slope " + quoted(number) + " is not a finite number"};
            return activation{activation_kind::leaky_relu, slope};
        }
        return unknown(name);
    }

    std::string name_of(const activation& a)
    {
        switch (a.kind)
        {
        case activation_kind::step:
            return "step";
        case activation_kind::sigmoid:
            return "sigmoid";
        case activation_kind::tanh:
            return "tanh";
        case activation_kind::relu:
            return "relu";
        case activation_kind::identity:
            return "identity";
        case activation_kind::softmax:
            return "softmax";
        case activation_kind::leaky_relu:
            if (a.slope == 0.01)
                return "leaky_relu";
            // The shortest decimal that reads back as the same slope, as
            // Python's repr: "leaky_relu(0.2)", not "leaky_relu(0.20000000000000001)".
            char buffer[48];
            for (int digits = 1; digits <= 17; ++digits)
            {
                std::snprintf(buffer, sizeof buffer, "leaky_relu(%.*g)", digits, a.slope);
                if (std::strtod(buffer + 11, nullptr) == a.slope)
                    break;
            }
            return buffer;
        }
        return "identity";
    }

    double apply(const activation& a, double z)
    {
        switch (a.kind)
        {
        case activation_kind::step:
            return z > 0 ? 1.0 : 0.0;
        case activation_kind::sigmoid:
            return sigmoid(z);
        case activation_kind::tanh:
            return tanh_exact(z);
        case activation_kind::relu:
            return z > 0 ? z : 0.0;
        case activation_kind::leaky_relu:
            return z > 0 ? z : a.slope * z;
        case activation_kind::identity:
            return z;
        case activation_kind::softmax:
            return std::isnan(z) ? z : 1.0;
        }
        return z;
    }

    void apply_rows(const activation& a, const double* z, double* out, std::size_t rows, std::size_t cols)
    {
        if (a.elementwise())
        {
            for (std::size_t i = 0; i < rows * cols; ++i)
                out[i] = apply(a, z[i]);
            return;
        }
        // Softmax, stable: subtract the row's maximum before exponentiating.
        for (std::size_t r = 0; r < rows; ++r)
        {
            const double* zr = z + r * cols;
            double* yr = out + r * cols;
            const double top = *std::max_element(zr, zr + cols);
            double total = 0;
            for (std::size_t c = 0; c < cols; ++c)
            {
                yr[c] = exp_exact(zr[c] - top);
                total += yr[c];
            }
            for (std::size_t c = 0; c < cols; ++c)
                yr[c] /= total;
        }
    }
}
