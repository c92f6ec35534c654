#include "float_repr.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace nl::py
{
    namespace
    {
        // An unsigned big integer in 32-bit limbs, least significant first. The
        // largest number the digit generator meets is about 2^1200 (a subnormal
        // times 10^340), so a fixed array keeps it free of allocation.
        class big
        {
        public:
            static constexpr int capacity = 80;

            void set(std::uint64_t v)
            {
                m_size = 0;
                while (v)
                {
                    m_limbs[m_size++] = static_cast<std::uint32_t>(v);
                    v >>= 32;
                }
            }

            void set_pow2(int k)
            {
                const int limb = k / 32;
                std::fill(m_limbs, m_limbs + limb, 0u);
                m_limbs[limb] = 1u << (k % 32);
                m_size = limb + 1;
            }

            bool zero() const { return m_size == 0; }
            int size() const { return m_size; }
            std::uint32_t limb(int i) const { return i < m_size ? m_limbs[i] : 0u; }

            void shift_left(int bits)
            {
                if (zero() || bits == 0)
                    return;
                const int limbs = bits / 32, rest = bits % 32;
                int top = m_size + limbs;
                m_limbs[top] = 0;
                for (int i = m_size - 1; i >= 0; --i)
                {
                    const std::uint32_t v = m_limbs[i];
                    if (rest)
                    {
                        m_limbs[i + limbs + 1] |= v >> (32 - rest);
                        m_limbs[i + limbs] = v << rest;
                    }
                    else
                        m_limbs[i + limbs] = v;
                }
                std::fill(m_limbs, m_limbs + limbs, 0u);
                m_size = top + 1;
                trim();
            }

            void multiply(std::uint32_t factor)
            {
                std::uint64_t carry = 0;
                for (int i = 0; i < m_size; ++i)
                {
                    const std::uint64_t p = std::uint64_t(m_limbs[i]) * factor + carry;
                    m_limbs[i] = static_cast<std::uint32_t>(p);
                    carry = p >> 32;
                }
                if (carry)
                    m_limbs[m_size++] = static_cast<std::uint32_t>(carry);
            }

            void multiply_pow10(int k)
            {
                for (; k >= 9; k -= 9)
                    multiply(1000000000u);
                static constexpr std::uint32_t small[] = {1, 10, 100, 1000, 10000, 100000, 1000000,
                                                          10000000, 100000000};
                if (k > 0)
                    multiply(small[k]);
            }

            /// this = a + b.
            void sum(const big& a, const big& b)
            {
                const int n = std::max(a.m_size, b.m_size);
                std::uint64_t carry = 0;
                for (int i = 0; i < n; ++i)
                {
                    const std::uint64_t s = std::uint64_t(a.limb(i)) + b.limb(i) + carry;
                    m_limbs[i] = static_cast<std::uint32_t>(s);
                    carry = s >> 32;
                }
                m_size = n;
                if (carry)
                    m_limbs[m_size++] = 1;
            }

            /// this -= b, for b <= this.
            void subtract(const big& b)
            {
                std::int64_t borrow = 0;
                for (int i = 0; i < m_size; ++i)
                {
                    std::int64_t d = std::int64_t(m_limbs[i]) - b.limb(i) - borrow;
                    borrow = d < 0;
                    m_limbs[i] = static_cast<std::uint32_t>(d + (borrow << 32));
                }
                trim();
            }

            friend int compare(const big& a, const big& b)
            {
                if (a.m_size != b.m_size)
                    return a.m_size < b.m_size ? -1 : 1;
                for (int i = a.m_size - 1; i >= 0; --i)
                    if (a.m_limbs[i] != b.m_limbs[i])
                        return a.m_limbs[i] < b.m_limbs[i] ? -1 : 1;
                return 0;
            }

            /// Replaces this by this mod s and returns this / s, for this < 10 s,
            /// where s's top limb has its highest bit at position 27: then the
            /// estimate from the top limbs is the quotient or one below it.
            std::uint32_t divide_digit(const big& s)
            {
                const int n = s.m_size;
                std::uint32_t q = limb(n - 1) / (s.m_limbs[n - 1] + 1);
                if (q)
                {
                    std::uint64_t carry = 0;
                    std::int64_t borrow = 0;
                    for (int i = 0; i < n; ++i)
                    {
                        const std::uint64_t p = std::uint64_t(s.m_limbs[i]) * q + carry;
                        carry = p >> 32;
                        std::int64_t d = std::int64_t(limb(i)) - std::int64_t(p & 0xffffffffu) - borrow;
                        borrow = d < 0;
                        m_limbs[i] = static_cast<std::uint32_t>(d + (borrow << 32));
                    }
                    trim();
                }
                while (compare(*this, s) >= 0)
                {
                    subtract(s);
                    ++q;
                }
                return q;
            }

        private:
            void trim()
            {
                while (m_size > 0 && m_limbs[m_size - 1] == 0)
                    --m_size;
            }

            std::uint32_t m_limbs[capacity + 1] = {};
            int m_size = 0;
        };

        int highest_bit(std::uint32_t v)
        {
            int b = -1;
            while (v)
            {
                v >>= 1;
                ++b;
            }
            return b;
        }

        std::string zeros(int n) { return n > 0 ? std::string(static_cast<std::size_t>(n), '0') : std::string(); }
        std::string spaces(int n) { return n > 0 ? std::string(static_cast<std::size_t>(n), ' ') : std::string(); }

        // inf and nan as NumPy prints them (nan never carries a sign).
        std::string inf_nan(double x, bool plus)
        {
            if (std::isnan(x))
                return "nan";
            return (std::signbit(x) ? "-" : plus ? "+" : "") + std::string("inf");
        }

        std::string sign_of(double x, bool plus) { return std::signbit(x) ? "-" : plus ? "+" : ""; }
    }

    decimal_digits dragon4_digits(double value, bool unique, cutoff_mode mode, int cutoff, int min_digits)
    {
        std::uint64_t bits;
        std::memcpy(&bits, &value, sizeof bits);
        const std::uint64_t fraction = bits & ((std::uint64_t(1) << 52) - 1);
        const int biased = static_cast<int>((bits >> 52) & 0x7ff);

        std::uint64_t mantissa;
        int exponent, mantissa_bit;
        bool unequal_margins;
        if (biased != 0)
        {
            mantissa = fraction | (std::uint64_t(1) << 52);
            exponent = biased - 1075;
            mantissa_bit = 52;
            // At a power of two the gap below is half the gap above.
            unequal_margins = biased != 1 && fraction == 0;
        }
        else
        {
            mantissa = fraction;
            exponent = -1074;
            mantissa_bit = highest_bit(static_cast<std::uint32_t>(fraction >> 32));
            mantissa_bit = mantissa_bit >= 0 ? mantissa_bit + 32 : highest_bit(static_cast<std::uint32_t>(fraction));
            unequal_margins = false;
        }
        if (mantissa == 0)
            return {"0", 0};
        // A double exactly halfway between two decimals reads back to the even
        // mantissa, so the interval's ends belong to it when the mantissa is even.
        const bool even = (mantissa & 1) == 0;

        // value = r / s; the neighbours are half a gap below (r - low) / s and
        // above (r + high) / s.
        big r, s, low, high;
        r.set(mantissa);
        const int extra = unequal_margins ? 2 : 1;
        if (exponent > 0)
        {
            r.shift_left(exponent + extra);
            s.set(std::uint64_t(1) << extra);
            low.set_pow2(exponent);
        }
        else
        {
            r.shift_left(extra);
            s.set_pow2(-exponent + extra);
            low.set(1);
        }
        high = low;
        if (unequal_margins)
            high.shift_left(1);

        // k: the decimal exponent just above the value (v < 10^k), estimated as
        // NumPy does (correct or one too low), and kept no lower than the first
        // digit a fraction cutoff allows.
        int k = static_cast<int>(std::ceil(double(mantissa_bit + exponent) * 0.30102999566398119521373889472449 - 0.69));
        if (cutoff >= 0 && mode == cutoff_mode::fraction_length && k <= -cutoff)
            k = -cutoff + 1;
        if (k > 0)
            s.multiply_pow10(k);
        else if (k < 0)
        {
            r.multiply_pow10(-k);
            low.multiply_pow10(-k);
            high.multiply_pow10(-k);
        }
        if (compare(r, s) >= 0)
            ++k;
        else
        {
            r.multiply(10);
            low.multiply(10);
            high.multiply(10);
        }

        int cutoff_exponent = INT_MIN;  // the exponent of the last digit allowed
        if (cutoff >= 0)
            cutoff_exponent = mode == cutoff_mode::total_length ? k - cutoff : -cutoff;
        int min_exponent = k;  // the exponent the digits must reach at least
        if (min_digits >= 0)
            min_exponent = std::min(k, mode == cutoff_mode::total_length ? k - min_digits : -min_digits);

        decimal_digits out;
        out.exponent = k - 1;

        // Scale everything so that s's top limb has its highest bit at 27, which
        // makes each digit's quotient estimate exact or one short.
        const int shift = (32 + 27 - highest_bit(s.limb(s.size() - 1))) % 32;
        s.shift_left(shift);
        r.shift_left(shift);
        low.shift_left(shift);
        high.shift_left(shift);

        bool near_low = false, near_high = false;
        std::uint32_t digit;
        if (unique)
        {
            big upper;
            for (;;)
            {
                --k;
                digit = r.divide_digit(s);
                upper.sum(r, high);
                const int c_low = compare(r, low), c_high = compare(upper, s);
                near_low = even ? c_low <= 0 : c_low < 0;
                near_high = even ? c_high >= 0 : c_high > 0;
                if (((near_low || near_high) && k <= min_exponent) || k == cutoff_exponent)
                    break;
                out.digits += static_cast<char>('0' + digit);
                r.multiply(10);
                low.multiply(10);
                high.multiply(10);
            }
        }
        else
        {
            for (;;)
            {
                --k;
                digit = r.divide_digit(s);
                if (r.zero() || k == cutoff_exponent)
                    break;
                out.digits += static_cast<char>('0' + digit);
                r.multiply(10);
            }
        }

        // The last digit: down when only the lower neighbour is near, up when
        // only the upper one is; otherwise to the nearer of the two, ties to even.
        bool down = near_low;
        if (near_low == near_high)
        {
            r.shift_left(1);
            const int c = compare(r, s);
            down = c < 0 || (c == 0 && (digit & 1) == 0);
        }
        if (down)
            out.digits += static_cast<char>('0' + digit);
        else if (digit < 9)
            out.digits += static_cast<char>('0' + digit + 1);
        else
        {
            // Carry through trailing nines; all nines become a 1 one place up.
            while (!out.digits.empty() && out.digits.back() == '9')
                out.digits.pop_back();
            if (out.digits.empty())
            {
                out.digits = "1";
                ++out.exponent;
            }
            else
                ++out.digits.back();
        }
        return out;
    }

    std::string float_repr(double x)
    {
        if (std::isnan(x))
            return "nan";
        if (std::isinf(x))
            return x < 0 ? "-inf" : "inf";
        std::string out = std::signbit(x) ? "-" : "";
        if (x == 0)
            return out + "0.0";
        const decimal_digits d = dragon4_digits(x, true, cutoff_mode::total_length, -1);
        const int n = static_cast<int>(d.digits.size());
        const int point = d.exponent + 1;  // digits before the decimal point
        if (point > -4 && point <= 16)
        {
            if (point <= 0)
                out += "0." + zeros(-point) + d.digits;
            else if (point >= n)
                out += d.digits + zeros(point - n) + ".0";
            else
                out += d.digits.substr(0, static_cast<std::size_t>(point)) + "." + d.digits.substr(static_cast<std::size_t>(point));
            return out;
        }
        out += d.digits[0];
        if (n > 1)
            out += "." + d.digits.substr(1);
        const int e = d.exponent;
        out += e < 0 ? "e-" : "e+";
        const int a = std::abs(e);
        if (a < 10)
            out += '0';
        out += std::to_string(a);
        return out;
    }

    std::string format_float_positional(double x, const float_format_options& o)
    {
        if (!std::isfinite(x))
            return inf_nan(x, o.sign);
        const std::string sign = sign_of(x, o.sign);
        const int has_sign = sign.empty() ? 0 : 1;
        const cutoff_mode mode = o.fractional ? cutoff_mode::fraction_length : cutoff_mode::total_length;
        const decimal_digits d = dragon4_digits(x, o.unique, mode, o.precision, o.min_digits);
        const int n = static_cast<int>(d.digits.size());

        std::string out = sign;
        int whole, fraction = 0;
        if (d.exponent >= 0)
        {
            whole = d.exponent + 1;
            if (n <= whole)
                out += d.digits + zeros(whole - n);
            else
            {
                out += d.digits.substr(0, static_cast<std::size_t>(whole)) + "." + d.digits.substr(static_cast<std::size_t>(whole));
                fraction = n - whole;
            }
        }
        else
        {
            const int leading = -(d.exponent + 1);
            out += "0." + zeros(leading) + d.digits;
            fraction = leading + n;
            whole = 1;
        }
        if (o.trim != trim_mode::point_and_zeros && fraction == 0)
            out += '.';

        const int wanted = o.unique ? o.min_digits : o.precision;
        const int target = mode == cutoff_mode::total_length ? wanted - whole : std::max(wanted, 0);
        if (o.trim == trim_mode::leave_one_zero)
        {
            if (fraction == 0)
            {
                out += '0';
                ++fraction;
            }
        }
        else if (o.trim == trim_mode::keep && target > fraction)
        {
            out += zeros(target - fraction);
            fraction = target;
        }
        if (o.trim != trim_mode::keep && fraction > 0)
        {
            while (out.back() == '0')
            {
                out.pop_back();
                --fraction;
            }
            if (out.back() == '.')
            {
                if (o.trim == trim_mode::leave_one_zero)
                {
                    out += '0';
                    ++fraction;
                }
                else if (o.trim == trim_mode::point_and_zeros)
                    out.pop_back();
            }
        }
        if (o.pad_right >= fraction)
        {
            if (o.trim == trim_mode::point_and_zeros && fraction == 0)
                out += ' ';
            out += spaces(o.pad_right - fraction);
        }
        if (o.pad_left > whole + has_sign)
            out = spaces(o.pad_left - whole - has_sign) + out;
        return out;
    }

    std::string format_float_scientific(double x, const float_format_options& o)
    {
        if (!std::isfinite(x))
            return inf_nan(x, o.sign);
        const std::string sign = sign_of(x, o.sign);
        std::string out = spaces(o.pad_left - 1 - (sign.empty() ? 0 : 1)) + sign;
        const decimal_digits d = dragon4_digits(x, o.unique, cutoff_mode::total_length,
                                                o.precision < 0 ? -1 : o.precision + 1,
                                                o.min_digits < 0 ? -1 : o.min_digits + 1);
        out += d.digits[0];
        int fraction = static_cast<int>(d.digits.size()) - 1;
        if (fraction > 0)
            out += "." + d.digits.substr(1);
        if (o.trim != trim_mode::point_and_zeros && fraction == 0)
            out += '.';

        const int wanted = std::max(o.unique ? o.min_digits : o.precision, 0);
        if (o.trim == trim_mode::leave_one_zero)
        {
            if (fraction == 0)
            {
                out += '0';
                ++fraction;
            }
        }
        else if (o.trim == trim_mode::keep && wanted > fraction)
        {
            out += zeros(wanted - fraction);
            fraction = wanted;
        }
        if (o.trim != trim_mode::keep && fraction > 0)
        {
            while (out.back() == '0')
                out.pop_back();
            if (o.trim == trim_mode::leave_one_zero && out.back() == '.')
                out += '0';
        }

        // The exponent with at least exp_digits digits (NumPy strips leading zeros
        // down to exactly that many, even to none for exp_digits=0).
        const std::size_t exp_digits = o.exp_digits < 0 ? 2 : static_cast<std::size_t>(std::min(o.exp_digits, 5));
        std::string e = std::to_string(std::abs(d.exponent));
        e = zeros(5 - static_cast<int>(e.size())) + e;
        while (e.size() > exp_digits && e[0] == '0')
            e.erase(0, 1);
        out += d.exponent < 0 ? "e-" : "e+";
        return out + e;
    }

    std::string numpy_float64_str(double x)
    {
        const double a = std::fabs(x);
        float_format_options o;
        if (std::isnan(x) || x == 0 || (a < 1e16 && a >= 1e-4))
        {
            o.fractional = false;
            o.trim = trim_mode::leave_one_zero;
            return format_float_positional(x, o);
        }
        o.trim = trim_mode::point_and_zeros;
        return format_float_scientific(x, o);
    }
}
