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

        template <class E>
        std::string shape_of(const E& e)
        {
            return e.dimension() == 1 ? shape_of(e.shape()[0]) : shape_of(e.shape()[0], e.shape()[1]);
        }

        std::string number_text(double v) { return std::isnan(v) ? "nan" : v > 0 ? "inf" : "-inf"; }

        // Names the first NaN or infinity, with its index, or returns "".
        template <class E>
        std::string non_finite(const char* what, const E& e)
        {
            const double* p = e.data();
            for (std::size_t i = 0; i < e.size(); ++i)
            {
                if (std::isfinite(p[i]))
                    continue;
                std::string where = std::to_string(i);
                if (e.dimension() == 2)
                    where = std::to_string(i / e.shape()[1]) + "," + std::to_string(i % e.shape()[1]);
                return std::string(what) + " contain " + number_text(p[i]) + " at [" + where +
                       "]: every number must be finite";
            }
            return "";
        }

        // Sizes the core accepts, so no attribute can ask for gigabytes.
        std::string size_problem(const char* what, std::size_t rows, std::size_t cols,
                                 std::size_t max_rows)
        {
            const std::string shape = shape_of(rows, cols);
            if (rows == 0 || cols == 0)
                return std::string(what) + " " + shape + " are empty";
            if (cols > limits::max_width)
                return std::string(what) + " " + shape + " are too wide: at most " +
                       std::to_string(limits::max_width) + " per row";
            if (rows > max_rows)
                return std::string(what) + " " + shape + " have too many rows: at most " +
                       std::to_string(max_rows);
            if (rows * cols > limits::max_elements)
                return std::string(what) + " " + shape + " are too large: at most " +
                       std::to_string(limits::max_elements) + " numbers";
            return "";
        }

        std::string check_inputs(const matrix& x)
        {
            const std::string size = size_problem("inputs", x.shape()[0], x.shape()[1], limits::max_samples);
            return size.empty() ? non_finite("inputs", x) : size;
        }

        // Z = X Wᵀ + b or X W + b, each sum from left to right as the reference
        // BLAS does, then the activation.
        layer_output dense(const matrix& x, const dense_layer& layer)
        {
            const std::size_t samples = x.shape()[0], n_in = layer.inputs(), n_out = layer.outputs();
            // Element (neuron j, input k) of W lies at j*row_step + k*col_step.
            const bool rows = layer.layout == layout::rows;
            const std::size_t row_step = rows ? n_in : 1, col_step = rows ? 1 : n_out;

            layer_output out{matrix::from_shape({samples, n_out}), matrix::from_shape({samples, n_out})};
            const double* w = layer.weights.data();
            for (std::size_t s = 0; s < samples; ++s)
            {
                const double* xs = x.data() + s * n_in;
                double* zs = out.z.data() + s * n_out;
                for (std::size_t j = 0; j < n_out; ++j)
                {
                    double sum = 0;
                    for (std::size_t k = 0; k < n_in; ++k)
                        sum += xs[k] * w[j * row_step + k * col_step];
                    zs[j] = sum + layer.biases(j);
                }
            }
            apply_rows(layer.act, out.z.data(), out.a.data(), samples, n_out);
            return out;
        }
    }

    std::size_t dense_layer::inputs() const
    {
        return weights.shape()[layout == layout::rows ? 1 : 0];
    }

    std::size_t dense_layer::outputs() const
    {
        return weights.shape()[layout == layout::rows ? 0 : 1];
    }

    result<neuron_trace> neuron_forward(const vector& inputs, const vector& weights, double bias,
                                        const activation& act)
    {
        const std::size_t n = inputs.size();
        if (n == 0)
            return error{"a neuron needs at least one input; inputs are empty"};
        if (n > limits::max_width)
            return error{"inputs " + shape_of(n) + " are too many: at most " +
                         std::to_string(limits::max_width)};
        if (weights.size() != n)
            return error{"inputs " + shape_of(n) + " and weights " + shape_of(weights.size()) +
                         " not aligned: one weight per input, so " + std::to_string(n) +
                         " != " + std::to_string(weights.size())};
        for (const auto& problem : {non_finite("inputs", inputs), non_finite("weights", weights)})
            if (!problem.empty())
                return error{problem};
        if (!std::isfinite(bias))
            return error{"bias is " + number_text(bias) + ": it must be a finite number"};
        if (!act.elementwise())
            return error{"softmax needs a layer: it turns a row of outputs into probabilities, "
                         "and a single neuron's would always be 1"};

        neuron_trace trace{vector::from_shape({n}), 0, bias, 0, 0};
        for (std::size_t i = 0; i < n; ++i)
        {
            trace.products(i) = weights(i) * inputs(i);
            trace.sum += trace.products(i);
        }
        trace.z = trace.sum + bias;
        trace.y = apply(act, trace.z);
        return trace;
    }

    status check_layer(const dense_layer& layer)
    {
        const matrix& w = layer.weights;
        std::string problem = size_problem("weights", w.shape()[0], w.shape()[1], limits::max_width);
        if (problem.empty() && layer.biases.size() != layer.outputs())
            problem = "biases " + shape_of(layer.biases.size()) + " do not match weights " +
                      shape_of(w) + " (" + (layer.layout == layout::rows ? "rows" : "cols") +
                      " layout): one bias per neuron, and the layer has " +
                      std::to_string(layer.outputs()) + " neurons";
        if (problem.empty())
            problem = non_finite("weights", w);
        if (problem.empty())
            problem = non_finite("biases", layer.biases);
        return status{problem};
    }

    result<layer_output> layer_forward(const matrix& x, const dense_layer& layer)
    {
        if (auto problem = check_inputs(x); !problem.empty())
            return error{problem};
        if (auto checked = check_layer(layer); !checked)
            return error{checked.message};
        if (x.shape()[1] != layer.inputs())
        {
            const bool rows = layer.layout == layout::rows;
            return error{"shapes " + shape_of(x) + " and " + shape_of(layer.weights) +
                         (rows ? "ᵀ" : "") + " not aligned: " + std::to_string(x.shape()[1]) +
                         " inputs per sample but " + std::to_string(layer.inputs()) +
                         (rows ? " weights per neuron (rows layout: one row per neuron)"
                               : " weights per neuron (cols layout: one column per neuron)")};
        }
        return dense(x, layer);
    }

    result<std::vector<layer_output>> network_forward(const matrix& x,
                                                      const std::vector<dense_layer>& layers)
    {
        if (layers.empty())
            return error{"a network needs at least one layer"};
        if (layers.size() > limits::max_layers)
            return error{"a network of " + std::to_string(layers.size()) + " layers is too deep: at most " +
                         std::to_string(limits::max_layers)};
        if (auto problem = check_inputs(x); !problem.empty())
            return error{problem};
        std::size_t width = x.shape()[1];
        for (std::size_t i = 0; i < layers.size(); ++i)
        {
            if (auto checked = check_layer(layers[i]); !checked)
                return error{"layer " + std::to_string(i + 1) + ": " + checked.message};
            if (layers[i].inputs() != width)
                return error{"layer " + std::to_string(i + 1) + " has weights " +
                             shape_of(layers[i].weights) + " taking " +
                             std::to_string(layers[i].inputs()) + " inputs, but " +
                             (i == 0 ? std::string("the inputs ") + shape_of(x) + " give "
                                     : "layer " + std::to_string(i) + " gives ") +
                             std::to_string(width)};
            width = layers[i].outputs();
        }

        std::vector<layer_output> outputs;
        outputs.reserve(layers.size());
        for (std::size_t i = 0; i < layers.size(); ++i)
            outputs.push_back(dense(i == 0 ? x : outputs.back().a, layers[i]));
        return outputs;
    }

    namespace
    {
        std::string check_sizes(const std::vector<std::size_t>& sizes)
        {
            if (sizes.size() < 2)
                return "layer sizes need at least two entries (inputs and outputs), got " +
                       std::to_string(sizes.size());
            if (sizes.size() > limits::max_layers + 1)
                return "a network of " + std::to_string(sizes.size() - 1) +
                       " layers is too deep: at most " + std::to_string(limits::max_layers);
            for (std::size_t i = 0; i < sizes.size(); ++i)
                if (sizes[i] == 0 || sizes[i] > limits::max_width)
                    return "layer size " + std::to_string(sizes[i]) + " (entry " + std::to_string(i) +
                           ") must be between 1 and " + std::to_string(limits::max_width);
            return "";
        }
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
                                                    const std::vector<activation>& acts,
                                                    std::uint32_t seed, double scale)
    {
        if (auto problem = check_sizes(sizes); !problem.empty())
            return error{problem};
        if (acts.size() != sizes.size() - 1)
            return error{std::to_string(sizes.size()) + " layer sizes make " +
                         std::to_string(sizes.size() - 1) + " layers, but " +
                         std::to_string(acts.size()) + " activations were given"};
        if (!std::isfinite(scale))
            return error{"scale is " + number_text(scale) + ": it must be a finite number"};
        for (std::size_t i = 0; i + 1 < sizes.size(); ++i)
            if (sizes[i] * sizes[i + 1] > limits::max_elements)
                return error{"weights " + shape_of(sizes[i], sizes[i + 1]) + " are too large: at most " +
                             std::to_string(limits::max_elements) + " numbers"};

        legacy_random rng(seed);
        std::vector<dense_layer> layers;
        for (std::size_t i = 0; i + 1 < sizes.size(); ++i)
        {
            dense_layer layer{matrix::from_shape({sizes[i], sizes[i + 1]}), vector::from_shape({sizes[i + 1]}), acts[i], layout::cols};
            for (double& w : layer.weights)
                w = rng.next_gauss() * scale;
            layer.biases.fill(0.0);
            layers.push_back(std::move(layer));
        }
        return layers;
    }
}
