#include "forward.hpp"

#include <cmath>
#include <string>

#include "limits.hpp"
#include "random.hpp"

namespace nl
{
    namespace
    {
        std::string shape_of(std::size_t n) { return "(" + std::to_string(n) + ",)"; }

        std::string shape_of(std::size_t rows, std::size_t cols)
        {
            return "(" + std::to_string(rows) + "," + std::to_string(cols) + ")";
        }

        std::string shape_of(matrix_view m) { return shape_of(m.rows, m.cols); }

        std::string number_text(double v) { return std::isnan(v) ? "nan" : v > 0 ? "inf" : "-inf"; }

        const char* layout_name(layout l) { return l == layout::rows ? "rows" : "cols"; }

        // The index of the first NaN or infinity, or count if there is none.
        std::size_t first_non_finite(const double* p, std::size_t count)
        {
            std::size_t i = 0;
            while (i < count && std::isfinite(p[i]))
                ++i;
            return i;
        }

        // "[i]" or, for a matrix with cols columns, "[row,col]".
        std::string index_text(std::size_t i, std::size_t cols)
        {
            return "[" + (cols ? std::to_string(i / cols) + "," + std::to_string(i % cols) : std::to_string(i)) + "]";
        }

        // Names the first NaN or infinity and where it is (cols == 0: a vector), or "".
        std::string non_finite(const char* what, const double* p, std::size_t count, std::size_t cols = 0)
        {
            const std::size_t i = first_non_finite(p, count);
            if (i == count)
                return "";
            return std::string(what) + " contain " + number_text(p[i]) + " at " + index_text(i, cols) +
                   ": every number must be finite";
        }

        // Sizes the core accepts, so no attribute can ask for gigabytes.
        std::string size_problem(const char* what, std::size_t rows, std::size_t cols, std::size_t max_rows)
        {
            // The common case builds no strings: this runs on every slider move.
            if (rows != 0 && cols != 0 && cols <= limits::max_width && rows <= max_rows &&
                rows * cols <= limits::max_elements)
                return "";
            const std::string shape = shape_of(rows, cols);
            if (rows == 0 || cols == 0)
                return std::string(what) + " " + shape + " are empty";
            if (cols > limits::max_width)
                return std::string(what) + " " + shape + " are too wide: at most " + std::to_string(limits::max_width) +
                       " per row";
            if (rows > max_rows)
                return std::string(what) + " " + shape + " have too many rows: at most " + std::to_string(max_rows);
            if (rows * cols > limits::max_elements)
                return std::string(what) + " " + shape + " are too large: at most " +
                       std::to_string(limits::max_elements) + " numbers";
            return "";
        }

        std::string check_inputs(matrix_view x)
        {
            const std::string size = size_problem("inputs", x.rows, x.cols, limits::max_samples);
            return size.empty() ? non_finite("inputs", x.data, x.rows * x.cols, x.cols) : size;
        }

        std::string check(const layer_view& layer)
        {
            const matrix_view w = layer.weights;
            std::string problem = size_problem("weights", w.rows, w.cols, limits::max_width);
            if (problem.empty() && layer.bias_count != layer.outputs())
                problem = "biases " + shape_of(layer.bias_count) + " do not match weights " + shape_of(w) + " (" +
                          layout_name(layer.layout) + " layout): one bias per neuron, and the layer has " +
                          std::to_string(layer.outputs()) + " neurons";
            if (problem.empty())
                problem = non_finite("weights", w.data, w.rows * w.cols, w.cols);
            if (problem.empty())
                problem = non_finite("biases", layer.biases, layer.bias_count);
            return problem;
        }

        // Everything that can be wrong with a network and its inputs, or "".
        std::string check(matrix_view x, const layer_view* layers, std::size_t count)
        {
            if (count == 0)
                return "a network needs at least one layer";
            if (count > limits::max_layers)
                return "a network of " + std::to_string(count) + " layers is too deep: at most " +
                       std::to_string(limits::max_layers);
            if (auto problem = check_inputs(x); !problem.empty())
                return problem;
            std::size_t width = x.cols;
            for (std::size_t i = 0; i < count; ++i)
            {
                const layer_view& layer = layers[i];
                if (auto problem = check(layer); !problem.empty())
                    return count == 1 ? problem : "layer " + std::to_string(i + 1) + ": " + problem;
                if (layer.inputs() == width)
                {
                    width = layer.outputs();
                    if (x.rows * width > limits::max_elements)
                        return "outputs " + shape_of(x.rows, width) + " would be too large: at most " +
                               std::to_string(limits::max_elements) + " numbers";
                    continue;
                }
                const bool rows = layer.layout == layout::rows;
                const std::string per_neuron = std::to_string(layer.inputs()) + " weights per neuron (" +
                                               layout_name(layer.layout) + " layout: one " + (rows ? "row" : "column") +
                                               " per neuron)";
                if (i == 0)
                    return "shapes " + shape_of(x) + " and " + shape_of(layer.weights) + (rows ? "ᵀ" : "") +
                           " not aligned: " + std::to_string(width) + " inputs per sample but " + per_neuron;
                return "layer " + std::to_string(i + 1) + " has weights " + shape_of(layer.weights) +
                       (rows ? "ᵀ" : "") + " with " + per_neuron + ", but layer " + std::to_string(i) + " gives " +
                       std::to_string(width) + " outputs";
            }
            return "";
        }

