// Activation functions, exact (float64, for every number a page shows) and by
// name, as the embed contract spells them: "relu", "leaky_relu(0.2)", ...
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "result.hpp"

namespace nl
{
    enum class activation_kind
    {
        step,     // 1 where z > 0, else 0
        sigmoid,  // 1 / (1 + e^-z)
        tanh,
        relu,        // max(0, z)
        leaky_relu,  // z where z > 0, else slope * z
        identity,
        softmax  // along each row; layers only
    };

    /// An activation function with its parameter (the slope of leaky ReLU).
    struct activation
    {
        activation_kind kind = activation_kind::identity;
        double slope = 0.01;

        /// True for the functions applied to each number on its own (all but softmax).
        bool elementwise() const { return kind != activation_kind::softmax; }
    };

    /// Parses "step", "sigmoid", "tanh", "relu", "leaky_relu", "leaky_relu(0.2)",
    /// "identity" or "softmax" (surrounding spaces allowed).
    result<activation> parse_activation(std::string_view name);

    /// The canonical name: parse_activation(name_of(a)) gives a back.
    std::string name_of(const activation& a);

    /// f(z) for an element-wise activation; softmax of a single number is 1.
    double apply(const activation& a, double z);

    /// Applies a row by row to a rows x cols row-major matrix: out may alias z.
    void apply_rows(const activation& a, const double* z, double* out, std::size_t rows, std::size_t cols);
}
