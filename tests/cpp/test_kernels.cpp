// The float32 bulk kernels against exact float64 computations: the fast
// activations over dense sweeps, activate_f32, and dense_f32.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "activation.hpp"
#include "kernels.hpp"
#include "oracle.hpp"

namespace
{
    /// The float32 inputs of the sweep: [-20, 20] step 1e-4, [-lo, -20] and
    /// [20, hi] step 1e-3, and a few tiny magnitudes.
    std::vector<float> sweep(double lo, double hi)
    {
        std::vector<float> xs;
        for (long i = -200000; i <= 200000; ++i)
            xs.push_back(float(i * 1e-4));
        for (long i = 20000; i <= long(lo * 1000 + 0.5); ++i)
            xs.push_back(float(-i * 1e-3));
        for (long i = 20000; i <= long(hi * 1000 + 0.5); ++i)
            xs.push_back(float(i * 1e-3));
        for (const float t : {1e-30f, 1e-20f, 1e-10f, 1e-6f, 3e-4f})
            for (const float sign : {-1.0f, 1.0f})
                xs.push_back(sign * t);
        return xs;
    }

    /// Checks |fast(x) - exact(x)| <= 1e-6 |exact(x)| wherever exact(x) is a
    /// normal float, reporting the worst case.
    void check_relative(const char* name, const std::function<float(float)>& fast,
                        const std::function<double(double)>& exact, double lo, double hi)
    {
        std::size_t bad = 0, checked = 0;
        double worst = 0, worst_x = 0;
        for (const float x : sweep(lo, hi))
        {
            const double want = exact(double(x));
            if (!(std::fabs(want) >= double(std::numeric_limits<float>::min())) ||
                std::fabs(want) > double(std::numeric_limits<float>::max()))
                continue;
            ++checked;
            const double err = std::fabs(double(fast(x)) - want) / std::fabs(want);
            if (!(err <= 1e-6))
                ++bad;
            if (!(err <= worst))
                worst = err, worst_x = x;
        }
        INFO(name << ": " << bad << " of " << checked << " beyond 1e-6; worst " << worst << " at x = " << worst_x);
        CHECK(checked > 500000);
        CHECK(bad == 0);
    }

    double sigmoid(double x) { return 1 / (1 + std::exp(-x)); }

    std::uint32_t ulp_distance_f(float a, float b)
    {
        const auto ordered = [](float x)
        {
            std::int32_t i;
            std::memcpy(&i, &x, sizeof i);
            return i < 0 ? std::numeric_limits<std::int32_t>::min() - i : i;
        };
        const std::int64_t d = std::int64_t(ordered(a)) - std::int64_t(ordered(b));
        return std::uint32_t(d < 0 ? -d : d);
    }
}

TEST_CASE("fast_exp, fast_tanh and fast_sigmoid within 1e-6 of the exact functions", "[kernels]")
{
    // fast_exp's range is [-87.3, 88.7] (0 below), the others' |x| < 87.
    check_relative(
        "fast_exp", nl::kernels::fast_exp, [](double x) { return std::exp(x); }, 87.3, 88.7);
    check_relative(
        "fast_tanh", nl::kernels::fast_tanh, [](double x) { return std::tanh(x); }, 87, 87);
    check_relative("fast_sigmoid", nl::kernels::fast_sigmoid, sigmoid, 87, 87);
    CHECK(nl::kernels::fast_tanh(0.0f) == 0.0f);
    CHECK(nl::kernels::fast_sigmoid(0.0f) == 0.5f);
}

TEST_CASE("fast_exp is within 2 ulp of the correctly rounded e^x on [-87.3, 88.7]", "[kernels]")
{
    const auto xs = sweep(87.3, 88.7);
    std::size_t bad = 0;
    float worst_x = 0;
    std::uint32_t worst = 0;
    for (const float x : xs)
    {
        const std::uint32_t d = ulp_distance_f(nl::kernels::fast_exp(x), float(std::exp(double(x))));
        bad += d > 2;
        if (d > worst)
            worst = d, worst_x = x;
    }
    INFO(bad << " of " << xs.size() << " beyond 2 ulp; worst " << worst << " ulp at x = " << worst_x << ": got "
             << nl::kernels::fast_exp(worst_x) << ", e^x = " << std::exp(double(worst_x)));
    CHECK(bad == 0);
}

