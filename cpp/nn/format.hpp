// Number formatting for what widgets display, identical to Python's
// f"{value:.{digits}f}" (correctly rounded, ties to even on the exact binary value).
#pragma once

#include <cstddef>
#include <string>

namespace nl
{
    /// f"{value:.{digits}f}"; digits is clamped to [0, limits::max_digits].
    std::string format_fixed(double value, int digits);

    /// The values formatted as above, joined by single spaces: "4.800 1.210 2.385".
    std::string format_fixed(const double* values, std::size_t count, int digits);
}
