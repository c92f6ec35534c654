#include "array_print.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "float_repr.hpp"

namespace nl::py
{
    namespace
    {
        double float_at(const array_layout& a, std::int64_t offset)
        {
            return static_cast<const double*>(a.data)[offset];
        }

        std::string element_text(dtype type, const void* data, std::int64_t offset)
        {
            switch (type)
            {
                case dtype::bool_: return static_cast<const std::uint8_t*>(data)[offset] ? "True" : "False";
                case dtype::int64: return std::to_string(static_cast<const std::int64_t*>(data)[offset]);
                case dtype::float64: return numpy_float64_str(static_cast<const double*>(data)[offset]);
            }
            return "";
        }

        std::int64_t size_of(const array_layout& a)
        {
            std::int64_t n = 1;
            for (const auto d : a.shape)
                n *= d;
            return n;
        }

        // The offsets of the elements NumPy looks at to choose a format: all of
        // them, or for a summarised array only the leading and trailing edgeitems
        // along every axis (arrayprint's _leading_trailing), in C order.
        std::vector<std::int64_t> shown_offsets(const array_layout& a, bool summarise, int edge)
        {
            std::vector<std::int64_t> out;
            const std::size_t ndim = a.shape.size();
            std::function<void(std::size_t, std::int64_t)> walk = [&](std::size_t axis, std::int64_t offset)
            {
                if (axis == ndim)
                {
                    out.push_back(offset);
                    return;
                }
                const std::int64_t n = a.shape[axis];
                for (std::int64_t i = 0; i < n; ++i)
                {
                    if (summarise && n > 2 * edge && i == edge)
                        i = n - edge;
                    walk(axis + 1, offset + i * a.strides[axis]);
                }
            };
            walk(0, 0);
            return out;
        }

        // arrayprint's FloatingFormat in "maxprec" mode: a first pass over the
        // values fixes the notation, the digits after the point and the padding;
        // every element is then printed with them.
        class float_format
        {
        public:
            float_format(const std::vector<double>& values, const print_options& po) : m_sign(po.sign)
            {
                m_options.precision = po.precision;
                m_options.sign = po.sign == '+';
                std::vector<double> finite;
                for (const double v : values)
                    if (std::isfinite(v))
                        finite.push_back(v);

                bool any_nonzero = false;
                double max_abs = 0, min_abs = 0;
                for (const double v : finite)
                {
                    if (v == 0)
                        continue;
                    const double m = std::fabs(v);
                    if (!any_nonzero)
                        max_abs = min_abs = m;
                    max_abs = std::max(max_abs, m);
                    min_abs = std::min(min_abs, m);
                    any_nonzero = true;
                }
                if (any_nonzero)
                    m_scientific = max_abs >= 1e8 || (!po.suppress && (min_abs < 0.0001 || max_abs / min_abs > 1000.));

                if (finite.empty())
                {
                    m_pad_left = m_pad_right = 0;
                    m_options.trim = trim_mode::zeros;
                    m_options.exp_digits = -1;
                    m_options.min_digits = -1;
                }
                else if (m_scientific)
                {
                    float_format_options first = m_options;
                    first.trim = trim_mode::zeros;
                    int int_width = 0, fraction = 0, exp_size = 0;
                    for (const double v : finite)
                    {
                        const std::string s = format_float_scientific(v, first);
                        const auto e = s.find('e'), point = s.find('.');
                        int_width = std::max(int_width, static_cast<int>(point));
                        fraction = std::max(fraction, static_cast<int>(e - point - 1));
                        exp_size = std::max(exp_size, static_cast<int>(s.size() - e - 2));
                    }
                    m_options.trim = trim_mode::keep;
                    m_options.precision = fraction;
                    m_options.min_digits = fraction;
                    m_options.exp_digits = exp_size;
                    m_pad_left = int_width;
                    m_pad_right = exp_size + 2 + fraction;
                }
                else
                {
                    float_format_options first = m_options;
                    first.trim = trim_mode::zeros;
                    int int_width = 0, fraction = 0;
                    for (const double v : finite)
                    {
                        const std::string s = format_float_positional(v, first);
                        const auto point = s.find('.');
                        int_width = std::max(int_width, static_cast<int>(point));
                        fraction = std::max(fraction, static_cast<int>(s.size() - point - 1));
                    }
                    m_options.trim = trim_mode::zeros;
                    m_options.min_digits = 0;
                    m_pad_left = int_width;
                    m_pad_right = fraction;
                }
                if (po.sign == ' ' && std::none_of(finite.begin(), finite.end(), [](double v) { return std::signbit(v); }))
                    ++m_pad_left;
                if (finite.size() != values.size())
                {
                    bool negative_inf = po.sign != '-';
                    for (const double v : values)
                        negative_inf = negative_inf || (std::isinf(v) && v < 0);
                    const int offset = m_pad_right + 1;
                    m_pad_left = std::max({m_pad_left, 3 - offset, 3 + int(negative_inf) - offset});
                }
                m_options.pad_left = m_pad_left;
                m_options.pad_right = m_scientific ? -1 : m_pad_right;
            }

