#include "numpy/ndarray.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "numpy/detail.hpp"

namespace nl::py
{
    using detail::product;

    std::string shape_text_compact(const shape_t& shape)
    {
        std::string s = "(";
        for (std::size_t i = 0; i < shape.size(); ++i)
            s += (i ? "," : "") + std::to_string(shape[i]);
        return s + (shape.size() == 1 ? ",)" : ")");
    }

    std::string shape_text(const shape_t& shape)
    {
        std::string s = "(";
        for (std::size_t i = 0; i < shape.size(); ++i)
            s += (i ? ", " : "") + std::to_string(shape[i]);
        return s + (shape.size() == 1 ? ",)" : ")");
    }

    // ------------------------------------------------------------------ ndarray

    ndarray::ndarray() : m_buffer(std::make_shared<buffer>(1)) {}

    outcome<ndarray> ndarray::zeros(dtype type, const shape_t& shape)
    {
        std::vector<int> order(shape.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = static_cast<int>(i);
        return zeros_ordered(type, shape, order);
    }

    outcome<ndarray> ndarray::zeros_ordered(dtype type, const shape_t& shape, const std::vector<int>& axis_order)
    {
        NL_TRY(detail::check_size(shape));
        ndarray a;
        a.m_type = type;
        a.m_shape = shape;
        a.m_strides.assign(shape.size(), 0);
        std::int64_t step = 1;
        for (std::size_t i = axis_order.size(); i-- > 0;)
        {
            a.m_strides[axis_order[i]] = step;
            step *= std::max<std::int64_t>(shape[axis_order[i]], 1);
        }
        const std::size_t item = type == dtype::bool_ ? 1 : 8;
        const std::size_t bytes = static_cast<std::size_t>(std::max<std::int64_t>(product(shape), 1)) * item;
        a.m_buffer = std::make_shared<buffer>((bytes + 7) / 8);
        return a;
    }

    ndarray ndarray::scalar(double v)
    {
        ndarray a;
        *a.data<double>() = v;
        return a;
    }

    ndarray ndarray::scalar_int(std::int64_t v)
    {
        ndarray a;
        a.m_type = dtype::int64;
        *a.data<std::int64_t>() = v;
        return a;
    }

    ndarray ndarray::scalar_bool(bool v)
    {
        ndarray a;
        a.m_type = dtype::bool_;
        *a.data<std::uint8_t>() = v ? 1 : 0;
        return a;
    }

    std::int64_t ndarray::size() const { return product(m_shape); }

    std::size_t ndarray::buffer_bytes() const { return m_buffer->words.size() * 8; }

    bool ndarray::c_contiguous() const
    {
        std::int64_t step = 1;
        for (std::size_t i = m_shape.size(); i-- > 0;)
        {
            if (m_shape[i] == 0)
                return true;
            if (m_shape[i] != 1 && m_strides[i] != step)
                return false;
            step *= m_shape[i];
        }
        return true;
    }

    bool ndarray::f_contiguous() const
    {
        std::int64_t step = 1;
        for (std::size_t i = 0; i < m_shape.size(); ++i)
        {
            if (m_shape[i] == 0)
                return true;
            if (m_shape[i] != 1 && m_strides[i] != step)
                return false;
            step *= m_shape[i];
        }
        return true;
    }

    std::int64_t ndarray::offset_of(std::int64_t flat) const
    {
        std::int64_t off = 0;
        for (std::size_t i = m_shape.size(); i-- > 0;)
        {
            off += (flat % m_shape[i]) * m_strides[i];
            flat /= m_shape[i];
        }
        return off;
    }

    double ndarray::get_double(std::int64_t flat) const
    {
        const std::int64_t o = offset_of(flat);
        return detail::dispatch(m_type, [&](auto t) { return detail::convert<double>(data<decltype(t)>()[o]); });
    }

    std::int64_t ndarray::get_int(std::int64_t flat) const
    {
        const std::int64_t o = offset_of(flat);
        return detail::dispatch(m_type, [&](auto t) { return detail::convert<std::int64_t>(data<decltype(t)>()[o]); });
    }

    bool ndarray::get_bool(std::int64_t flat) const
    {
        const std::int64_t o = offset_of(flat);
        return detail::dispatch(m_type, [&](auto t) { return data<decltype(t)>()[o] != 0; });
    }

    ndarray ndarray::view(shape_t shape, shape_t strides, std::int64_t extra_offset) const
    {
        ndarray v = *this;
        v.m_shape = std::move(shape);
        v.m_strides = std::move(strides);
        v.m_offset += extra_offset;
        return v;
    }

    array_layout ndarray::layout() const
    {
        array_layout l;
        l.type = m_type;
        l.shape = m_shape;
        l.strides = m_strides;
        l.data = detail::dispatch(m_type, [&](auto t) { return static_cast<const void*>(data<decltype(t)>()); });
        return l;
    }

    // ---------------------------------------------------------------- creation

    nested nested::of_bool(bool v)
    {
        nested n;
        n.k = kind::boolean;
        n.b = v;
        return n;
    }
    nested nested::of_int(std::int64_t v)
    {
        nested n;
        n.k = kind::integer;
        n.i = v;
        return n;
    }
    nested nested::of_float(double v)
    {
        nested n;
        n.k = kind::floating;
        n.f = v;
        return n;
    }
    nested nested::of_array(ndarray v)
    {
        nested n;
        n.k = kind::array;
        n.a = std::move(v);
        return n;
    }
    nested nested::of_sequence(std::vector<nested> v)
    {
        nested n;
        n.k = kind::sequence;
        n.items = std::move(v);
        return n;
    }

    namespace
    {
        // The shape a node would have, or the depth at which nodes disagree.
        struct shape_probe
        {
            shape_t shape;
            std::size_t agreed;  // dimensions on which every node agrees
        };

        void node_shape(const nested& n, shape_t& out)
        {
            if (n.k == nested::kind::sequence)
            {
                out.push_back(static_cast<std::int64_t>(n.items.size()));
                if (!n.items.empty())
                    node_shape(n.items[0], out);
            }
            else if (n.k == nested::kind::array)
                out.insert(out.end(), n.a.shape().begin(), n.a.shape().end());
        }

        // Lowers `agreed` to the first depth where `n` departs from `shape` (a
        // list where a scalar was expected, or lengths that differ).
        void check_shape(const nested& n, const shape_t& shape, std::size_t depth, std::size_t& agreed)
        {
            if (depth > agreed)
                return;
            if (n.k == nested::kind::sequence)
            {
                if (depth >= shape.size() || shape[depth] != static_cast<std::int64_t>(n.items.size()))
                {
                    agreed = std::min(agreed, depth);
                    return;
                }
                for (const auto& item : n.items)
                    check_shape(item, shape, depth + 1, agreed);
            }
            else if (n.k == nested::kind::array)
            {
                const shape_t& s = n.a.shape();
                for (std::size_t i = 0; i < s.size(); ++i)
                    if (depth + i >= shape.size() || shape[depth + i] != s[i])
                    {
                        agreed = std::min(agreed, depth + i);
                        return;
                    }
                if (depth + s.size() != shape.size())
                    agreed = std::min(agreed, depth + s.size());
            }
            else if (depth != shape.size())
                agreed = std::min(agreed, depth);
        }

        dtype node_type(const nested& n, dtype t, bool& any)
        {
            switch (n.k)
            {
                case nested::kind::boolean: any = true; return t;
                case nested::kind::integer: any = true; return promote(t, dtype::int64);
                case nested::kind::floating: any = true; return dtype::float64;
                case nested::kind::array: any = true; return promote(t, n.a.type());
                case nested::kind::sequence:
                    for (const auto& item : n.items)
                        t = node_type(item, t, any);
                    return t;
            }
            return t;
        }

        // Python float to int as int() does it (for np.array(..., dtype=int)).
        status python_float_to_int(double v, std::int64_t& out)
        {
            if (std::isnan(v))
                return value_error("cannot convert float NaN to integer");
            if (std::isinf(v))
                return py_error{"OverflowError", "cannot convert float infinity to integer"};
            if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0))
                return py_error{"OverflowError", "Python int too large to convert to C long"};
            out = static_cast<std::int64_t>(v);
            return {};
        }

