#include "random.hpp"

#include <cmath>

namespace nl
{
    void legacy_random::seed(std::uint32_t seed)
    {
        // init_genrand from the MT19937 reference code, as NumPy's mt19937_seed.
        m_state[0] = seed;
        for (std::uint32_t i = 1; i < m_state.size(); ++i)
        {
            const std::uint32_t prev = m_state[i - 1];
            m_state[i] = 1812433253u * (prev ^ (prev >> 30)) + i;
        }
        m_pos = static_cast<int>(m_state.size());
        m_has_gauss = false;
        m_gauss = 0;
    }

    std::uint32_t legacy_random::next_uint32()
    {
        constexpr int n = 624, m = 397;
        constexpr std::uint32_t upper = 0x80000000u, lower = 0x7fffffffu, matrix_a = 0x9908b0dfu;
        if (m_pos >= n)
        {
            // Regenerate the whole state at once, as the reference code does.
            for (int i = 0; i < n; ++i)
            {
                const std::uint32_t y = (m_state[i] & upper) | (m_state[(i + 1) % n] & lower);
                m_state[i] = m_state[(i + m) % n] ^ (y >> 1) ^ ((y & 1u) ? matrix_a : 0u);
            }
            m_pos = 0;
        }
        std::uint32_t y = m_state[m_pos++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    double legacy_random::next_double()
    {
        const std::uint32_t a = next_uint32() >> 5, b = next_uint32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    double legacy_random::next_gauss()
    {
        if (m_has_gauss)
        {
            m_has_gauss = false;
            return m_gauss;
        }
        // The polar (Marsaglia) method; NumPy returns the second value first and
        // keeps the first for the next call.
        double x1, x2, r2;
        do
        {
            x1 = 2.0 * next_double() - 1.0;
            x2 = 2.0 * next_double() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        const double f = std::sqrt(-2.0 * std::log(r2) / r2);
        m_gauss = f * x1;
        m_has_gauss = true;
        return f * x2;
    }
}
