// Internals shared by ndarray.cpp, ops.cpp and random.cpp: dispatch on the
// element type, element conversion as NumPy casts, strided walks over several
// operands at once, and NumPy's choice of memory order for new arrays.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "numpy/ndarray.hpp"

namespace nl::py::detail
{
    /// Calls f(T{}) with T the C++ type of the elements: std::uint8_t for bool,
    /// std::int64_t, double.
    template <class F>
    decltype(auto) dispatch(dtype t, F&& f)
    {
        switch (t)
        {
            case dtype::bool_: return f(std::uint8_t{});
            case dtype::int64: return f(std::int64_t{});
            default: return f(double{});
        }
    }

    template <class T>
    constexpr dtype dtype_of()
    {
        if constexpr (std::is_same_v<T, std::uint8_t>)
            return dtype::bool_;
        else if constexpr (std::is_same_v<T, std::int64_t>)
            return dtype::int64;
        else
            return dtype::float64;
    }

    /// A double to int64 as NumPy's cast does on x86-64: truncation, and
    /// INT64_MIN for NaN and values out of range.
    inline std::int64_t double_to_int64(double v)
    {
        if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0))
            return std::numeric_limits<std::int64_t>::min();
        return static_cast<std::int64_t>(v);
    }

    /// One element converted between element types, as NumPy's unsafe cast.
    template <class To, class From>
    To convert(From v)
    {
        if constexpr (std::is_same_v<To, From>)
            return v;
        else if constexpr (std::is_same_v<To, std::uint8_t>)
            return v != 0 ? 1 : 0;  // NaN is true too
        else if constexpr (std::is_same_v<To, std::int64_t>)
        {
            if constexpr (std::is_same_v<From, double>)
                return double_to_int64(v);
            else
                return static_cast<std::int64_t>(v);
        }
        else
            return static_cast<double>(v);
    }

    inline std::int64_t product(const shape_t& shape)
    {
        std::int64_t n = 1;
        for (const auto d : shape)
            n *= d;
        return n;
    }

    /// C-order strides (in elements) for a shape.
    inline shape_t c_strides(const shape_t& shape)
    {
        shape_t s(shape.size());
        std::int64_t step = 1;
        for (std::size_t i = shape.size(); i-- > 0;)
        {
            s[i] = step;
            step *= std::max<std::int64_t>(shape[i], 1);
        }
        return s;
    }

    /// Strides of an operand seen with `shape` (right-aligned broadcasting): 0
    /// along broadcast axes.
    inline shape_t broadcast_strides(const ndarray& a, const shape_t& shape)
    {
        shape_t s(shape.size(), 0);
        const std::size_t lead = shape.size() - a.ndim();
        for (std::size_t i = 0; i < a.ndim(); ++i)
            s[lead + i] = a.shape()[i] == 1 ? 0 : a.strides()[i];
        return s;
    }

    /// NumPy's best iteration order for operands with these strides (nditer's
    /// stable insertion sort by |stride|, C order winning ties and conflicts):
    /// axes outermost first. Zero strides (broadcast or length-1 axes) abstain.
    inline std::vector<int> best_axis_order(const std::vector<shape_t>& strides, std::size_t ndim)
    {
        // perm[0] is the innermost axis, as in nditer.
        std::vector<int> perm(ndim);
        for (std::size_t i = 0; i < ndim; ++i)
            perm[i] = static_cast<int>(ndim - 1 - i);
        for (std::size_t i0 = 1; i0 < ndim; ++i0)
        {
            std::size_t ipos = i0;
            const int j0 = perm[i0];
            for (std::size_t i1 = i0; i1-- > 0;)
            {
                bool ambiguous = true, swap = false;
                const int j1 = perm[i1];
                for (const auto& s : strides)
                {
                    if (s[j0] != 0 && s[j1] != 0)
                    {
                        if (std::llabs(s[j1]) <= std::llabs(s[j0]))
                            swap = false;
                        else if (ambiguous)
                            swap = true;
                        ambiguous = false;
                    }
                }
                if (!ambiguous)
                {
                    if (swap)
                        ipos = i1;
                    else
                        break;
                }
            }
            if (ipos != i0)
            {
                for (std::size_t i1 = i0; i1 > ipos; --i1)
                    perm[i1] = perm[i1 - 1];
                perm[ipos] = j0;
            }
        }
        std::reverse(perm.begin(), perm.end());
        return perm;
    }

    /// A new array for an element-wise result over these operands, laid out in
    /// NumPy's "K" order.
    inline outcome<ndarray> new_result(dtype type, const shape_t& shape, const std::vector<const ndarray*>& operands)
    {
        std::vector<shape_t> strides;
        for (const ndarray* op : operands)
            if (op->ndim() > 0)
                strides.push_back(broadcast_strides(*op, shape));
        return ndarray::zeros_ordered(type, shape, best_axis_order(strides, shape.size()));
    }

    /// Visits every position of `shape` in C order with the element offsets of N
    /// operands (strides per operand, same length as shape).
    template <std::size_t N, class F>
    void walk(const shape_t& shape, const std::array<shape_t, N>& strides, F&& f)
    {
        const std::size_t nd = shape.size();
        for (const auto d : shape)
            if (d == 0)
                return;
        std::array<std::int64_t, N> off{};
        if (nd == 0)
        {
            f(off);
            return;
        }
        std::vector<std::int64_t> idx(nd, 0);
        const std::int64_t inner = shape[nd - 1];
        std::array<std::int64_t, N> inner_stride{};
        for (std::size_t k = 0; k < N; ++k)
            inner_stride[k] = strides[k][nd - 1];
        for (;;)
        {
            std::array<std::int64_t, N> o = off;
            for (std::int64_t i = 0; i < inner; ++i)
            {
                f(o);
                for (std::size_t k = 0; k < N; ++k)
                    o[k] += inner_stride[k];
            }
            // Advance the outer axes like an odometer.
            std::size_t axis = nd - 1;
            for (;;)
            {
                if (axis == 0)
                    return;
                --axis;
                ++idx[axis];
                for (std::size_t k = 0; k < N; ++k)
                    off[k] += strides[k][axis];
                if (idx[axis] < shape[axis])
                    break;
                for (std::size_t k = 0; k < N; ++k)
                    off[k] -= strides[k][axis] * shape[axis];
                idx[axis] = 0;
            }
        }
    }

    /// The common shape of broadcast operands, or NumPy's error naming them all.
    inline outcome<shape_t> broadcast_shapes(const std::vector<const shape_t*>& shapes)
    {
        std::size_t nd = 0;
        for (const auto* s : shapes)
            nd = std::max(nd, s->size());
        shape_t out(nd, 1);
        for (const auto* s : shapes)
        {
            const std::size_t lead = nd - s->size();
            for (std::size_t i = 0; i < s->size(); ++i)
            {
                const std::int64_t d = (*s)[i];
                std::int64_t& o = out[lead + i];
                if (d == o || d == 1)
                    continue;
                if (o == 1)
                {
                    o = d;
                    continue;
                }
                std::string message = "operands could not be broadcast together with shapes ";
                for (const auto* t : shapes)
                    message += shape_text_compact(*t) + " ";
                return value_error(message);
            }
        }
        return out;
    }

    /// Copies `src` (broadcast to dst's shape) into dst, converting elements.
    inline void assign(ndarray& dst, const ndarray& src)
    {
        const shape_t s_src = broadcast_strides(src, dst.shape());
        dispatch(dst.type(), [&](auto to) {
            using To = decltype(to);
            To* d = dst.data<To>();
            dispatch(src.type(), [&](auto from) {
                using From = decltype(from);
                const From* p = src.data<From>();
                walk<2>(dst.shape(), {dst.strides(), s_src},
                        [&](const std::array<std::int64_t, 2>& o) { d[o[0]] = convert<To>(p[o[1]]); });
            });
        });
    }

    inline status check_size(const shape_t& shape)
    {
        double n = 1;
        for (const auto d : shape)
        {
            if (d < 0)
                return value_error("negative dimensions are not allowed");
            n *= static_cast<double>(d);
        }
        if (n > static_cast<double>(max_array_elements))
            return py_error{"MemoryError", "Unable to allocate an array with shape " + shape_text(shape) +
                                               ": more than 10,000,000 elements"};
        return {};
    }
}
