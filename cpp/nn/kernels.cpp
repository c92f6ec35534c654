#include "kernels.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace nl::kernels
{
    namespace
    {
        // Written without branches (selects only) so the loops that call them
        // vectorise; both sides of each select are computed.

        inline float bits_to_float(std::uint32_t u)
        {
            float f;
            std::memcpy(&f, &u, sizeof f);
            return f;
        }

        inline float exp_f32(float x)
        {
            // e^x = 2^n * e^r with n = round(x / ln 2) and |r| <= ln(2)/2; e^r by
            // its Taylor polynomial to r^7 (truncation below 6e-9 relative).
            // Below lo the result is not a normal float; above hi it overflows.
            constexpr float lo = -87.33654f, hi = 88.72283f;
            const float xc = std::min(std::max(x, lo), hi);
            constexpr float round_magic = 12582912.0f;  // 1.5 * 2^23: adding it rounds to an integer
            const float n = (xc * 1.44269504f + round_magic) - round_magic;
            // ln 2 split so n * ln2_hi is exact for |n| <= 128 (Cody and Waite).
            const float r = (xc - n * 0.693359375f) - n * -2.12194440e-4f;
            float p = 1.0f / 5040;
            p = p * r + 1.0f / 720;
            p = p * r + 1.0f / 120;
            p = p * r + 1.0f / 24;
            p = p * r + 1.0f / 6;
            p = p * r + 0.5f;
            p = p * r + 1.0f;
            p = p * r + 1.0f;
            // 2^n in two halves: n reaches 128 near the top, where 2^n itself
            // would not be a float though the result is.
            const std::int32_t half = static_cast<std::int32_t>(n) / 2;
            const std::int32_t rest = static_cast<std::int32_t>(n) - half;
            const float e = p * bits_to_float(static_cast<std::uint32_t>(half + 127) << 23) *
                            bits_to_float(static_cast<std::uint32_t>(rest + 127) << 23);
            return x < lo ? 0.0f : x > hi ? HUGE_VALF : e;
        }

        inline float tanh_f32(float x)
        {
            const float a = std::fabs(x);
            // Near 0, 1 - e^-2a would cancel: use the odd Taylor series, whose
            // terms beyond x^15 are below 1e-8 relative for |x| <= 0.5.
            const float x2 = x * x;
            float p = static_cast<float>(-929569.0 / 638512875);
            p = p * x2 + static_cast<float>(21844.0 / 6081075);
            p = p * x2 + -1382.0f / 155925;
            p = p * x2 + 62.0f / 2835;
            p = p * x2 + -17.0f / 315;
            p = p * x2 + 2.0f / 15;
            p = p * x2 + -1.0f / 3;
            const float small = x + x * x2 * p;
            const float e = exp_f32(-2.0f * a);
            const float large = std::copysign((1.0f - e) / (1.0f + e), x);
            return a < 0.5f ? small : large;
        }

        inline float sigmoid_f32(float x)
        {
            // e^-|x| never overflows; for x < 0 the answer is e^x / (1 + e^x).
            const float e = exp_f32(-std::fabs(x));
            const float s = 1.0f / (1.0f + e);
            return x >= 0 ? s : e * s;
        }

        // Rows x cols block of out = x w + b, register-blocked: `Rows` samples by
        // `Cols` neurons accumulate over all inputs before they are stored.
        template <std::size_t Rows, std::size_t Cols>
        inline void dense_block(const float* x, std::size_t n_in, const float* w, const float* b,
                                std::size_t n_out, float* out)
        {
            float acc[Rows][Cols];
            for (std::size_t r = 0; r < Rows; ++r)
                for (std::size_t c = 0; c < Cols; ++c)
                    acc[r][c] = b ? b[c] : 0.0f;
            for (std::size_t k = 0; k < n_in; ++k)
            {
                const float* wk = w + k * n_out;
                for (std::size_t r = 0; r < Rows; ++r)
                {
                    const float xv = x[r * n_in + k];
                    for (std::size_t c = 0; c < Cols; ++c)
                        acc[r][c] += xv * wk[c];
                }
            }
            for (std::size_t r = 0; r < Rows; ++r)
                for (std::size_t c = 0; c < Cols; ++c)
                    out[r * n_out + c] = acc[r][c];
        }

        // Any leftover rows or columns, one sample and one neuron at a time.
        void dense_edge(const float* x, std::size_t rows, std::size_t n_in, const float* w,
                        const float* b, std::size_t n_out, std::size_t cols, float* out)
        {
            for (std::size_t r = 0; r < rows; ++r)
                for (std::size_t c = 0; c < cols; ++c)
                {
                    float sum = b ? b[c] : 0.0f;
                    for (std::size_t k = 0; k < n_in; ++k)
                        sum += x[r * n_in + k] * w[k * n_out + c];
                    out[r * n_out + c] = sum;
                }
        }
    }

    float fast_exp(float x) { return exp_f32(x); }
    float fast_tanh(float x) { return tanh_f32(x); }
    float fast_sigmoid(float x) { return sigmoid_f32(x); }

    void dense_f32(const float* x, std::size_t rows, std::size_t n_in, const float* w,
                   const float* b, std::size_t n_out, float* out)
    {
        constexpr std::size_t block_rows = 4, block_cols = 16;
        const std::size_t full_rows = rows - rows % block_rows, full_cols = n_out - n_out % block_cols;
        // Columns outside, rows inside: a strip of w (n_in x 16 floats) stays in
        // L1 cache while every block of samples passes over it.
        for (std::size_t c = 0; c < full_cols; c += block_cols)
        {
            const float* bc = b ? b + c : nullptr;
            for (std::size_t r = 0; r < full_rows; r += block_rows)
                dense_block<block_rows, block_cols>(x + r * n_in, n_in, w + c, bc, n_out, out + r * n_out + c);
            dense_edge(x + full_rows * n_in, rows - full_rows, n_in, w + c, bc, n_out, block_cols,
                       out + full_rows * n_out + c);
        }
        dense_edge(x, rows, n_in, w + full_cols, b ? b + full_cols : nullptr, n_out, n_out - full_cols,
                   out + full_cols);
    }

    void activate_f32(const activation& act, float* values, std::size_t rows, std::size_t cols)
    {
        const std::size_t count = rows * cols;
        if (count == 0)
            return;
        switch (act.kind)
        {
            case activation_kind::identity: return;
            case activation_kind::step:
                for (std::size_t i = 0; i < count; ++i)
                    values[i] = values[i] > 0 ? 1.0f : 0.0f;
                return;
            case activation_kind::relu:
                for (std::size_t i = 0; i < count; ++i)
                    values[i] = values[i] > 0 ? values[i] : 0.0f;
                return;
            case activation_kind::leaky_relu:
            {
                const float slope = static_cast<float>(act.slope);
                for (std::size_t i = 0; i < count; ++i)
                    values[i] = values[i] > 0 ? values[i] : slope * values[i];
                return;
            }
            case activation_kind::sigmoid:
                for (std::size_t i = 0; i < count; ++i)
                    values[i] = sigmoid_f32(values[i]);
                return;
            case activation_kind::tanh:
                for (std::size_t i = 0; i < count; ++i)
                    values[i] = tanh_f32(values[i]);
                return;
            case activation_kind::softmax:
                for (std::size_t r = 0; r < rows; ++r)
                {
                    float* row = values + r * cols;
                    const float top = *std::max_element(row, row + cols);
                    float total = 0;
                    for (std::size_t c = 0; c < cols; ++c)
                    {
                        row[c] = exp_f32(row[c] - top);
                        total += row[c];
                    }
                    const float inverse = 1.0f / total;
                    for (std::size_t c = 0; c < cols; ++c)
                        row[c] *= inverse;
                }
                return;
        }
    }
}
