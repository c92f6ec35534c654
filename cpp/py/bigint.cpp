#include "bigint.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace nl::py
{
    void BigInt::trim(Mag& m)
    {
        while (!m.empty() && m.back() == 0)
            m.pop_back();
    }

    BigInt BigInt::from_uint64(std::uint64_t v, bool negative)
    {
        BigInt r;
        while (v)
        {
            r.m_mag.push_back(std::uint32_t(v));
            v >>= 32;
        }
        r.m_neg = negative && !r.m_mag.empty();
        return r;
    }

    BigInt BigInt::from_int64(std::int64_t v)
    {
        // Negate in unsigned arithmetic so INT64_MIN works.
        const std::uint64_t mag = v < 0 ? 0 - std::uint64_t(v) : std::uint64_t(v);
        return from_uint64(mag, v < 0);
    }

    BigInt BigInt::from_double(double v)
    {
        BigInt r;
        v = std::trunc(v);
        if (v == 0)
            return r;
        const bool neg = v < 0;
        int exp = 0;
        const double frac = std::frexp(std::fabs(v), &exp);  // v = frac * 2^exp, frac in [0.5, 1)
        const auto mant = std::uint64_t(std::ldexp(frac, 53));
        r = from_uint64(mant);
        r = exp >= 53 ? r.shift_left(std::size_t(exp - 53)) : r.shift_right(std::size_t(53 - exp));
        r.m_neg = neg && !r.m_mag.empty();
        return r;
    }

    bool BigInt::parse(std::string_view digits, int base, BigInt& out)
    {
        out = BigInt();
        if (digits.empty())
            return false;
        // Take as many digits as fit in 32 bits at a time: multiply-add.
        std::uint32_t chunk_mul = 1, chunk = 0;
        auto flush = [&]()
        {
            std::uint64_t carry = chunk;
            for (auto& limb : out.m_mag)
            {
                const std::uint64_t t = std::uint64_t(limb) * chunk_mul + carry;
                limb = std::uint32_t(t);
                carry = t >> 32;
            }
            if (carry)
                out.m_mag.push_back(std::uint32_t(carry));
            chunk_mul = 1;
            chunk = 0;
        };
        for (char c : digits)
        {
            int d;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (c >= 'a' && c <= 'z')
                d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'Z')
                d = c - 'A' + 10;
            else
                return false;
            if (d >= base)
                return false;
            if (std::uint64_t(chunk_mul) * unsigned(base) > 0xffffffffu)
                flush();
            chunk_mul *= unsigned(base);
            chunk = chunk * unsigned(base) + unsigned(d);
        }
        flush();
        trim(out.m_mag);
        return true;
    }

    std::size_t BigInt::bit_length() const
    {
        if (m_mag.empty())
            return 0;
        std::uint32_t top = m_mag.back();
        std::size_t bits = 0;
        while (top)
        {
            ++bits;
            top >>= 1;
        }
        return (m_mag.size() - 1) * 32 + bits;
    }

    bool BigInt::fits_int64() const
    {
        if (m_mag.size() > 2)
            return false;
        std::uint64_t mag = 0;
        for (std::size_t i = m_mag.size(); i-- > 0;)
            mag = (mag << 32) | m_mag[i];
        return m_neg ? mag <= (std::uint64_t(1) << 63) : mag < (std::uint64_t(1) << 63);
    }

    std::int64_t BigInt::to_int64() const
    {
        std::uint64_t mag = 0;
        for (std::size_t i = m_mag.size(); i-- > 0;)
            mag = (mag << 32) | m_mag[i];
        return m_neg ? std::int64_t(0 - mag) : std::int64_t(mag);
    }

    bool BigInt::to_double(double& out) const
    {
        const std::size_t n = bit_length();
        if (n <= 64)
        {
            std::uint64_t mag = 0;
            for (std::size_t i = m_mag.size(); i-- > 0;)
                mag = (mag << 32) | m_mag[i];
            out = m_neg ? -double(mag) : double(mag);
            return true;
        }
        if (n > 1024)
            return false;
        // The top 64 bits, with every lower bit folded into bit 0 (sticky): rounding
        // 64 bits to 53 then gives the correctly rounded value.
        const BigInt top = shift_right(n - 64);
        std::uint64_t mag = (std::uint64_t(top.m_mag[1]) << 32) | top.m_mag[0];
        bool sticky = false;
        const std::size_t low_bits = n - 64;
        for (std::size_t i = 0; i < low_bits / 32 && !sticky; ++i)
            sticky = m_mag[i] != 0;
        if (!sticky && low_bits % 32)
            sticky = (m_mag[low_bits / 32] & ((1u << (low_bits % 32)) - 1)) != 0;
        if (sticky)
            mag |= 1;
        const double r = std::ldexp(double(mag), int(n - 64));
        if (std::isinf(r))
            return false;
        out = m_neg ? -r : r;
        return true;
    }

    std::uint32_t BigInt::divmod_small(Mag& a, std::uint32_t d)
    {
        std::uint64_t rem = 0;
        for (std::size_t i = a.size(); i-- > 0;)
        {
            const std::uint64_t cur = (rem << 32) | a[i];
            a[i] = std::uint32_t(cur / d);
            rem = cur % d;
        }
        trim(a);
        return std::uint32_t(rem);
    }

    std::string BigInt::to_string() const
    {
        if (m_mag.empty())
            return "0";
        Mag m = m_mag;
        std::vector<std::uint32_t> chunks;  // base 10^9, least significant first
        while (!m.empty())
            chunks.push_back(divmod_small(m, 1000000000u));
        std::string s = m_neg ? "-" : "";
        s += std::to_string(chunks.back());
        for (std::size_t i = chunks.size() - 1; i-- > 0;)
        {
            const std::string part = std::to_string(chunks[i]);
            s.append(9 - part.size(), '0');
            s += part;
        }
        return s;
    }

    std::string BigInt::to_string_pow2(int base) const
    {
        if (m_mag.empty())
            return "0";
        const int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
        std::string digits;
        const std::size_t n = bit_length();
        for (std::size_t pos = 0; pos < n; pos += std::size_t(bits))
        {
            unsigned d = 0;
            for (int k = bits - 1; k >= 0; --k)
            {
                const std::size_t bit = pos + std::size_t(k);
                d <<= 1;
                if (bit < n)
                    d |= (m_mag[bit / 32] >> (bit % 32)) & 1u;
            }
            digits += "0123456789abcdef"[d];
        }
        while (digits.size() > 1 && digits.back() == '0')
            digits.pop_back();
        std::reverse(digits.begin(), digits.end());
        return (m_neg ? "-" : "") + digits;
    }

    std::size_t BigInt::decimal_digits_upper_bound() const
    {
        // log10(2) < 0.30103
        return bit_length() * 30103 / 100000 + 1;
    }

    BigInt BigInt::operator-() const
    {
        BigInt r = *this;
        r.m_neg = !r.m_neg && !r.m_mag.empty();
        return r;
    }

    int BigInt::compare_mag(const Mag& a, const Mag& b)
    {
        if (a.size() != b.size())
            return a.size() < b.size() ? -1 : 1;
        for (std::size_t i = a.size(); i-- > 0;)
            if (a[i] != b[i])
                return a[i] < b[i] ? -1 : 1;
        return 0;
    }

    BigInt::Mag BigInt::add_mag(const Mag& a, const Mag& b)
    {
        const Mag& big = a.size() >= b.size() ? a : b;
        const Mag& small = a.size() >= b.size() ? b : a;
        Mag r(big.size() + 1);
        std::uint64_t carry = 0;
        for (std::size_t i = 0; i < big.size(); ++i)
        {
            const std::uint64_t t = std::uint64_t(big[i]) + (i < small.size() ? small[i] : 0) + carry;
            r[i] = std::uint32_t(t);
            carry = t >> 32;
        }
        r[big.size()] = std::uint32_t(carry);
        trim(r);
        return r;
    }

    BigInt::Mag BigInt::sub_mag(const Mag& a, const Mag& b)
    {
        Mag r(a.size());
        std::int64_t borrow = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
        {
            std::int64_t t = std::int64_t(a[i]) - (i < b.size() ? std::int64_t(b[i]) : 0) - borrow;
            borrow = t < 0;
            if (t < 0)
                t += std::int64_t(1) << 32;
            r[i] = std::uint32_t(t);
        }
        trim(r);
        return r;
    }

    BigInt::Mag BigInt::mul_mag(const Mag& a, const Mag& b)
    {
        if (a.empty() || b.empty())
            return {};
        Mag r(a.size() + b.size());
        for (std::size_t i = 0; i < a.size(); ++i)
        {
            std::uint64_t carry = 0;
            const std::uint64_t ai = a[i];
            for (std::size_t j = 0; j < b.size(); ++j)
            {
                const std::uint64_t t = ai * b[j] + r[i + j] + carry;
                r[i + j] = std::uint32_t(t);
                carry = t >> 32;
            }
            std::size_t k = i + b.size();
            while (carry)
            {
                const std::uint64_t t = std::uint64_t(r[k]) + carry;
                r[k++] = std::uint32_t(t);
                carry = t >> 32;
            }
        }
        trim(r);
        return r;
    }

    BigInt operator+(const BigInt& a, const BigInt& b)
    {
        BigInt r;
        if (a.m_neg == b.m_neg)
        {
            r.m_mag = BigInt::add_mag(a.m_mag, b.m_mag);
            r.m_neg = a.m_neg;
        }
        else if (BigInt::compare_mag(a.m_mag, b.m_mag) >= 0)
        {
            r.m_mag = BigInt::sub_mag(a.m_mag, b.m_mag);
            r.m_neg = a.m_neg;
        }
        else
        {
            r.m_mag = BigInt::sub_mag(b.m_mag, a.m_mag);
            r.m_neg = b.m_neg;
        }
        if (r.m_mag.empty())
            r.m_neg = false;
        return r;
    }

    BigInt operator-(const BigInt& a, const BigInt& b) { return a + (-b); }

    BigInt operator*(const BigInt& a, const BigInt& b)
    {
        BigInt r;
        r.m_mag = BigInt::mul_mag(a.m_mag, b.m_mag);
        r.m_neg = !r.m_mag.empty() && a.m_neg != b.m_neg;
        return r;
    }

    void BigInt::divmod_mag(const Mag& a, const Mag& b, Mag& q, Mag& r)
    {
        if (compare_mag(a, b) < 0)
        {
            q.clear();
            r = a;
            return;
        }
        if (b.size() == 1)
        {
            q = a;
            const std::uint32_t rem = divmod_small(q, b[0]);
            r.clear();
            if (rem)
                r.push_back(rem);
            return;
        }
        // Knuth, TAOCP vol. 2, 4.3.1, algorithm D, with 32-bit digits.
        int shift = 0;
        for (std::uint32_t top = b.back(); !(top & 0x80000000u); top <<= 1)
            ++shift;
        Mag u(a.size() + 1), v(b.size());
        for (std::size_t i = 0; i < b.size(); ++i)
            v[i] = (b[i] << shift) | (shift && i ? b[i - 1] >> (32 - shift) : 0);
        for (std::size_t i = 0; i < a.size(); ++i)
            u[i] = (a[i] << shift) | (shift && i ? a[i - 1] >> (32 - shift) : 0);
        u[a.size()] = shift ? a.back() >> (32 - shift) : 0;
        const std::size_t n = v.size(), m = a.size() - n;
        q.assign(m + 1, 0);
        const std::uint64_t base = std::uint64_t(1) << 32;
        for (std::size_t j = m + 1; j-- > 0;)
        {
            const std::uint64_t num = (std::uint64_t(u[j + n]) << 32) | u[j + n - 1];
            std::uint64_t qhat = num / v[n - 1], rhat = num % v[n - 1];
            while (qhat >= base || qhat * v[n - 2] > ((rhat << 32) | u[j + n - 2]))
            {
                --qhat;
                rhat += v[n - 1];
                if (rhat >= base)
                    break;
            }
            std::int64_t borrow = 0;
            std::uint64_t carry = 0;
            for (std::size_t i = 0; i < n; ++i)
            {
                const std::uint64_t p = qhat * v[i] + carry;
                carry = p >> 32;
                const std::int64_t t = std::int64_t(u[i + j]) - borrow - std::int64_t(p & 0xffffffffu);
                u[i + j] = std::uint32_t(t);
                borrow = t < 0 ? 1 : 0;
            }
            const std::int64_t t = std::int64_t(u[j + n]) - borrow - std::int64_t(carry);
            u[j + n] = std::uint32_t(t);
            if (t < 0)
            {
                // qhat was one too large: add v back.
                --qhat;
                std::uint64_t c = 0;
                for (std::size_t i = 0; i < n; ++i)
                {
                    const std::uint64_t s = std::uint64_t(u[i + j]) + v[i] + c;
                    u[i + j] = std::uint32_t(s);
                    c = s >> 32;
                }
                u[j + n] += std::uint32_t(c);
            }
            q[j] = std::uint32_t(qhat);
        }
        trim(q);
        r.assign(n, 0);
        for (std::size_t i = 0; i < n; ++i)
            r[i] = (u[i] >> shift) | (shift ? std::uint32_t(std::uint64_t(u[i + 1]) << (32 - shift)) : 0);
        trim(r);
    }

    void BigInt::divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r)
    {
        Mag qm, rm;
        divmod_mag(a.m_mag, b.m_mag, qm, rm);
        BigInt quot, rem;
        quot.m_mag = std::move(qm);
        quot.m_neg = !quot.m_mag.empty() && a.m_neg != b.m_neg;
        rem.m_mag = std::move(rm);
        rem.m_neg = !rem.m_mag.empty() && a.m_neg;
        // Truncated to floored: when the remainder's sign differs from b's.
        if (!rem.is_zero() && rem.m_neg != b.m_neg)
        {
            quot = quot - from_int64(1);
            rem = rem + b;
        }
        if (q)
            *q = std::move(quot);
        if (r)
            *r = std::move(rem);
    }

    int BigInt::compare(const BigInt& a, const BigInt& b)
    {
        if (a.m_neg != b.m_neg)
            return a.m_neg ? -1 : 1;
        const int c = compare_mag(a.m_mag, b.m_mag);
        return a.m_neg ? -c : c;
    }

    int BigInt::compare(const BigInt& a, double d)
    {
        if (std::isinf(d))
            return d > 0 ? -1 : 1;
        const double fl = std::floor(d);
        const int c = compare(a, from_double(fl));
        if (c != 0 || fl == d)
            return c;
        return -1;  // a == floor(d) < d
    }

    bool BigInt::true_divide(const BigInt& a, const BigInt& b, double& out)
    {
        const bool neg = a.m_neg != b.m_neg;
        BigInt x = a, y = b;
        x.m_neg = y.m_neg = false;
        if (x.is_zero())
        {
            out = neg ? -0.0 : 0.0;
            return true;
        }
        const long na = long(x.bit_length()), nb = long(y.bit_length());
        // Scale so the quotient has 55 or 56 bits, or so it is in units of 2^-1074
        // when the result is subnormal; the remainder decides the last bit.
        long k = 55 + nb - na;
        const bool tiny = k > 1074;
        if (tiny)
            k = 1074;
        if (na - nb > 1025)
            return false;
        BigInt q, r;
        if (k >= 0)
            divmod(x.shift_left(std::size_t(k)), y, &q, &r);
        else
            divmod(x, y.shift_left(std::size_t(-k)), &q, &r);
        double qd;
        if (tiny)
        {
            // Round q to an integer, half to even, then scale exactly.
            const int c = compare(r.shift_left(1), k >= 0 ? y : y.shift_left(std::size_t(-k)));
            if (c > 0 || (c == 0 && q.is_odd()))
                q = q + from_int64(1);
            q.to_double(qd);
        }
        else
        {
            std::uint64_t mag = 0;
            for (std::size_t i = q.m_mag.size(); i-- > 0;)
                mag = (mag << 32) | q.m_mag[i];
            if (!r.is_zero())
                mag |= 1;
            qd = double(mag);
        }
        const double res = std::ldexp(qd, int(-k));
        if (std::isinf(res))
            return false;
        out = neg ? -res : res;
        return true;
    }

    BigInt BigInt::pow(const BigInt& base, std::uint64_t exp)
    {
        BigInt result = from_int64(1), b = base;
        while (exp)
        {
            if (exp & 1)
                result = result * b;
            exp >>= 1;
            if (exp)
                b = b * b;
        }
        return result;
    }

    BigInt BigInt::pow_mod(const BigInt& base, const BigInt& exp, const BigInt& mod)
    {
        BigInt result = from_int64(1), b;
        divmod(base, mod, nullptr, &b);
        divmod(result, mod, nullptr, &result);
        const std::size_t bits = exp.bit_length();
        for (std::size_t i = 0; i < bits; ++i)
        {
            if ((exp.m_mag[i / 32] >> (i % 32)) & 1u)
                divmod(result * b, mod, nullptr, &result);
            if (i + 1 < bits)
                divmod(b * b, mod, nullptr, &b);
        }
        return result;
    }

    BigInt BigInt::shift_left(std::size_t bits) const
    {
        if (m_mag.empty())
            return *this;
        BigInt r;
        r.m_neg = m_neg;
        const std::size_t limbs = bits / 32, rest = bits % 32;
        r.m_mag.assign(limbs, 0);
        std::uint32_t carry = 0;
        for (std::uint32_t limb : m_mag)
        {
            r.m_mag.push_back((limb << rest) | carry);
            carry = rest ? limb >> (32 - rest) : 0;
        }
        if (carry)
            r.m_mag.push_back(carry);
        return r;
    }

    BigInt BigInt::shift_right(std::size_t bits) const
    {
        const std::size_t limbs = bits / 32, rest = bits % 32;
        BigInt r;
        bool lost = false;  // any 1 bit shifted out (floor for negatives)
        for (std::size_t i = 0; i < std::min(limbs, m_mag.size()); ++i)
            lost = lost || m_mag[i];
        if (limbs < m_mag.size())
        {
            if (rest)
                lost = lost || (m_mag[limbs] & ((1u << rest) - 1));
            for (std::size_t i = limbs; i < m_mag.size(); ++i)
            {
                const std::uint32_t hi = i + 1 < m_mag.size() ? m_mag[i + 1] : 0;
                r.m_mag.push_back(rest ? (m_mag[i] >> rest) | std::uint32_t(std::uint64_t(hi) << (32 - rest))
                                       : m_mag[i]);
            }
            trim(r.m_mag);
        }
        r.m_neg = m_neg && !r.m_mag.empty();
        if (m_neg && lost)
            r = r - from_int64(1);
        return r;
    }

    BigInt::Mag BigInt::twos(std::size_t n) const
    {
        Mag m(n, 0);
        std::copy(m_mag.begin(), m_mag.end(), m.begin());
        if (m_neg)
        {
            std::uint64_t carry = 1;
            for (auto& limb : m)
            {
                const std::uint64_t t = std::uint64_t(std::uint32_t(~limb)) + carry;
                limb = std::uint32_t(t);
                carry = t >> 32;
            }
        }
        return m;
    }

    BigInt BigInt::from_twos(Mag m)
    {
        BigInt r;
        const bool neg = !m.empty() && (m.back() & 0x80000000u);
        if (neg)
        {
            std::uint64_t carry = 1;
            for (auto& limb : m)
            {
                const std::uint64_t t = std::uint64_t(std::uint32_t(~limb)) + carry;
                limb = std::uint32_t(t);
                carry = t >> 32;
            }
        }
        trim(m);
        r.m_mag = std::move(m);
        r.m_neg = neg && !r.m_mag.empty();
        return r;
    }

    BigInt BigInt::bitwise(const BigInt& a, const BigInt& b, char op)
    {
        const std::size_t n = std::max(a.m_mag.size(), b.m_mag.size()) + 1;
        Mag x = a.twos(n), y = b.twos(n);
        for (std::size_t i = 0; i < n; ++i)
            x[i] = op == '&' ? x[i] & y[i] : op == '|' ? x[i] | y[i] : x[i] ^ y[i];
        return from_twos(std::move(x));
    }

    BigInt operator&(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, '&'); }
    BigInt operator|(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, '|'); }
    BigInt operator^(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, '^'); }

    std::int64_t BigInt::hash() const
    {
        // Horner's rule modulo the Mersenne prime 2^61 - 1, as CPython's long_hash.
        constexpr std::uint64_t modulus = (std::uint64_t(1) << 61) - 1;
        std::uint64_t h = 0;
        for (std::size_t i = m_mag.size(); i-- > 0;)
        {
            // h = h * 2^32 + limb (mod 2^61 - 1), by rotating 61-bit h left by 32.
            h = ((h << 32) & modulus) | (h >> 29);
            h += m_mag[i];
            if (h >= modulus)
                h -= modulus;
        }
        std::int64_t r = std::int64_t(h);
        if (m_neg)
            r = -r;
        if (r == -1)
            r = -2;
        return r;
    }
}
