// Float32 kernels for bulk work (large batches, decision-boundary grids,
// benchmarks): plain loops over caller-owned, contiguous, row-major memory that
// the compiler vectorises. Nothing a page shows as a number comes from here.
#pragma once

#include <cstddef>

#include "activation.hpp"

namespace nl::kernels
{
    /// out = x w + b: x is rows x n_in, w is n_in x n_out (cols layout), b has
    /// n_out entries (or is null for no bias), out is rows x n_out. out must not
    /// alias x or w.
    void dense_f32(const float* x, std::size_t rows, std::size_t n_in, const float* w, const float* b,
                   std::size_t n_out, float* out);

    /// e^x in float32 within 2 ulp where the result is a normal float (x in
    /// [-87.336, 88.722]); 0 below, +inf above.
    float fast_exp(float x);
    /// tanh within 1e-6 relative error.
    float fast_tanh(float x);
    /// The logistic sigmoid within 1e-6 relative error where the result is a
    /// normal float (|x| < 87); 0 or 1 beyond.
    float fast_sigmoid(float x);

    /// Applies act in place to a rows x cols row-major matrix (softmax by row),
    /// with the fast functions above.
    void activate_f32(const activation& act, float* values, std::size_t rows, std::size_t cols);
}
