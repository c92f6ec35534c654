// The interpreter's numpy.ndarray: float64, int64 and bool elements in a shared
// buffer, seen through a shape, strides and an offset, so that slices, .T and
// reshape are views exactly where NumPy's are (writing through a view changes
// the original). New arrays follow NumPy's memory layout rules too ("K" order
// for element-wise results), because the layout decides the order in which
// sum() adds, and so its last bits.
//
// Everything here returns an outcome: the value, or the exception NumPy raises,
// with NumPy's message. Nothing throws and nothing prints.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "numpy/dtype.hpp"
#include "numpy/outcome.hpp"
#include "print/array_print.hpp"

namespace nl::py
{
    using shape_t = std::vector<std::int64_t>;

    /// The most elements one array may have (a MemoryError beyond).
    inline constexpr std::int64_t max_array_elements = 10'000'000;

    /// "(2,3)", "(4,)", "()": shapes as NumPy's broadcast messages write them.
    std::string shape_text_compact(const shape_t& shape);
    /// "(2, 3)", "(4,)", "()": shapes as Python's tuple repr writes them.
    std::string shape_text(const shape_t& shape);

    class ndarray
    {
    public:
        /// A 0-d float64 array holding 0.0.
        ndarray();

        /// A new zero-filled array in C order (MemoryError past the size limit).
        static outcome<ndarray> zeros(dtype type, const shape_t& shape);
        /// A new zero-filled array whose memory order follows `axis_order` (outermost
        /// axis first), as NumPy lays out "K"-order results.
        static outcome<ndarray> zeros_ordered(dtype type, const shape_t& shape, const std::vector<int>& axis_order);

        static ndarray scalar(double v);
        static ndarray scalar_int(std::int64_t v);
        static ndarray scalar_bool(bool v);

        dtype type() const { return m_type; }
        const shape_t& shape() const { return m_shape; }
        /// Strides in elements (not bytes); may be negative or zero.
        const shape_t& strides() const { return m_strides; }
        std::size_t ndim() const { return m_shape.size(); }
        std::int64_t size() const;
        /// Bytes of the buffer behind this array (shared with its views).
        std::size_t buffer_bytes() const;
        bool c_contiguous() const;
        bool f_contiguous() const;
        /// True when both look at the same buffer (views of one another).
        bool shares_buffer(const ndarray& other) const { return m_buffer == other.m_buffer; }

        /// Element (0, ..., 0); index further with the strides.
        template <class T>
        T* data() const
        {
            return reinterpret_cast<T*>(m_buffer->bytes()) + m_offset;
        }

        /// The element at C-order position `flat`, converted.
        double get_double(std::int64_t flat) const;
        std::int64_t get_int(std::int64_t flat) const;
        bool get_bool(std::int64_t flat) const;
        /// Element offset (in elements, from data()) of C-order position `flat`.
        std::int64_t offset_of(std::int64_t flat) const;

        /// The same elements with another shape and strides (a view).
        ndarray view(shape_t shape, shape_t strides, std::int64_t extra_offset = 0) const;

        /// For the printer.
        array_layout layout() const;

    private:
        struct buffer
        {
            explicit buffer(std::size_t n) : words(n) {}
            void* bytes() { return words.data(); }
            std::vector<std::uint64_t> words;  // 8-byte aligned, zero-filled
        };

        dtype m_type = dtype::float64;
        shape_t m_shape, m_strides;
        std::int64_t m_offset = 0;
        std::shared_ptr<buffer> m_buffer;
    };

    // ---------------------------------------------------------------- creation

    /// A tree of Python values for np.array(): a scalar, an ndarray, or a list or
    /// tuple of nodes.
    struct nested
    {
        enum class kind
        {
            boolean,
            integer,
            floating,
            array,
            sequence
        };
        kind k = kind::floating;
        bool b = false;
        std::int64_t i = 0;
        double f = 0;
        ndarray a;
        std::vector<nested> items;

        static nested of_bool(bool v);
        static nested of_int(std::int64_t v);
        static nested of_float(double v);
        static nested of_array(ndarray v);
        static nested of_sequence(std::vector<nested> v);
    };

    /// np.array(obj, dtype=...): infers shape and the type (bool < int64 <
    /// float64), or converts to `type` when given. Always a new C-order array.
    outcome<ndarray> array_from_nested(const nested& obj, std::optional<dtype> type = std::nullopt);

    /// np.full(shape, value) with the value as a 0-d array of its type (or `type`).
    outcome<ndarray> full(const shape_t& shape, const ndarray& value, std::optional<dtype> type = std::nullopt);
    outcome<ndarray> ones(const shape_t& shape, dtype type = dtype::float64);