        // z = x Wᵀ + b or x W + b, each sum from left to right as the reference
        // BLAS adds (so the last bit equals NumPy's), then a = act(z).
        void dense(const double* x, std::size_t samples, const layer_view& layer, double* z, double* a)
        {
            const std::size_t n_in = layer.inputs(), n_out = layer.outputs();
            // Weight (neuron j, input k) lies at j*neuron_step + k*input_step.
            const bool rows = layer.layout == layout::rows;
            const std::size_t neuron_step = rows ? n_in : 1, input_step = rows ? 1 : n_out;
            const double* w = layer.weights.data;
            for (std::size_t s = 0; s < samples; ++s)
            {
                const double* xs = x + s * n_in;
                double* zs = z + s * n_out;
                for (std::size_t j = 0; j < n_out; ++j)
                {
                    double sum = 0;
                    for (std::size_t k = 0; k < n_in; ++k)
                        sum += xs[k] * w[j * neuron_step + k * input_step];
                    zs[j] = sum + layer.biases[j];
                }
            }
            apply_rows(layer.act, z, a, samples, n_out);
        }

        // Finite inputs can still overflow: names the first infinity in a
        // layer's Z or A (rows x cols each), or returns "".
        std::string overflow(const double* z, const double* a, std::size_t rows, std::size_t cols, std::size_t layer,
                             std::size_t count)
        {
            for (const auto& [what, p] : {std::pair{"Z", z}, std::pair{"A", a}})
            {
                const std::size_t i = first_non_finite(p, rows * cols);
                if (i < rows * cols)
                    return (count == 1 ? "" : "layer " + std::to_string(layer + 1) + ": ") + what + " overflowed to " +
                           number_text(p[i]) + " at " + index_text(i, cols) +
                           ": the numbers are too large for float64 (at most about 1.8e308)";
            }
            return "";
        }

        matrix_view view_of(const matrix& m) { return {m.data(), m.shape()[0], m.shape()[1]}; }

        layer_view view_of(const dense_layer& l)
        {
            return {view_of(l.weights), l.biases.data(), l.biases.size(), l.act, l.layout};
        }

        std::vector<layer_view> views_of(const std::vector<dense_layer>& layers)
        {
            std::vector<layer_view> views;
            views.reserve(layers.size());
            for (const auto& layer : layers)
                views.push_back(view_of(layer));
            return views;
        }

        std::string check_sizes(const std::vector<std::size_t>& sizes)
        {
            if (sizes.size() < 2)
                return "layer sizes need at least two entries (inputs and outputs), got " +
                       std::to_string(sizes.size());
            if (sizes.size() > limits::max_layers + 1)
                return "a network of " + std::to_string(sizes.size() - 1) + " layers is too deep: at most " +
                       std::to_string(limits::max_layers);
            for (std::size_t i = 0; i < sizes.size(); ++i)
                if (sizes[i] == 0 || sizes[i] > limits::max_width)
                    return "layer size " + std::to_string(sizes[i]) + " (entry " + std::to_string(i) +
                           ") must be between 1 and " + std::to_string(limits::max_width);
            for (std::size_t i = 0; i + 1 < sizes.size(); ++i)
                if (sizes[i] * sizes[i + 1] > limits::max_elements)
                    return "weights " + shape_of(sizes[i], sizes[i + 1]) + " are too large: at most " +
                           std::to_string(limits::max_elements) + " numbers";
            return "";
        }
    }

    std::size_t dense_layer::inputs() const { return view_of(*this).inputs(); }
    std::size_t dense_layer::outputs() const { return view_of(*this).outputs(); }

    status neuron_forward(const double* inputs, const double* weights, std::size_t n, double bias,
                          const activation& act, double* products, neuron_sums& sums)
    {
        if (n == 0)
            return status{"a neuron needs at least one input; inputs are empty"};
        if (n > limits::max_width)
            return status{"inputs " + shape_of(n) + " are too many: at most " + std::to_string(limits::max_width)};
        for (const auto& problem : {non_finite("inputs", inputs, n), non_finite("weights", weights, n)})
            if (!problem.empty())
                return status{problem};
        if (!std::isfinite(bias))
            return status{"bias is " + number_text(bias) + ": it must be a finite number"};
        if (!act.elementwise())
            return status{"softmax needs a layer: it turns a row of outputs into probabilities, "
                          "and a single neuron's would always be 1"};
        sums.sum = 0;
        for (std::size_t i = 0; i < n; ++i)
        {
            products[i] = weights[i] * inputs[i];
            sums.sum += products[i];
        }
        sums.z = sums.sum + bias;
        sums.y = apply(act, sums.z);
        if (!std::isfinite(sums.z) || !std::isfinite(sums.y))
            return status{std::string(std::isfinite(sums.z) ? "y" : "z") + " overflowed to " +
                          number_text(std::isfinite(sums.z) ? sums.y : sums.z) +
                          ": the numbers are too large for float64 (at most about 1.8e308)"};
        return status{};
    }

