// NumPy 1.24's array printing (numpy/core/arrayprint.py) for float64, int64 and
// bool arrays of any number of dimensions: str() and repr(), with NumPy's
// default "maxprec" float mode, suppress, the switch to scientific notation,
// padding, line wrapping, summarising with "..." and nested brackets.
//
// Pure functions of the array's elements (a pointer, shape and strides) and the
// print options, so the interpreter, the tests and anything else share them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "numpy/dtype.hpp"

namespace nl::py
{
    /// np.set_printoptions: the options this subset supports, NumPy's defaults.
    struct print_options
    {
        int precision = 8;  // -1: None (as many digits as each value needs)
        bool suppress = false;
        int linewidth = 75;
        std::int64_t threshold = 1000;
        int edgeitems = 3;
        char sign = '-';    // '-', '+' or ' '
    };

    /// Where an array's elements are: element (i, j, ...) is at
    /// data + (i * strides[0] + j * strides[1] + ...) elements of its dtype.
    struct array_layout
    {
        dtype type = dtype::float64;
        const void* data = nullptr;
        std::vector<std::int64_t> shape;
        std::vector<std::int64_t> strides;  // in elements, not bytes
    };

    /// str(a): "[0.61 1.12]"; a 0-d array prints as its scalar.
    std::string array_str(const array_layout& a, const print_options& options);

    /// repr(a): "array([0.61, 1.12])", with ", dtype=..." where NumPy adds it.
    std::string array_repr(const array_layout& a, const print_options& options);

    /// str() of one element of the given type as a NumPy scalar (np.float64(x),
    /// np.int64(x), np.bool_(x)): "0.1", "3", "True".
    std::string scalar_str(dtype type, const void* element);
}
