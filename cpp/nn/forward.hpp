// The forward pass in float64: one neuron with its step-by-step trace, a dense
// layer in both weight layouts, batches, and networks of layers. The sums run
// left to right, the order in which NumPy (with the reference BLAS) adds, so
// every number here equals what `x @ w + b` prints.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <xtensor/xtensor.hpp>

#include "activation.hpp"
#include "result.hpp"

namespace nl
{
    using vector = xt::xtensor<double, 1>;
    using matrix = xt::xtensor<double, 2>;

    /// Every step of one neuron: products[i] = weights[i] * inputs[i],
    /// sum = their running total, z = sum + bias, y = activation(z).
    struct neuron_trace
    {
        vector products;
        double sum = 0;
        double bias = 0;
        double z = 0;
        double y = 0;
    };

    /// One neuron. Softmax is refused (it needs a layer).
    result<neuron_trace> neuron_forward(const vector& inputs, const vector& weights, double bias,
                                        const activation& act);

    /// How a layer's weight matrix is laid out.
    enum class layout
    {
        rows,  // (n_out, n_in), one row per neuron: Z = X Wᵀ + b
        cols   // (n_in, n_out), one column per neuron: Z = X W + b (the NumPy lessons)
    };

    /// A dense layer: its weights in the given layout, one bias per neuron.
    struct dense_layer
    {
        matrix weights;
        vector biases;
        activation act;
        nl::layout layout = layout::rows;

        std::size_t inputs() const;   // n_in
        std::size_t outputs() const;  // n_out
    };

    /// A layer's pre-activation Z and activation A, one row per sample.
    struct layer_output
    {
        matrix z;
        matrix a;
    };

    /// Sends a batch (one sample per row of x) through one layer.
    result<layer_output> layer_forward(const matrix& x, const dense_layer& layer);

    /// Sends a batch through every layer in turn; returns each layer's Z and A.
    result<std::vector<layer_output>> network_forward(const matrix& x, const std::vector<dense_layer>& layers);

    /// Weights and biases for layer sizes [a0, a1, ..., ak]: sum of a_i*a_(i+1) + a_(i+1).
    result<std::uint64_t> parameter_count(const std::vector<std::size_t>& sizes);

    /// A network whose weights are drawn as NumPy's `np.random.seed(seed)` then,
    /// per layer, `np.random.randn(n_in, n_out) * scale` (cols layout), biases zero.
    result<std::vector<dense_layer>> seeded_network(const std::vector<std::size_t>& sizes,
                                                    const std::vector<activation>& acts, std::uint32_t seed,
                                                    double scale);

    /// Checks a layer on its own (shapes, finite numbers, limits).
    status check_layer(const dense_layer& layer);

    // The same computations over caller-owned memory, for callers that reuse
    // buffers between calls (the wasm bindings): they check everything the
    // functions above check, and allocate nothing on success.

    /// A row-major float64 matrix the caller owns.
    struct matrix_view
    {
        const double* data = nullptr;
        std::size_t rows = 0, cols = 0;
    };

    /// A layer over caller-owned weights (rows x cols, in its layout) and biases.
    struct layer_view
    {
        matrix_view weights;
        const double* biases = nullptr;
        std::size_t bias_count = 0;
        activation act;
        nl::layout layout = layout::rows;

        std::size_t inputs() const { return layout == layout::rows ? weights.cols : weights.rows; }
        std::size_t outputs() const { return layout == layout::rows ? weights.rows : weights.cols; }
    };

    /// The numbers of a neuron's trace other than its products.
    struct neuron_sums
    {
        double sum = 0, z = 0, y = 0;
    };

    /// neuron_forward writing the n products to `products`.
    status neuron_forward(const double* inputs, const double* weights, std::size_t n, double bias,
                          const activation& act, double* products, neuron_sums& sums);

    /// network_forward writing, for each layer in turn, its Z and then its A
    /// (samples x outputs each, row-major) one after the other into `out`.
    status network_forward(matrix_view x, const layer_view* layers, std::size_t count, double* out);

    /// The size `out` needs for network_forward, or 0 when the shapes are wrong.
    std::size_t network_output_size(matrix_view x, const layer_view* layers, std::size_t count);
}