    result<neuron_trace> neuron_forward(const vector& inputs, const vector& weights, double bias, const activation& act)
    {
        if (weights.size() != inputs.size() && inputs.size() != 0)
            return error{"inputs " + shape_of(inputs.size()) + " and weights " + shape_of(weights.size()) +
                         " not aligned: one weight per input, so " + std::to_string(inputs.size()) +
                         " != " + std::to_string(weights.size())};
        neuron_trace trace{vector::from_shape({inputs.size()}), 0, bias, 0, 0};
        neuron_sums sums;
        if (auto done =
                neuron_forward(inputs.data(), weights.data(), inputs.size(), bias, act, trace.products.data(), sums);
            !done)
            return error{done.message};
        trace.sum = sums.sum;
        trace.z = sums.z;
        trace.y = sums.y;
        return trace;
    }

    status check_layer(const dense_layer& layer) { return status{check(view_of(layer))}; }

    std::size_t network_output_size(matrix_view x, const layer_view* layers, std::size_t count)
    {
        if (!check(x, layers, count).empty())
            return 0;
        std::size_t size = 0;
        for (std::size_t i = 0; i < count; ++i)
            size += 2 * x.rows * layers[i].outputs();
        return size;
    }

    status network_forward(matrix_view x, const layer_view* layers, std::size_t count, double* out)
    {
        if (auto problem = check(x, layers, count); !problem.empty())
            return status{problem};
        const double* in = x.data;
        for (std::size_t i = 0; i < count; ++i)
        {
            const std::size_t size = x.rows * layers[i].outputs();
            dense(in, x.rows, layers[i], out, out + size);
            if (auto problem = overflow(out, out + size, x.rows, layers[i].outputs(), i, count); !problem.empty())
                return status{problem};
            in = out + size;
            out += 2 * size;
        }
        return status{};
    }

    result<std::vector<layer_output>> network_forward(const matrix& x, const std::vector<dense_layer>& layers)
    {
        const std::vector<layer_view> views = views_of(layers);
        if (auto problem = check(view_of(x), views.data(), views.size()); !problem.empty())
            return error{problem};
        std::vector<layer_output> outputs;
        outputs.reserve(layers.size());
        for (const auto& layer : views)
        {
            const matrix& in = outputs.empty() ? x : outputs.back().a;
            layer_output out{matrix::from_shape({in.shape()[0], layer.outputs()}),
                             matrix::from_shape({in.shape()[0], layer.outputs()})};
            dense(in.data(), in.shape()[0], layer, out.z.data(), out.a.data());
            if (auto problem =
                    overflow(out.z.data(), out.a.data(), in.shape()[0], layer.outputs(), outputs.size(), views.size());
                !problem.empty())
                return error{problem};
            outputs.push_back(std::move(out));
        }
        return outputs;
    }

    result<layer_output> layer_forward(const matrix& x, const dense_layer& layer)
    {
        auto outputs = network_forward(x, {layer});
        if (!outputs)
            return error{outputs.message()};
        return std::move(outputs.value().front());
    }

    result<std::uint64_t> parameter_count(const std::vector<std::size_t>& sizes)
    {
        if (auto problem = check_sizes(sizes); !problem.empty())
            return error{problem};
        std::uint64_t count = 0;
        for (std::size_t i = 0; i + 1 < sizes.size(); ++i)
            count += std::uint64_t(sizes[i]) * sizes[i + 1] + sizes[i + 1];
        return count;
    }

    result<std::vector<dense_layer>> seeded_network(const std::vector<std::size_t>& sizes,
                                                    const std::vector<activation>& acts, std::uint32_t seed,
                                                    double scale)
    {
        if (auto problem = check_sizes(sizes); !problem.empty())
            return error{problem};
        if (acts.size() != sizes.size() - 1)
            return error{std::to_string(sizes.size()) + " layer sizes make " + std::to_string(sizes.size() - 1) +
                         " layers, but " + std::to_string(acts.size()) + " activations were given"};
        if (!std::isfinite(scale))
            return error{"scale is " + number_text(scale) + ": it must be a finite number"};

        legacy_random rng(seed);
        std::vector<dense_layer> layers;
        for (std::size_t i = 0; i + 1 < sizes.size(); ++i)
        {
            dense_layer layer{matrix::from_shape({sizes[i], sizes[i + 1]}), vector::from_shape({sizes[i + 1]}), acts[i],
                              layout::cols};
            for (double& w : layer.weights)  // row-major, as randn(n_in, n_out) fills them
                w = rng.next_gauss() * scale;
            layer.biases.fill(0.0);
            layers.push_back(std::move(layer));
        }
        return layers;
    }
}
