// The element types of the interpreter's ndarray, ordered as NumPy promotes
// them (bool < int64 < float64).
#pragma once

#include <cstdint>

namespace nl::py
{
    enum class dtype : std::uint8_t
    {
        bool_,
        int64,
        float64
    };

    /// The name NumPy prints: "bool", "int64", "float64".
    inline const char* dtype_name(dtype t)
    {
        switch (t)
        {
            case dtype::bool_: return "bool";
            case dtype::int64: return "int64";
            case dtype::float64: return "float64";
        }
        return "float64";
    }

    /// The type both operands of a binary operation are converted to.
    inline dtype promote(dtype a, dtype b) { return a > b ? a : b; }
}
