#include "numpy/random_state.hpp"

#include <cmath>

#include "numpy/detail.hpp"

namespace nl::py
{
    namespace
    {
        std::uint64_t mask_for(std::uint64_t max)
        {
            std::uint64_t mask = max;
            mask |= mask >> 1;
            mask |= mask >> 2;
            mask |= mask >> 4;
            mask |= mask >> 8;
            mask |= mask >> 16;
            mask |= mask >> 32;
            return mask;
        }

        // A new array of `size` (or a 0-d one), filled in C order by `next`.
        template <class T, class F>
        outcome<ndarray> fill(const std::optional<shape_t>& size, F next)
        {
            auto out = size ? ndarray::zeros(detail::dtype_of<T>(), *size) : outcome<ndarray>(ndarray::zeros(detail::dtype_of<T>(), {}));
            if (!out)
                return out.error();
            T* p = out->template data<T>();
            for (std::int64_t i = 0, n = out->size(); i < n; ++i)
                p[i] = next();
            return out;
        }
    }

    status random_state::seed(std::int64_t s)
    {
        if (s < 0 || s > 4294967295LL)
            return value_error("Seed must be between 0 and 2**32 - 1");
        m_rng.seed(static_cast<std::uint32_t>(s));
        return {};
    }

    outcome<ndarray> random_state::random_sample(const std::optional<shape_t>& size)
    {
        return fill<double>(size, [&] { return m_rng.next_double(); });
    }

    outcome<ndarray> random_state::randn(const std::optional<shape_t>& size)
    {
        return fill<double>(size, [&] { return m_rng.next_gauss(); });
    }

    outcome<ndarray> random_state::uniform(double low, double high, const std::optional<shape_t>& size)
    {
        const double range = high - low;
        if (!std::isfinite(range))
            return py_error{"OverflowError", "Range exceeds valid bounds"};
        return fill<double>(size, [&] { return low + range * m_rng.next_double(); });
    }

    outcome<ndarray> random_state::normal(double loc, double scale, const std::optional<shape_t>& size)
    {
        if (scale < 0)
            return value_error("scale < 0");
        return fill<double>(size, [&] { return loc + scale * m_rng.next_gauss(); });
    }

    std::uint64_t random_state::bounded(std::uint64_t range)
    {
        // NumPy's masked rejection (legacy randint): 32-bit draws while the range
        // fits, else 64-bit ones (the first 32-bit draw is the high half).
        if (range == 0)
            return 0;
        if (range <= 0xffffffffull)
        {
            if (range == 0xffffffffull)
                return m_rng.next_uint32();
            const std::uint64_t mask = mask_for(range);
            std::uint64_t v;
            while ((v = (m_rng.next_uint32() & mask)) > range)
            {
            }
            return v;
        }
        const auto next64 = [&] {
            const std::uint64_t hi = m_rng.next_uint32();
            return (hi << 32) | m_rng.next_uint32();
        };
        if (range == ~0ull)
            return next64();
        const std::uint64_t mask = mask_for(range);
        std::uint64_t v;
        while ((v = (next64() & mask)) > range)
        {
        }
        return v;
    }

    std::uint64_t random_state::interval(std::uint64_t max)
    {
        if (max == 0)
            return 0;
        const std::uint64_t mask = mask_for(max);
        std::uint64_t v;
        if (max <= 0xffffffffull)
            while ((v = (m_rng.next_uint32() & mask)) > max)
            {
            }
        else
            for (;;)
            {
                const std::uint64_t hi = m_rng.next_uint32();
                v = ((hi << 32) | m_rng.next_uint32()) & mask;
                if (v <= max)
                    break;
            }
        return v;
    }

    outcome<ndarray> random_state::randint(std::int64_t low, std::optional<std::int64_t> high_in,
                                           const std::optional<shape_t>& size)
    {
        std::int64_t high = high_in.value_or(low);
        if (!high_in)
            low = 0;
        if (size)
        {
            NL_TRY(detail::check_size(*size));
            if (detail::product(*size) == 0)
                return ndarray::zeros(dtype::int64, *size);
        }
        if (low >= high)
            return value_error(low == 0 ? "high <= 0" : "low >= high");
        const std::uint64_t range = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low) - 1;
        const std::uint64_t off = static_cast<std::uint64_t>(low);
        return fill<std::int64_t>(size, [&] { return static_cast<std::int64_t>(off + bounded(range)); });
    }

    status random_state::shuffle(ndarray& a)
    {
        if (a.ndim() == 0)
            return type_error("len() of unsized object");
        const std::int64_t n = a.shape()[0];
        if (a.size() == 0)
            return {};
        shape_t row_shape(a.shape().begin() + 1, a.shape().end()), row_strides(a.strides().begin() + 1, a.strides().end());
        ndarray buf = ndarray::zeros(a.type(), row_shape).value();
        for (std::int64_t i = n - 1; i >= 1; --i)
        {
            const std::int64_t j = static_cast<std::int64_t>(interval(static_cast<std::uint64_t>(i)));
            if (i == j)
                continue;
            ndarray rj = a.view(row_shape, row_strides, j * a.strides()[0]);
            ndarray ri = a.view(row_shape, row_strides, i * a.strides()[0]);
            detail::assign(buf, rj);
            detail::assign(rj, ri);
            detail::assign(ri, buf);
        }
        return {};
    }

    outcome<ndarray> random_state::permutation(const ndarray& x)
    {
        if (x.ndim() == 0 && x.type() != dtype::float64)
        {
            auto arr = arange(x, std::nullopt, std::nullopt);
            if (!arr)
                return arr.error();
            NL_TRY(shuffle(*arr));
            return arr;
        }
        if (x.ndim() < 1)
            return index_error("x must be an integer or at least 1-dimensional");
        if (x.ndim() == 1)
        {
            ndarray arr = copy_keep_layout(x);
            NL_TRY(shuffle(arr));
            return arr;
        }
        auto idx = arange(ndarray::scalar_int(x.shape()[0]), std::nullopt, std::nullopt);
        if (!idx)
            return idx.error();
        NL_TRY(shuffle(*idx));
        return get_item(x, {index_item::of_array(*idx)});
    }

    outcome<ndarray> random_state::choice(const ndarray& a, const std::optional<shape_t>& size, bool replace)
    {
        std::int64_t pop;
        const std::int64_t count = size ? detail::product(*size) : 1;
        if (a.ndim() == 0)
        {
            if (a.type() == dtype::float64)
                return value_error("a must be 1-dimensional or an integer");
            pop = a.get_int(0);
            if (pop <= 0 && count != 0)
                return value_error("a must be greater than 0 unless no samples are taken");
        }
        else if (a.ndim() != 1)
            return value_error("a must be 1-dimensional");
        else
        {
            pop = a.shape()[0];
            if (pop == 0 && count != 0)
                return value_error("'a' cannot be empty unless no samples are taken");
        }
        ndarray idx;
        if (replace)
        {
            auto r = randint(0, pop, size);
            if (!r)
                return r.error();
            idx = *r;
        }
        else
        {
            if (count > pop)
                return value_error("Cannot take a larger sample than population when 'replace=False'");
            auto p = permutation(ndarray::scalar_int(pop));
            if (!p)
                return p.error();
            const shape_t shape = size.value_or(shape_t{});
            idx = copy(p->view({count}, {p->strides()[0]})).view(shape, detail::c_strides(shape));
        }
        if (a.ndim() == 0)
            return idx;
        return get_item(a, {index_item::of_array(idx)});
    }
}
