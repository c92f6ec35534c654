// Decision-boundary maps: a 2-input network evaluated over an n x n grid of a
// rectangle in float32, into a buffer the caller owns, without allocating per
// call (so a page can redraw on every drag).
#pragma once

#include <cstddef>
#include <vector>

#include "forward.hpp"
#include "result.hpp"

namespace nl
{
    /// A layer in float32, weights in cols layout (n_in x n_out, row-major).
    struct layer_f32
    {
        std::vector<float> weights;
        std::vector<float> biases;
        activation act;
        std::size_t n_in = 0;
        std::size_t n_out = 0;
    };

    /// Converts checked float64 layers (either layout) to float32 cols layout.
    result<std::vector<layer_f32>> to_float32(const std::vector<dense_layer>& layers);

    /// The rectangle a grid covers.
    struct extent
    {
        double xmin = -1, xmax = 1, ymin = -1, ymax = 1;
    };

    /// Evaluates one network over grids, reusing its scratch memory.
    class grid_evaluator
    {
    public:
        /// The network must take 2 inputs; the map shows its first output.
        static result<grid_evaluator> create(const std::vector<dense_layer>& layers);

        /// Replaces the weights (same checks as create); no allocation when the
        /// sizes are unchanged.
        status set_layers(const std::vector<dense_layer>& layers);

        /// Writes side*side values to out, row-major, row 0 at y = ymax (the top
        /// of an image) and column 0 at x = xmin; cell centres are sampled.
        status evaluate(const extent& box, std::size_t side, float* out);

    private:
        grid_evaluator() = default;
        std::vector<layer_f32> m_layers;
        std::vector<float> m_in, m_out;  // one block of samples at a time
    };
}
