// Decimal text for float64 values, exactly as CPython and NumPy write it, without
// std::to_chars (Emscripten 3.1.6's libc++ has none for floating point).
//
// One digit generator serves everything: the exact binary value v = m * 2^e is
// held as big integers (value, scale and the two half-gaps to the neighbouring
// doubles), and decimal digits are peeled off one at a time (Steele & White,
// Burger & Dybvig, in the variant NumPy's dragon4.c uses). In "shortest" mode it
// stops as soon as the digits identify the double; in "exact" mode it keeps
// going until a cutoff and rounds the exact value half to even.
#pragma once

#include <string>

namespace nl::py
{
    /// repr(x) of CPython 3.11: the shortest digits that read back as x, the
    /// nearest such when several are shortest; positional for 1e-4 <= |x| < 1e16
    /// ("0.0001", "1000000000000000.0"), else exponent form ("1e-05", "1e+16",
    /// "1.5e+300"); "inf", "-inf", "nan", "-0.0".
    std::string float_repr(double x);

    /// The decimal digits of a finite, non-negative double and the power of ten
    /// of the first one: value ~ 0.d1d2d3... * 10^(exponent + 1).
    struct decimal_digits
    {
        std::string digits;  // at least one digit; "0" for zero
        int exponent = 0;    // decimal exponent of digits[0]
    };

    /// How far digit generation may go.
    enum class cutoff_mode
    {
        total_length,    // at most `cutoff` significant digits
        fraction_length  // at most `cutoff` digits after the decimal point
    };

    /// The digit generator of NumPy's dragon4.c, for |value| (the sign is ignored).
    /// unique: stop at the shortest digits that identify the double (ties of the
    /// last digit to even), else print the exact binary value.
    /// cutoff < 0: no cutoff (unique mode only). min_digits >= 0 (unique mode):
    /// keep generating until that many digits (counted as cutoff is) exist,
    /// rounding the last one half to even.
    decimal_digits dragon4_digits(double value, bool unique, cutoff_mode mode, int cutoff,
                                  int min_digits = -1);

    /// NumPy's trim argument of format_float_positional / format_float_scientific.
    enum class trim_mode
    {
        keep,            // 'k': keep trailing zeros and the decimal point
        zeros,           // '.': trim trailing zeros, keep the point ("1.")
        leave_one_zero,  // '0': trim, but leave one zero after the point ("1.0")
        point_and_zeros  // '-': trim trailing zeros and the point ("1")
    };

    /// The arguments of np.format_float_positional / np.format_float_scientific
    /// (-1 means None).
    struct float_format_options
    {
        int precision = -1;
        bool unique = true;
        bool fractional = true;  // positional only: precision counts fraction digits
        trim_mode trim = trim_mode::keep;
        bool sign = false;       // '+' on positive values
        int pad_left = -1;
        int pad_right = -1;      // positional only
        int exp_digits = -1;     // scientific only
        int min_digits = -1;
    };

    /// np.format_float_positional(x, ...) for a float64.
    std::string format_float_positional(double x, const float_format_options& options);

    /// np.format_float_scientific(x, ...) for a float64.
    std::string format_float_scientific(double x, const float_format_options& options);

    /// str(np.float64(x)) of NumPy 1.24 (also its repr): positional with trim '0'
    /// for 1e-4 <= |x| < 1e16 and zero, else scientific with trim '-'.
    std::string numpy_float64_str(double x);
}
