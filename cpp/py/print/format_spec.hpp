// Python's format-spec mini-language (format(x, spec), f"{x:spec}",
// str.format) for float, int and str values, exactly as CPython 3.11 writes
// them: [[fill]align][sign][z][#][0][width][,|_][.precision][type].
//
// Pure functions: an int arrives as its decimal text, so any size works and no
// integer type is imposed on the caller.
#pragma once

#include <string>
#include <string_view>

namespace nl::py
{
    /// The formatted text, or the exception CPython raises instead.
    struct format_outcome
    {
        std::string text;
        std::string error_type;  // "ValueError" or "OverflowError"; empty on success
        std::string message;
        bool ok() const { return error_type.empty(); }
    };

    /// format(x, spec) for a float x.
    format_outcome format_float(double x, std::string_view spec);

    /// format(n, spec) for an int n given as decimal text ("-123"). Float
    /// presentation types (e, f, g, %, ...) convert it with float(n), so a value
    /// beyond float range raises OverflowError as Python does.
    format_outcome format_int(std::string_view decimal, std::string_view spec);

    /// format(s, spec) for a str s (UTF-8; widths count code points).
    format_outcome format_str(std::string_view s, std::string_view spec);
}
