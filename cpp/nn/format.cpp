#include "format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "limits.hpp"

namespace nl
{
    std::string format_fixed(double value, int digits)
    {
        digits = std::clamp(digits, 0, limits::max_digits);
        if (std::isnan(value))
            return "nan";  // printf may say "-nan"; Python never does
        // printf's %.*f rounds the exact binary value half to even, as Python does.
        char small[64];
        const int needed = std::snprintf(small, sizeof small, "%.*f", digits, value);
        if (needed < static_cast<int>(sizeof small))
            return small;
        std::string text(static_cast<std::size_t>(needed) + 1, '\0');  // up to ~330 digits for 1e308
        std::snprintf(text.data(), text.size(), "%.*f", digits, value);
        text.resize(static_cast<std::size_t>(needed));
        return text;
    }

    std::string format_fixed(const double* values, std::size_t count, int digits)
    {
        std::string text;
        for (std::size_t i = 0; i < count; ++i)
        {
            if (i)
                text += ' ';
            text += format_fixed(values[i], digits);
        }
        return text;
    }
}
