// A small arbitrary-precision integer for Python's int beyond int64: sign and
// magnitude in 32-bit limbs, schoolbook multiplication, Knuth's division.
// Python's semantics throughout: floor division, modulo with the divisor's sign,
// shifts and bitwise operators on infinite two's complement, correctly rounded
// conversion to float and true division.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nl::py
{
    class BigInt
    {
    public:
        BigInt() = default;
        static BigInt from_int64(std::int64_t v);
        static BigInt from_uint64(std::uint64_t v, bool negative = false);
        /// The integer part of a finite double (truncated toward zero).
        static BigInt from_double(double v);
        /// Digits in `base` (2..36), no sign, no underscores; false on a bad digit.
        static bool parse(std::string_view digits, int base, BigInt& out);

        bool is_zero() const { return m_mag.empty(); }
        bool negative() const { return m_neg; }
        int sign() const { return m_mag.empty() ? 0 : (m_neg ? -1 : 1); }
        std::size_t limbs() const { return m_mag.size(); }
        std::size_t bit_length() const;
        bool fits_int64() const;
        /// Only when fits_int64().
        std::int64_t to_int64() const;
        /// Correctly rounded (half to even); false when too large for a double.
        bool to_double(double& out) const;
        /// Decimal digits with a leading '-' when negative.
        std::string to_string() const;
        /// Digits in base 2, 8 or 16 (lower case), sign first, no prefix.
        std::string to_string_pow2(int base) const;
        /// Decimal digits the value has (without sign), cheaply bounded from above.
        std::size_t decimal_digits_upper_bound() const;
        bool is_odd() const { return !m_mag.empty() && (m_mag[0] & 1u); }

        BigInt operator-() const;
        friend BigInt operator+(const BigInt& a, const BigInt& b);
        friend BigInt operator-(const BigInt& a, const BigInt& b);
        friend BigInt operator*(const BigInt& a, const BigInt& b);
        /// Floor division and modulo (sign of b); b must not be zero.
        static void divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r);
        static int compare(const BigInt& a, const BigInt& b);
        /// Exact comparison with a finite double: -1, 0 or 1.
        static int compare(const BigInt& a, double d);
        /// a / b correctly rounded; false on overflow. b must not be zero.
        static bool true_divide(const BigInt& a, const BigInt& b, double& out);
        static BigInt pow(const BigInt& base, std::uint64_t exp);
        /// (base ** exp) % mod, exp >= 0, mod != 0, result with mod's sign.
        static BigInt pow_mod(const BigInt& base, const BigInt& exp, const BigInt& mod);
        BigInt shift_left(std::size_t bits) const;
        /// Floor shift (as Python's >> on negative numbers).
        BigInt shift_right(std::size_t bits) const;
        friend BigInt operator&(const BigInt& a, const BigInt& b);
        friend BigInt operator|(const BigInt& a, const BigInt& b);
        friend BigInt operator^(const BigInt& a, const BigInt& b);
        BigInt invert() const { return -(*this) - from_int64(1); }
        /// Python's hash: the value modulo 2**61 - 1, with the sign.
        std::int64_t hash() const;

    private:
        using Mag = std::vector<std::uint32_t>;
        static int compare_mag(const Mag& a, const Mag& b);
        static Mag add_mag(const Mag& a, const Mag& b);
        static Mag sub_mag(const Mag& a, const Mag& b);  // |a| >= |b|
        static Mag mul_mag(const Mag& a, const Mag& b);
        static void divmod_mag(const Mag& a, const Mag& b, Mag& q, Mag& r);
        static std::uint32_t divmod_small(Mag& a, std::uint32_t d);  // a /= d, returns remainder
        static void trim(Mag& m);
        /// Two's complement in `n` limbs (n large enough for the sign bit).
        Mag twos(std::size_t n) const;
        static BigInt from_twos(Mag m);
        static BigInt bitwise(const BigInt& a, const BigInt& b, char op);

        bool m_neg = false;
        Mag m_mag;
    };
}