            std::string operator()(double x) const
            {
                if (!std::isfinite(x))
                {
                    std::string text;
                    if (std::isnan(x))
                        text = m_sign == '+' ? "+nan" : "nan";
                    else
                        text = (x < 0 ? "-" : m_sign == '+' ? "+" : "") + std::string("inf");
                    const int width = m_pad_left + m_pad_right + 1;
                    return std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(text.size()))), ' ') + text;
                }
                return m_scientific ? format_float_scientific(x, m_options) : format_float_positional(x, m_options);
            }

        private:
            char m_sign;
            bool m_scientific = false;
            int m_pad_left = 0, m_pad_right = 0;
            float_format_options m_options;
        };

        // arrayprint's _formatArray (for legacy=False) over any formatter.
        class array_formatter
        {
        public:
            array_formatter(const array_layout& a, std::function<std::string(std::int64_t)> format, std::string separator,
                            bool summarise, int edge)
                : m_a(a), m_format(std::move(format)), m_separator(std::move(separator)),
                  m_summarise(summarise), m_edge(edge)
            {
                m_separator_stripped = m_separator;
                while (!m_separator_stripped.empty() && m_separator_stripped.back() == ' ')
                    m_separator_stripped.pop_back();
            }

            std::string run(const std::string& hanging_indent, int width) { return recurse(0, 0, hanging_indent, width); }

        private:
            static std::string rstrip(const std::string& s)
            {
                const auto end = s.find_last_not_of(" \t\n");
                return end == std::string::npos ? std::string() : s.substr(0, end + 1);
            }

            // Appends word to the current line, first starting a new one when it
            // would pass line_width (unless the line holds nothing but the indent).
            static void extend(std::string& s, std::string& line, const std::string& word, int line_width,
                               const std::string& next_prefix)
            {
                const bool wrap = line.size() + word.size() > static_cast<std::size_t>(line_width) &&
                                  line.size() > next_prefix.size();
                if (wrap)
                {
                    s += rstrip(line) + "\n";
                    line = next_prefix;
                }
                line += word;
            }

            std::string recurse(std::size_t axis, std::int64_t offset, const std::string& hanging_indent, int width)
            {
                const std::size_t ndim = m_a.shape.size();
                if (axis == ndim)
                    return m_format(offset);
                const std::size_t axes_left = ndim - axis;
                const std::string next_indent = hanging_indent + ' ';
                const int next_width = width - 1;
                const std::int64_t n = m_a.shape[axis], stride = m_a.strides[axis];
                const bool summary = m_summarise && 2 * m_edge < n;
                const std::int64_t leading = summary ? m_edge : 0, trailing = summary ? m_edge : n;

                std::string s;
                if (axes_left == 1)
                {
                    const int elem_width = width - std::max(static_cast<int>(m_separator_stripped.size()), 1);
                    std::string line = hanging_indent;
                    for (std::int64_t i = 0; i < leading; ++i)
                    {
                        extend(s, line, recurse(axis + 1, offset + i * stride, next_indent, next_width), elem_width,
                               hanging_indent);
                        line += m_separator;
                    }
                    if (summary)
                    {
                        extend(s, line, "...", elem_width, hanging_indent);
                        line += m_separator;
                    }
                    for (std::int64_t i = trailing; i > 1; --i)
                    {
                        extend(s, line, recurse(axis + 1, offset + (n - i) * stride, next_indent, next_width),
                               elem_width, hanging_indent);
                        line += m_separator;
                    }
                    extend(s, line, recurse(axis + 1, offset + (n - 1) * stride, next_indent, next_width), elem_width,
                           hanging_indent);
                    s += line;
                }
                else
                {
                    const std::string line_sep = m_separator_stripped + std::string(axes_left - 1, '\n');
                    for (std::int64_t i = 0; i < leading; ++i)
                        s += hanging_indent + recurse(axis + 1, offset + i * stride, next_indent, next_width) + line_sep;
                    if (summary)
                        s += hanging_indent + "..." + line_sep;
                    for (std::int64_t i = trailing; i > 1; --i)
                        s += hanging_indent + recurse(axis + 1, offset + (n - i) * stride, next_indent, next_width) +
                             line_sep;
                    s += hanging_indent + recurse(axis + 1, offset + (n - 1) * stride, next_indent, next_width);
                }
                return "[" + s.substr(hanging_indent.size()) + "]";
            }

            const array_layout& m_a;
            std::function<std::string(std::int64_t)> m_format;
            std::string m_separator, m_separator_stripped;
            bool m_summarise;
            int m_edge;
        };

        // arrayprint's array2string for a non-empty array.
        std::string array_to_string(const array_layout& a, const print_options& po, const std::string& separator,
                                    const std::string& prefix, const std::string& suffix)
        {
            const bool summarise = size_of(a) > po.threshold;
            const std::vector<std::int64_t> offsets = shown_offsets(a, summarise, po.edgeitems);
            std::function<std::string(std::int64_t)> format;
            switch (a.type)
            {
                case dtype::float64:
                {
                    std::vector<double> values;
                    values.reserve(offsets.size());
                    for (const auto o : offsets)
                        values.push_back(float_at(a, o));
                    float_format f(values, po);
                    format = [f, &a](std::int64_t o) { return f(float_at(a, o)); };
                    break;
                }
                case dtype::int64:
                {
                    const auto* data = static_cast<const std::int64_t*>(a.data);
                    std::size_t width = 0;
                    for (const auto o : offsets)
                        width = std::max(width, std::to_string(data[o]).size());
                    format = [data, width](std::int64_t o)
                    {
                        const std::string s = std::to_string(data[o]);
                        return std::string(width > s.size() ? width - s.size() : 0, ' ') + s;
                    };
                    break;
                }
                case dtype::bool_:
                {
                    const auto* data = static_cast<const std::uint8_t*>(a.data);
                    const bool zero_dim = a.shape.empty();
                    format = [data, zero_dim](std::int64_t o)
                    { return data[o] ? (zero_dim ? "True" : " True") : "False"; };
                    break;
                }
            }
            array_formatter formatter(a, format, separator, summarise, po.edgeitems);
            const int width = po.linewidth - static_cast<int>(suffix.size());
            return formatter.run(" " + std::string(prefix.size(), ' '), width);
        }

        std::string shape_text(const std::vector<std::int64_t>& shape)
        {
            std::string s = "(";
            for (std::size_t i = 0; i < shape.size(); ++i)
                s += (i ? ", " : "") + std::to_string(shape[i]);
            return s + (shape.size() == 1 ? ",)" : ")");
        }
    }

    std::string scalar_str(dtype type, const void* element) { return element_text(type, element, 0); }

    std::string array_str(const array_layout& a, const print_options& options)
    {
        if (a.shape.empty())
            return element_text(a.type, a.data, 0);
        if (size_of(a) == 0)
            return "[]";
        return array_to_string(a, options, " ", "", "");
    }

    std::string array_repr(const array_layout& a, const print_options& options)
    {
        // float64, int64 and bool are implied by how their values print, so the
        // dtype is named only for empty arrays.
        const std::int64_t size = size_of(a);
        const bool skip_dtype = size > 0;
        const std::string prefix = "array(", suffix = skip_dtype ? ")" : ",";
        std::string body;
        if (size > 0)
            body = array_to_string(a, options, ", ", prefix, suffix);
        else if (a.shape.size() == 1)
            body = "[]";
        else
            body = "[], shape=" + shape_text(a.shape);
        std::string text = prefix + body + suffix;
        if (skip_dtype)
            return text;
        const std::string dtype_text = std::string("dtype=") + dtype_name(a.type) + ")";
        const auto newline = text.rfind('\n');
        const std::size_t last_line = newline == std::string::npos ? text.size() : text.size() - newline - 1;
        const bool wrap = last_line + dtype_text.size() + 1 > static_cast<std::size_t>(options.linewidth);
        return text + (wrap ? "\n" + std::string(prefix.size(), ' ') : " ") + dtype_text;
    }
}
