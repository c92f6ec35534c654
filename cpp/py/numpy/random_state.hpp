// np.random's legacy global RandomState, bit for bit: seed, rand/random_sample,
// randn, uniform, normal and randint draw exactly NumPy 1.24's streams (the
// core's nl::legacy_random: MT19937 with NumPy's 53-bit doubles and polar
// Gaussians; randint's masked rejection on 32- or 64-bit draws).
#pragma once

#include <cstdint>
#include <optional>

#include "numpy/ndarray.hpp"
#include "random.hpp"

namespace nl::py
{
    class random_state
    {
    public:
        /// np.random.seed(s): 0 <= s < 2^32 (ValueError otherwise, as NumPy's).
        status seed(std::int64_t s);

        /// size absent: one value as a 0-d array (the caller makes it a Python
        /// float or int); else an array of that shape, filled in C order.
        outcome<ndarray> random_sample(const std::optional<shape_t>& size);
        outcome<ndarray> randn(const std::optional<shape_t>& size);
        /// np.random.uniform(low, high, size): low + (high - low) * u.
        outcome<ndarray> uniform(double low, double high, const std::optional<shape_t>& size);
        /// np.random.normal(loc, scale, size): loc + scale * gauss.
        outcome<ndarray> normal(double loc, double scale, const std::optional<shape_t>& size);
        /// np.random.randint(low, high, size), int64; high absent: [0, low).
        outcome<ndarray> randint(std::int64_t low, std::optional<std::int64_t> high, const std::optional<shape_t>& size);
        /// np.random.shuffle(a) along the first axis, in place.
        status shuffle(ndarray& a);
        /// np.random.permutation(n) and np.random.permutation(a).
        outcome<ndarray> permutation(const ndarray& a_or_n);
        /// np.random.choice(n or a, size, replace=True) without probabilities.
        outcome<ndarray> choice(const ndarray& a_or_n, const std::optional<shape_t>& size, bool replace = true);

    private:
        std::uint64_t bounded(std::uint64_t range);  // uniform on [0, range], NumPy's masked rejection
        std::uint64_t interval(std::uint64_t max);   // legacy random_interval, for shuffles

        legacy_random m_rng{0};
    };
}