TEST_CASE("the fast functions saturate beyond their ranges", "[kernels]")
{
    const float inf = std::numeric_limits<float>::infinity();
    for (const float x : {-90.0f, -200.0f, -1e30f, -inf})
    {
        INFO("x = " << x);
        CHECK(nl::kernels::fast_exp(x) == 0.0f);
        CHECK(nl::kernels::fast_sigmoid(x) == 0.0f);
        CHECK(std::fabs(nl::kernels::fast_tanh(x) + 1.0f) <= 1e-6f);
    }
    for (const float x : {90.0f, 200.0f, 1e30f, inf})
    {
        INFO("x = " << x);
        CHECK(nl::kernels::fast_exp(x) == inf);
        CHECK(nl::kernels::fast_sigmoid(x) == 1.0f);
        CHECK(std::fabs(nl::kernels::fast_tanh(x) - 1.0f) <= 1e-6f);
    }
}

TEST_CASE("activate_f32 agrees with the exact activations", "[kernels]")
{
    test_rng rng{4};
    const std::size_t rows = 7, cols = 13;
    std::vector<float> x(rows * cols);
    for (auto& v : x)
        v = float(rng.uniform(-4, 4));

    for (const char* name : {"step", "sigmoid", "tanh", "relu", "leaky_relu", "leaky_relu(0.2)", "identity"})
    {
        const auto act = nl::parse_activation(name).value();
        auto y = x;
        nl::kernels::activate_f32(act, y.data(), rows, cols);
        std::size_t bad = 0;
        for (std::size_t i = 0; i < x.size(); ++i)
        {
            const double want = nl::apply(act, double(x[i]));
            bad += !(std::fabs(double(y[i]) - want) <= 1e-6 * std::fabs(want));
        }
        INFO(name << ": " << bad << " of " << x.size() << " beyond 1e-6 relative");
        CHECK(bad == 0);
    }

    // Softmax by row. Each e^(z - max) errs by the rounding of z - max (at most
    // 2^-22 absolute, as |z - max| <= 8) plus 2 ulp of fast_exp: 4.8e-7 relative;
    // the sum of 13 terms adds 13 u and the division u (u = 2^-24): under 1.9e-6.
    const auto softmax = nl::parse_activation("softmax").value();
    auto y = x;
    nl::kernels::activate_f32(softmax, y.data(), rows, cols);
    std::vector<double> z(x.begin(), x.end()), want(z.size());
    nl::apply_rows(softmax, z.data(), want.data(), rows, cols);
    std::size_t bad = 0;
    for (std::size_t i = 0; i < z.size(); ++i)
        bad += !(std::fabs(double(y[i]) - want[i]) <= 2e-6 * want[i]);
    INFO("softmax: " << bad << " of " << z.size() << " beyond 2e-6 relative");
    CHECK(bad == 0);
}

TEST_CASE("dense_f32 equals a float64 loop within the float32 rounding bound", "[kernels]")
{
    // Any order of summing n products in float32 errs by at most about
    // (n + 1) u sum|x_k w_k| (u = 2^-24; one rounding per product and at most n
    // per sum, fused or not), plus u |b| for the bias: that is the tolerance.
    struct shape
    {
        std::size_t rows, n_in, n_out;
        bool bias;
    };
    test_rng rng{5};
    for (const shape s : {shape{1, 1, 1, true}, shape{3, 7, 5, true}, shape{17, 33, 9, false}, shape{64, 64, 64, true},
                          shape{100, 257, 31, true}, shape{5, 1000, 3, false}, shape{300, 16, 70, true}})
    {
        std::vector<float> x(s.rows * s.n_in), w(s.n_in * s.n_out), b(s.n_out);
        for (auto* v : {&x, &w, &b})
            for (auto& e : *v)
                e = float(rng.uniform(-1, 1));
        const float guard = 12345.0f;
        std::vector<float> out(s.rows * s.n_out + 4, guard);
        nl::kernels::dense_f32(x.data(), s.rows, s.n_in, w.data(), s.bias ? b.data() : nullptr, s.n_out, out.data());

        std::size_t bad = 0;
        for (std::size_t r = 0; r < s.rows; ++r)
            for (std::size_t j = 0; j < s.n_out; ++j)
            {
                double sum = s.bias ? b[j] : 0.0, magnitude = s.bias ? std::fabs(b[j]) : 0.0;
                for (std::size_t k = 0; k < s.n_in; ++k)
                {
                    sum += double(x[r * s.n_in + k]) * w[k * s.n_out + j];
                    magnitude += std::fabs(double(x[r * s.n_in + k]) * w[k * s.n_out + j]);
                }
                const double bound = double(s.n_in + 2) * 0x1p-24 * magnitude;
                bad += !(std::fabs(double(out[r * s.n_out + j]) - sum) <= bound);
            }
        INFO("x (" << s.rows << "," << s.n_in << ") w (" << s.n_in << "," << s.n_out << ")" << (s.bias ? " + b" : "")
                   << ": " << bad << " outside the bound");
        CHECK(bad == 0);
        for (std::size_t i = s.rows * s.n_out; i < out.size(); ++i)
            CHECK(out[i] == guard);  // nothing written past the end
    }
}
