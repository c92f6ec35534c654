// NumPy's legacy seeded generator (np.random.seed / RandomState), bit for bit:
// MT19937 seeded by init_genrand, 53-bit doubles from two draws, and the polar
// Gaussian method that keeps its second value for the next call.
#pragma once

#include <array>
#include <cstdint>

namespace nl
{
    class legacy_random
    {
    public:
        explicit legacy_random(std::uint32_t seed = 0) { this->seed(seed); }

        /// As np.random.seed(seed): also forgets any kept Gaussian.
        void seed(std::uint32_t seed);

        /// The next 32-bit output of MT19937.
        std::uint32_t next_uint32();

        /// As np.random.random_sample(): uniform on [0, 1) with 53 random bits.
        double next_double();

        /// As np.random.randn(): standard normal.
        double next_gauss();

    private:
        std::array<std::uint32_t, 624> m_state{};
        int m_pos = 624;
        bool m_has_gauss = false;
        double m_gauss = 0;
    };
}