        status fill_nested(const nested& n, ndarray& out, std::int64_t& flat)
        {
            switch (n.k)
            {
                case nested::kind::sequence:
                    for (const auto& item : n.items)
                        NL_TRY(fill_nested(item, out, flat));
                    return {};
                case nested::kind::array:
                {
                    const ndarray& a = n.a;
                    const std::int64_t count = a.size();
                    ndarray target = out.view({count}, {1}, flat);
                    detail::assign(target, reshape(a, {count}).value());
                    flat += count;
                    return {};
                }
                default: break;
            }
            const std::int64_t o = flat++;
            switch (out.type())
            {
                case dtype::bool_:
                    out.data<std::uint8_t>()[o] = n.k == nested::kind::boolean ? n.b
                                                  : n.k == nested::kind::integer ? n.i != 0 : n.f != 0;
                    return {};
                case dtype::int64:
                {
                    std::int64_t v = n.k == nested::kind::boolean ? n.b : n.i;
                    if (n.k == nested::kind::floating)
                        NL_TRY(python_float_to_int(n.f, v));
                    out.data<std::int64_t>()[o] = v;
                    return {};
                }
                case dtype::float64:
                    out.data<double>()[o] = n.k == nested::kind::boolean ? double(n.b)
                                            : n.k == nested::kind::integer ? double(n.i) : n.f;
                    return {};
            }
            return {};
        }
    }

    outcome<ndarray> array_from_nested(const nested& obj, std::optional<dtype> type)
    {
        shape_t shape;
        node_shape(obj, shape);
        std::size_t agreed = shape.size() + 1;
        check_shape(obj, shape, 0, agreed);
        if (agreed <= shape.size())
        {
            shape.resize(agreed);
            return value_error("setting an array element with a sequence. The requested array has an "
                               "inhomogeneous shape after " +
                               std::to_string(agreed) + " dimensions. The detected shape was " +
                               shape_text(shape) + " + inhomogeneous part.");
        }
        bool any = false;
        dtype inferred = node_type(obj, dtype::bool_, any);
        if (!any)
            inferred = dtype::float64;  // np.array([]) is float64
        auto out = ndarray::zeros(type.value_or(inferred), shape);
        if (!out)
            return out.error();
        std::int64_t flat = 0;
        NL_TRY(fill_nested(obj, *out, flat));
        return out;
    }

    outcome<ndarray> full(const shape_t& shape, const ndarray& value, std::optional<dtype> type)
    {
        auto out = ndarray::zeros(type.value_or(value.type()), shape);
        if (!out)
            return out.error();
        detail::assign(*out, value);
        return out;
    }

    outcome<ndarray> ones(const shape_t& shape, dtype type) { return full(shape, ndarray::scalar_int(1), type); }

    outcome<ndarray> full_like(const ndarray& a, const ndarray& value, std::optional<dtype> type)
    {
        auto out = detail::new_result(type.value_or(a.type()), a.shape(), {&a});
        if (!out)
            return out.error();
        detail::assign(*out, value);
        return out;
    }

    outcome<ndarray> arange(const ndarray& start_in, const std::optional<ndarray>& stop_in,
                            const std::optional<ndarray>& step_in, std::optional<dtype> type)
    {
        ndarray start = start_in, stop = stop_in.value_or(start_in);
        if (!stop_in)
            start = ndarray::scalar_int(0);
        const ndarray step = step_in.value_or(ndarray::scalar_int(1));
        const bool floating = start.type() == dtype::float64 || stop.type() == dtype::float64 ||
                              step.type() == dtype::float64;
        const dtype t = type.value_or(floating ? dtype::float64 : dtype::int64);

        std::int64_t length;
        if (!floating)
        {
            const std::int64_t a = start.get_int(0), b = stop.get_int(0), s = step.get_int(0);
            if (s == 0)
                return py_error{"ZeroDivisionError", "division by zero"};
            // ceil((b - a) / s) exactly, in 128 bits (the difference can overflow).
            const __int128 d = static_cast<__int128>(b) - a;
            __int128 q = d / s;
            if ((d % s != 0) && ((d < 0) == (s < 0)))
                ++q;
            length = q <= 0 ? 0 : q > max_array_elements ? max_array_elements + 1 : static_cast<std::int64_t>(q);
        }
        else
        {
            const double a = start.get_double(0), b = stop.get_double(0), s = step.get_double(0);
            if (s == 0)
                return py_error{"ZeroDivisionError", "float division by zero"};
            const double delta = b - a, value = delta / s;
            if (value == 0 && delta != 0)
                length = std::signbit(value) ? 0 : 1;
            else
            {
                const double c = std::ceil(value);
                if (std::isnan(c))
                    return value_error("arange: cannot compute length");
                if (!(c >= -9223372036854775808.0 && c <= 9223372036854775807.0))
                    return value_error("Maximum allowed size exceeded");
                length = c <= 0 ? 0 : c > double(max_array_elements) ? max_array_elements + 1 : static_cast<std::int64_t>(c);
            }
        }
        auto out = ndarray::zeros(t, {length});
        if (!out)
            return out.error();
        if (length == 0)
            return out;
        // NumPy stores start and start + step, then fills start + i * delta with
        // delta = (start + step) - start computed in the array's type.
        return detail::dispatch(t, [&](auto tag) -> outcome<ndarray> {
            using T = decltype(tag);
            T* p = out->template data<T>();
            if constexpr (std::is_same_v<T, std::uint8_t>)
            {
                return type_error("arange() is not supported for bool in this subset");
            }
            else
            {
                T first, second;
                if (floating)
                {
                    const double a = start.get_double(0), s = step.get_double(0);
                    first = detail::convert<T>(a);
                    second = detail::convert<T>(a + s);
                }
                else
                {
                    const std::int64_t a = start.get_int(0), s = step.get_int(0);
                    first = detail::convert<T>(a);
                    second = detail::convert<T>(static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(s)));
                }
                p[0] = first;
                if (length > 1)
                    p[1] = second;
                const T delta = second - first;
                for (std::int64_t i = 2; i < length; ++i)
                {
                    if constexpr (std::is_same_v<T, std::int64_t>)
                        p[i] = static_cast<std::int64_t>(static_cast<std::uint64_t>(first) +
                                                         static_cast<std::uint64_t>(i) * static_cast<std::uint64_t>(delta));
                    else
                        p[i] = first + static_cast<T>(i) * delta;
                }
                return out;
            }
        });
    }

    outcome<ndarray> linspace(double start, double stop, std::int64_t num, bool endpoint, std::optional<dtype> type)
    {
        if (num < 0)
            return value_error("Number of samples, " + std::to_string(num) + ", must be non-negative.");
        auto out = ndarray::zeros(dtype::float64, {num});
        if (!out)
            return out.error();
        double* y = out->data<double>();
        const std::int64_t div = endpoint ? num - 1 : num;
        const double delta = stop - start;
        for (std::int64_t i = 0; i < num; ++i)
            y[i] = static_cast<double>(i);
        if (div > 0)
        {
            const double step = delta / static_cast<double>(div);
            if (step == 0)
                for (std::int64_t i = 0; i < num; ++i)
                    y[i] = y[i] / static_cast<double>(div) * delta;
            else
                for (std::int64_t i = 0; i < num; ++i)
                    y[i] = y[i] * step;
        }
        else
            for (std::int64_t i = 0; i < num; ++i)
                y[i] = y[i] * delta;
        for (std::int64_t i = 0; i < num; ++i)
            y[i] += start;
        if (endpoint && num > 1)
            y[num - 1] = stop;
        if (type && *type != dtype::float64)
        {
            if (*type == dtype::int64)
                for (std::int64_t i = 0; i < num; ++i)
                    y[i] = std::floor(y[i]);
            return astype(*out, *type);
        }
        return out;
    }

    outcome<ndarray> eye(std::int64_t n, std::optional<std::int64_t> m_in, std::int64_t k, dtype type)
    {
        const std::int64_t m = m_in.value_or(n);
        auto out = ndarray::zeros(type, {n, m});
        if (!out)
            return out.error();
        for (std::int64_t i = 0; i < n; ++i)
        {
            const std::int64_t j = i + k;
            if (j >= 0 && j < m)
                detail::dispatch(type, [&](auto t) { out->data<decltype(t)>()[i * m + j] = 1; });
        }
        return out;
    }

    // ---------------------------------------------------------- shape and copies

    namespace
    {
        // NumPy's _attempt_nocopy_reshape (C order): strides for the new shape
        // when the old axes can be regrouped without copying.
        bool nocopy_strides(const ndarray& a, const shape_t& newdims, shape_t& newstrides)
        {
            shape_t olddims, oldstrides;
            for (std::size_t i = 0; i < a.ndim(); ++i)
                if (a.shape()[i] != 1)
                {
                    olddims.push_back(a.shape()[i]);
                    oldstrides.push_back(a.strides()[i]);
                }
            const std::size_t oldnd = olddims.size(), newnd = newdims.size();
            newstrides.assign(newnd, 0);
            std::size_t oi = 0, oj = 1, ni = 0, nj = 1;
            while (ni < newnd && oi < oldnd)
            {
                std::int64_t np = newdims[ni], op = olddims[oi];
                while (np != op)
                {
                    if (np < op)
                        np *= newdims[nj++];
                    else
                        op *= olddims[oj++];
                }
                for (std::size_t ok = oi; ok + 1 < oj; ++ok)
                    if (oldstrides[ok] != olddims[ok + 1] * oldstrides[ok + 1])
                        return false;
                newstrides[nj - 1] = oldstrides[oj - 1];
                for (std::size_t nk = nj - 1; nk > ni; --nk)
                    newstrides[nk - 1] = newstrides[nk] * newdims[nk];
                ni = nj++;
                oi = oj++;
            }
            const std::int64_t last = ni >= 1 ? newstrides[ni - 1] : 1;
            for (std::size_t nk = ni; nk < newnd; ++nk)
                newstrides[nk] = last;
            return true;
        }

        ndarray copy_in_order(const ndarray& a, const std::vector<int>& order)
        {
            ndarray out = ndarray::zeros_ordered(a.type(), a.shape(), order).value();
            detail::assign(out, a);
            return out;
        }

        std::vector<int> c_order(std::size_t nd)
        {
            std::vector<int> o(nd);
            for (std::size_t i = 0; i < nd; ++i)
                o[i] = static_cast<int>(i);
            return o;
        }
    }

    outcome<ndarray> reshape(const ndarray& a, const shape_t& shape_in)
    {
        shape_t shape = shape_in;
        std::int64_t known = 1;
        int unknown = -1;
        for (std::size_t i = 0; i < shape.size(); ++i)
        {
            if (shape[i] < 0)
            {
                if (unknown >= 0)
                    return value_error("can only specify one unknown dimension");
                unknown = static_cast<int>(i);
            }
            else
                known *= shape[i];
        }
        const std::int64_t size = a.size();
        if (unknown >= 0)
        {
            if (known == 0 || size % known != 0)
                return value_error("cannot reshape array of size " + std::to_string(size) + " into shape " +
                                   shape_text_compact(shape_in));
            shape[unknown] = size / known;
        }
        else if (known != size)
            return value_error("cannot reshape array of size " + std::to_string(size) + " into shape " +
                               shape_text_compact(shape_in));
        if (a.c_contiguous())
        {
            shape_t strides = detail::c_strides(shape);
            return a.view(shape, strides);
        }
        shape_t strides;
        if (size > 0 && nocopy_strides(a, shape, strides))
            return a.view(shape, strides);
        const ndarray c = copy(a);
        return c.view(shape, detail::c_strides(shape));
    }

    ndarray transpose(const ndarray& a)
    {
        shape_t shape(a.shape().rbegin(), a.shape().rend()), strides(a.strides().rbegin(), a.strides().rend());
        return a.view(shape, strides);
    }

    outcome<ndarray> transpose(const ndarray& a, const std::vector<std::int64_t>& axes)
    {
        const std::int64_t nd = static_cast<std::int64_t>(a.ndim());
        if (static_cast<std::int64_t>(axes.size()) != nd)
            return value_error("axes don't match array");
        shape_t shape(a.ndim()), strides(a.ndim());
        std::vector<bool> seen(a.ndim(), false);
        for (std::size_t i = 0; i < axes.size(); ++i)
        {
            std::int64_t ax = axes[i];
            if (ax < -nd || ax >= nd)
                return py_error{"numpy.AxisError", "axis " + std::to_string(ax) + " is out of bounds for array of dimension " +
                                                 std::to_string(nd)};
            if (ax < 0)
                ax += nd;
            if (seen[ax])
                return value_error("repeated axis in transpose");
            seen[ax] = true;
            shape[i] = a.shape()[ax];
            strides[i] = a.strides()[ax];
        }
        return a.view(shape, strides);
    }

    ndarray copy(const ndarray& a) { return copy_in_order(a, c_order(a.ndim())); }

    ndarray flatten(const ndarray& a)
    {
        const ndarray c = copy(a);
        return c.view({a.size()}, {1});
    }

    ndarray ravel(const ndarray& a)
    {
        if (a.c_contiguous())
            return a.view({a.size()}, {1});
        return flatten(a);
    }

    ndarray copy_keep_layout(const ndarray& a)
    {
        ndarray out = detail::new_result(a.type(), a.shape(), {&a}).value();
        detail::assign(out, a);
        return out;
    }

    ndarray astype(const ndarray& a, dtype type)
    {
        ndarray out = detail::new_result(type, a.shape(), {&a}).value();
        detail::assign(out, a);
        return out;
    }

    outcome<ndarray> squeeze(const ndarray& a, std::optional<std::int64_t> axis)
    {
        shape_t shape, strides;
        const std::int64_t nd = static_cast<std::int64_t>(a.ndim());
        std::int64_t only = -1;
        if (axis)
        {
            only = *axis < 0 ? *axis + nd : *axis;
            if (only < 0 || only >= nd)
                return py_error{"numpy.AxisError", "axis " + std::to_string(*axis) +
                                                 " is out of bounds for array of dimension " + std::to_string(nd)};
            if (a.shape()[only] != 1)
                return value_error("cannot select an axis to squeeze out which has size not equal to one");
        }
        for (std::int64_t i = 0; i < nd; ++i)
        {
            const bool drop = axis ? i == only : a.shape()[i] == 1;
            if (!drop)
            {
                shape.push_back(a.shape()[i]);
                strides.push_back(a.strides()[i]);
            }
        }
        return a.view(shape, strides);
    }

    // ---------------------------------------------------------------- indexing

    index_item index_item::at(std::int64_t i)
    {
        index_item it;
        it.k = kind::integer;
        it.i = i;
        return it;
    }

    index_item index_item::range(std::optional<std::int64_t> start, std::optional<std::int64_t> stop,
                                 std::optional<std::int64_t> step)
    {
        index_item it;
        it.k = kind::slice;
        it.start = start;
        it.stop = stop;
        it.step = step;
        return it;
    }

    index_item index_item::new_axis()
    {
        index_item it;
        it.k = kind::newaxis;
        return it;
    }

    index_item index_item::ellipsis_item()
    {
        index_item it;
        it.k = kind::ellipsis;
        return it;
    }

    index_item index_item::of_array(ndarray a)
    {
        index_item it;
        it.k = kind::array;
        it.array = std::move(a);
        return it;
    }

    namespace
    {
        // Python's slice.indices(n): start, stop, step and the count.
        struct slice_range
        {
            std::int64_t start, step, count;
        };

        outcome<slice_range> resolve_slice(const index_item& it, std::int64_t n)
        {
            const std::int64_t step = it.step.value_or(1);
            if (step == 0)
                return value_error("slice step cannot be zero");
            std::int64_t start, stop;
            const auto clamp = [&](std::int64_t v, std::int64_t lo, std::int64_t hi) {
                if (v < 0)
                    v += n;
                return v < lo ? lo : v > hi ? hi : v;
            };
            if (step > 0)
            {
                start = it.start ? clamp(*it.start, 0, n) : 0;
                stop = it.stop ? clamp(*it.stop, 0, n) : n;
                return slice_range{start, step, stop > start ? (stop - start + step - 1) / step : 0};
            }
            start = it.start ? clamp(*it.start, -1, n - 1) : n - 1;
            stop = it.stop ? clamp(*it.stop, -1, n - 1) : -1;
            return slice_range{start, step, start > stop ? (start - stop - step - 1) / (-step) : 0};
        }

        // The subscript applied: a view for its basic items, and the advanced
        // (array) items with the view axes they index.
        struct resolved
        {
            ndarray view;
            std::vector<ndarray> arrays;     // int64 index arrays, one per advanced axis
            std::vector<std::size_t> axes;   // the view axis each of them indexes
        };

        outcome<resolved> resolve(const ndarray& a, const index_t& index_in)
        {
            // Next to an array index, integers are advanced indices too (0-d arrays):
            // that decides where the indexed dimensions land.
            index_t index = index_in;
            const bool advanced = std::any_of(index.begin(), index.end(),
                                              [](const index_item& it) { return it.k == index_item::kind::array; });
            if (advanced)
                for (auto& it : index)
                    if (it.k == index_item::kind::integer)
                        it = index_item::of_array(ndarray::scalar_int(it.i));
            // How many array dimensions the items consume, to size the ellipsis.
            std::int64_t consumed = 0;
            int ellipses = 0;
            for (const auto& it : index)
            {
                switch (it.k)
                {
                    case index_item::kind::integer:
                    case index_item::kind::slice: ++consumed; break;
                    case index_item::kind::array:
                        consumed += it.array.type() == dtype::bool_ ? std::max<std::int64_t>(it.array.ndim(), 1) : 1;
                        break;
                    case index_item::kind::ellipsis: ++ellipses; break;
                    case index_item::kind::newaxis: break;
                }
            }
            if (ellipses > 1)
                return index_error("an index can only have a single ellipsis ('...')");
            const std::int64_t nd = static_cast<std::int64_t>(a.ndim());
            if (consumed > nd)
                return index_error("too many indices for array: array is " + std::to_string(nd) +
                                   "-dimensional, but " + std::to_string(consumed) + " were indexed");

            resolved r;
            shape_t shape, strides;
            std::int64_t offset = 0;
            std::size_t axis = 0;  // next axis of a
            const auto keep_rest = [&](std::size_t upto) {
                for (; axis < upto; ++axis)
                {
                    shape.push_back(a.shape()[axis]);
                    strides.push_back(a.strides()[axis]);
                }
            };
            for (const auto& it : index)
            {
                switch (it.k)
                {
                    case index_item::kind::ellipsis: keep_rest(axis + static_cast<std::size_t>(nd - consumed)); break;
                    case index_item::kind::newaxis:
                        shape.push_back(1);
                        strides.push_back(0);
                        break;
                    case index_item::kind::integer:
                    {
                        const std::int64_t n = a.shape()[axis];
                        std::int64_t i = it.i;
                        if (i < -n || i >= n)
                            return index_error("index " + std::to_string(it.i) + " is out of bounds for axis " +
                                               std::to_string(axis) + " with size " + std::to_string(n));
                        if (i < 0)
                            i += n;
                        offset += i * a.strides()[axis];
                        ++axis;
                        break;
                    }
                    case index_item::kind::slice:
                    {
                        auto s = resolve_slice(it, a.shape()[axis]);
                        if (!s)
                            return s.error();
                        offset += s->start * a.strides()[axis];
                        shape.push_back(s->count);
                        strides.push_back(a.strides()[axis] * s->step);
                        ++axis;
                        break;
                    }
                    case index_item::kind::array:
                    {
                        const ndarray& arr = it.array;
                        if (arr.type() == dtype::float64)
                            return index_error("arrays used as indices must be of integer (or boolean) type");
                        if (arr.type() == dtype::bool_)
                        {
                            if (arr.ndim() == 0)
                                return unsupported("a 0-d boolean index is not supported in this subset");
                            // A mask over the next axes: its nonzero positions, one index
                            // array per axis.
                            for (std::size_t d = 0; d < arr.ndim(); ++d)
                                if (arr.shape()[d] != a.shape()[axis + d])
                                    return index_error("boolean index did not match indexed array along dimension " +
                                                       std::to_string(axis + d) + "; dimension is " +
                                                       std::to_string(a.shape()[axis + d]) +
                                                       " but corresponding boolean dimension is " +
                                                       std::to_string(arr.shape()[d]));
                            std::vector<std::vector<std::int64_t>> hits(arr.ndim());
                            const std::int64_t total = arr.size();
                            for (std::int64_t f = 0; f < total; ++f)
                                if (arr.get_bool(f))
                                {
                                    std::int64_t rest = f;
                                    for (std::size_t d = arr.ndim(); d-- > 0;)
                                    {
                                        hits[d].push_back(rest % arr.shape()[d]);
                                        rest /= arr.shape()[d];
                                    }
                                }
                            for (std::size_t d = 0; d < arr.ndim(); ++d)
                            {
                                const std::int64_t count = static_cast<std::int64_t>(hits[d].size());
                                ndarray idx = ndarray::zeros(dtype::int64, {count}).value();
                                for (std::int64_t j = 0; j < count; ++j)
                                    idx.data<std::int64_t>()[j] = hits[d][j];
                                r.arrays.push_back(idx);
                                r.axes.push_back(shape.size());
                                shape.push_back(a.shape()[axis]);
                                strides.push_back(a.strides()[axis]);
                                ++axis;
                            }
                        }
                        else
                        {
                            r.arrays.push_back(arr);
                            r.axes.push_back(shape.size());
                            shape.push_back(a.shape()[axis]);
                            strides.push_back(a.strides()[axis]);
                            ++axis;
                        }
                        break;
                    }
                }
            }
            keep_rest(a.ndim());
            r.view = a.view(shape, strides, offset);
            return r;
        }

        // For advanced indexing: the result shape and, for every result position
        // in C order, the element offset in the view.
        outcome<std::pair<shape_t, std::vector<std::int64_t>>> gather_offsets(const resolved& r)
        {
            std::vector<const shape_t*> shapes;
            for (const auto& arr : r.arrays)
                shapes.push_back(&arr.shape());
            auto b = detail::broadcast_shapes(shapes);
            if (!b)
            {
                std::string message = "shape mismatch: indexing arrays could not be broadcast together with shapes ";
                for (const auto* s : shapes)
                    message += shape_text_compact(*s) + " ";
                return index_error(message);
            }
            const shape_t& bshape = *b;
            // Advanced axes next to each other keep their place; apart, they go first.
            bool adjacent = true;
            for (std::size_t i = 1; i < r.axes.size(); ++i)
                adjacent = adjacent && r.axes[i] == r.axes[i - 1] + 1;
            const ndarray& v = r.view;
            std::vector<std::size_t> basic;
            for (std::size_t i = 0; i < v.ndim(); ++i)
                if (std::find(r.axes.begin(), r.axes.end(), i) == r.axes.end())
                    basic.push_back(i);
            const std::size_t insert_at = adjacent ? r.axes.front() : 0;
            shape_t out_shape;
            std::vector<int> source;  // per result axis: view axis, or -1 for the broadcast block
            std::size_t bi = 0;
            for (; bi < basic.size() && basic[bi] < insert_at; ++bi)
            {
                out_shape.push_back(v.shape()[basic[bi]]);
                source.push_back(static_cast<int>(basic[bi]));
            }
            if (!adjacent)
                bi = 0;
            const std::size_t block = out_shape.size();
            out_shape.insert(out_shape.end(), bshape.begin(), bshape.end());
            source.insert(source.end(), bshape.size(), -1);
            for (; bi < basic.size(); ++bi)
            {
                out_shape.push_back(v.shape()[basic[bi]]);
                source.push_back(static_cast<int>(basic[bi]));
            }
            NL_TRY(detail::check_size(out_shape));

            // Index values, bounds-checked, per advanced array.
            const std::int64_t bsize = product(bshape);
            std::vector<std::vector<std::int64_t>> values(r.arrays.size(), std::vector<std::int64_t>(bsize));
            for (std::size_t k = 0; k < r.arrays.size(); ++k)
            {
                const ndarray& arr = r.arrays[k];
                const std::int64_t n = v.shape()[r.axes[k]];
                const shape_t s = detail::broadcast_strides(arr, bshape);
                std::int64_t j = 0;
                status bad;
                detail::dispatch(arr.type(), [&](auto t) {
                    const auto* p = arr.data<decltype(t)>();
                    detail::walk<1>(bshape, {s}, [&](const std::array<std::int64_t, 1>& o) {
                        std::int64_t i = static_cast<std::int64_t>(p[o[0]]);
                        if ((i < -n || i >= n) && bad.ok())
                            bad = index_error("index " + std::to_string(i) + " is out of bounds for axis " +
                                              std::to_string(r.axes[k]) + " with size " + std::to_string(n));
                        values[k][j++] = i < 0 ? i + n : i;
                    });
                });
                NL_TRY(bad);
            }
            std::vector<std::int64_t> offsets;
            offsets.reserve(static_cast<std::size_t>(product(out_shape)));
            const std::int64_t total = product(out_shape);
            std::vector<std::int64_t> idx(out_shape.size(), 0);
            for (std::int64_t f = 0; f < total; ++f)
            {
                std::int64_t rest = f;
                for (std::size_t d = out_shape.size(); d-- > 0;)
                {
                    idx[d] = rest % out_shape[d];
                    rest /= out_shape[d];
                }
                std::int64_t bflat = 0, off = 0;
                for (std::size_t d = 0; d < out_shape.size(); ++d)
                {
                    if (source[d] >= 0)
                        off += idx[d] * v.strides()[source[d]];
                    else
                        bflat = bflat * out_shape[d] + idx[d];
                }
                (void)block;
                for (std::size_t k = 0; k < r.arrays.size(); ++k)
                    off += values[k][bflat] * v.strides()[r.axes[k]];
                offsets.push_back(off);
            }
            return std::make_pair(out_shape, std::move(offsets));
        }

        // "could not broadcast input array from shape (3,) into shape (2,)"
        status check_assignable(const shape_t& value, const shape_t& target)
        {
            // Leading length-1 axes of the value beyond the target's rank are dropped.
            std::size_t skip = 0;
            while (value.size() - skip > target.size() && value[skip] == 1)
                ++skip;
            bool ok = value.size() - skip <= target.size();
            for (std::size_t i = skip; ok && i < value.size(); ++i)
            {
                const std::int64_t t = target[target.size() - (value.size() - i)];
                ok = value[i] == 1 || value[i] == t;
            }
            if (!ok)
                return value_error("could not broadcast input array from shape " + shape_text(value) +
                                   " into shape " + shape_text(target));
            return {};
        }

        ndarray drop_leading_ones(const ndarray& v, std::size_t target_ndim)
        {
            shape_t shape = v.shape(), strides = v.strides();
            while (shape.size() > target_ndim && shape.front() == 1)
            {
                shape.erase(shape.begin());
                strides.erase(strides.begin());
            }
            return v.view(shape, strides);
        }

        status check_python_scalar(const ndarray& target, const ndarray& value, bool from_python_scalar)
        {
            if (!from_python_scalar || target.type() != dtype::int64 || value.type() != dtype::float64)
                return {};
            std::int64_t ignored;
            return python_float_to_int(value.get_double(0), ignored);
        }
    }

    outcome<ndarray> get_item(const ndarray& a, const index_t& index)
    {
        auto r = resolve(a, index);
        if (!r)
            return r.error();
        if (r->arrays.empty())
            return r->view;
        auto g = gather_offsets(*r);
        if (!g)
            return g.error();
        const shape_t& shape = g->first;
        const std::vector<std::int64_t>& offsets = g->second;
        auto out = ndarray::zeros(a.type(), shape);
        if (!out)
            return out.error();
        detail::dispatch(a.type(), [&](auto t) {
            using T = decltype(t);
            const T* src = r->view.template data<T>();
            T* dst = out->template data<T>();
            for (std::size_t i = 0; i < offsets.size(); ++i)
                dst[i] = src[offsets[i]];
        });
        return out;
    }

    status set_item(ndarray& a, const index_t& index, const ndarray& value, bool from_python_scalar)
    {
        auto r = resolve(a, index);
        if (!r)
            return r.error();
        NL_TRY(check_python_scalar(a, value, from_python_scalar));
        if (r->arrays.empty())
        {
            ndarray target = r->view;
            NL_TRY(check_assignable(value.shape(), target.shape()));
            detail::assign(target, drop_leading_ones(value, target.ndim()));
            return {};
        }
        auto g = gather_offsets(*r);
        if (!g)
            return g.error();
        const shape_t& shape = g->first;
        const std::vector<std::int64_t>& offsets = g->second;
        if (!check_assignable(value.shape(), shape).ok())
            return value_error("shape mismatch: value array of shape " + shape_text_compact(value.shape()) +
                               " could not be broadcast to indexing result of shape " + shape_text_compact(shape));
        // The value broadcast to the selection's shape, then scattered.
        auto expanded = ndarray::zeros(a.type(), shape);
        if (!expanded)
            return expanded.error();
        detail::assign(*expanded, drop_leading_ones(value, shape.size()));
        detail::dispatch(a.type(), [&](auto t) {
            using T = decltype(t);
            T* dst = r->view.template data<T>();
            const T* src = expanded->template data<T>();
            for (std::size_t i = 0; i < offsets.size(); ++i)
                dst[offsets[i]] = src[i];
        });
        return {};
    }

    // ------------------------------------------------------------- conversions

    outcome<double> to_double(const ndarray& a)
    {
        if (a.size() != 1)
            return type_error("only size-1 arrays can be converted to Python scalars");
        return a.get_double(0);
    }

    outcome<std::int64_t> to_int(const ndarray& a)
    {
        if (a.size() != 1)
            return type_error("only size-1 arrays can be converted to Python scalars");
        if (a.type() != dtype::float64)
            return a.get_int(0);
        std::int64_t v;
        NL_TRY(python_float_to_int(a.get_double(0), v));
        return v;
    }

    outcome<bool> truth(const ndarray& a)
    {
        const std::int64_t n = a.size();
        if (n > 1)
            return value_error("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
        return n == 1 && a.get_bool(0);
    }

    outcome<std::int64_t> length(const ndarray& a)
    {
        if (a.ndim() == 0)
            return type_error("len() of unsized object");
        return a.shape()[0];
    }

    nested to_nested(const ndarray& a)
    {
        if (a.ndim() == 0)
        {
            switch (a.type())
            {
                case dtype::bool_: return nested::of_bool(a.get_bool(0));
                case dtype::int64: return nested::of_int(a.get_int(0));
                default: return nested::of_float(a.get_double(0));
            }
        }
        std::vector<nested> items;
        for (std::int64_t i = 0; i < a.shape()[0]; ++i)
            items.push_back(to_nested(get_item(a, {index_item::at(i)}).value()));
        return nested::of_sequence(std::move(items));
    }

    std::string str(const ndarray& a, const print_options& options) { return array_str(a.layout(), options); }

    std::string repr(const ndarray& a, const print_options& options) { return array_repr(a.layout(), options); }
}