    /// np.arange(start, stop, step): start/stop/step as 0-d arrays (int or float);
    /// stop absent means arange(0, start).
    outcome<ndarray> arange(const ndarray& start, const std::optional<ndarray>& stop, const std::optional<ndarray>& step,
                            std::optional<dtype> type = std::nullopt);

    /// np.linspace(start, stop, num, endpoint).
    outcome<ndarray> linspace(double start, double stop, std::int64_t num, bool endpoint = true,
                              std::optional<dtype> type = std::nullopt);

    /// np.eye(n, m, k).
    outcome<ndarray> eye(std::int64_t n, std::optional<std::int64_t> m = std::nullopt, std::int64_t k = 0,
                         dtype type = dtype::float64);

    /// np.full_like (zeros_like, ones_like): a's shape and memory layout, filled.
    outcome<ndarray> full_like(const ndarray& a, const ndarray& value, std::optional<dtype> type = std::nullopt);

    // ---------------------------------------------------------- shape and copies

    /// a.reshape(shape); one entry may be -1. A view when the layout allows.
    outcome<ndarray> reshape(const ndarray& a, const shape_t& shape);
    /// a.T / a.transpose(): reversed axes (a view).
    ndarray transpose(const ndarray& a);
    /// a.transpose(axes) with an explicit permutation.
    outcome<ndarray> transpose(const ndarray& a, const std::vector<std::int64_t>& axes);
    /// a.flatten(): a 1-D copy in C order.
    ndarray flatten(const ndarray& a);
    /// a.ravel(): a 1-D view when C-contiguous, else a copy.
    ndarray ravel(const ndarray& a);
    /// a.copy(): a C-order copy.
    ndarray copy(const ndarray& a);
    /// a.astype(type): a copy in the same layout ("K" order), converted as NumPy
    /// casts (float to int truncates; NaN and out-of-range give INT64_MIN as on x86).
    ndarray astype(const ndarray& a, dtype type);
    /// np.array(a) / np.asarray semantics for an existing array: a "K"-order copy.
    ndarray copy_keep_layout(const ndarray& a);
    /// np.expand_dims / a[:, None] helpers use indexing; squeeze removes size-1 axes.
    outcome<ndarray> squeeze(const ndarray& a, std::optional<std::int64_t> axis = std::nullopt);

    // ---------------------------------------------------------------- indexing

    /// One item of a subscript: a[2], a[1:3], a[None], a[...], a[mask], a[[0, 2]].
    struct index_item
    {
        enum class kind
        {
            integer,
            slice,
            newaxis,
            ellipsis,
            array  // a bool mask or an int64 index array
        };
        kind k = kind::integer;
        std::int64_t i = 0;
        std::optional<std::int64_t> start, stop, step;
        ndarray array;

        static index_item at(std::int64_t i);
        static index_item range(std::optional<std::int64_t> start, std::optional<std::int64_t> stop,
                                std::optional<std::int64_t> step);
        static index_item all() { return range({}, {}, {}); }
        static index_item new_axis();
        static index_item ellipsis_item();
        static index_item of_array(ndarray a);
    };
    using index_t = std::vector<index_item>;

    /// a[index]: a view for integers, slices, None and ...; a copy when an index
    /// is an array (boolean masks, integer arrays). A 0-d result is an array too;
    /// the caller turns it into a NumPy scalar.
    outcome<ndarray> get_item(const ndarray& a, const index_t& index);

    /// a[index] = value, with value broadcast to the selection and cast to a's
    /// type. from_python_scalar: the value was a Python float/int (NaN or inf into
    /// an int array raise as Python's int() does).
    status set_item(ndarray& a, const index_t& index, const ndarray& value, bool from_python_scalar = false);

    // ------------------------------------------------------------- conversions

    /// float(a), int(a), bool(a), a.item(): only for arrays of one element.
    outcome<double> to_double(const ndarray& a);
    outcome<std::int64_t> to_int(const ndarray& a);  // truncates floats; errors as Python's int()
    outcome<bool> truth(const ndarray& a);

    /// len(a): the first dimension (TypeError for 0-d).
    outcome<std::int64_t> length(const ndarray& a);

    /// a.tolist() leaves: the elements in C order as a nested value.
    nested to_nested(const ndarray& a);

    /// str(a) and repr(a) under the given print options.
    std::string str(const ndarray& a, const print_options& options);
    std::string repr(const ndarray& a, const print_options& options);
}
