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

        // 2^n for an integer n in [-126, 127], built from its bits.
        inline float pow2i(std::int32_t n)
        {
            return bits_to_float(static_cast<std::uint32_t>(n + 127) << 23);
        }

        // Below exp_lo, e^x is not a normal float; above exp_hi it overflows.
        constexpr float exp_lo = -87.33654f, exp_hi = 88.72283f;

        // e^x for x in [exp_lo, exp_hi]: 2^n * e^r with n = round(x / ln 2) and
        // |r| <= ln(2)/2, e^r by its Taylor polynomial to r^7 (truncation below
        // 6e-9 relative).
        inline float exp_in_range(float x)
        {
            constexpr float round_magic = 12582912.0f;  // 1.5 * 2^23: adding it rounds to an integer
            const float n = (x * 1.44269504f + round_magic) - round_magic;
            // ln 2 split so n * ln2_hi is exact for |n| <= 128 (Cody and Waite).
            const float r = (x - n * 0.693359375f) - n * -2.12194440e-4f;
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
            return p * pow2i(half) * pow2i(rest);
        }

        inline float exp_f32(float x)
        {
            const float e = exp_in_range(std::min(std::max(x, exp_lo), exp_hi));
            return x < exp_lo ? 0.0f : x > exp_hi ? HUGE_VALF : e;
        }

        // Where tanh_f32 clamps its argument. It is read through a volatile so
        // the compiler cannot prove the bound is a number; see tanh_f32.
        volatile float tanh_clamp = 8.0f;

        inline float tanh_f32(float x, float c)
        {
            // tanh(x) = x P(x^2) / Q(x^2) on [-8, 8], P of degree 3 and Q of
            // degree 4: a rational minimax fit of tanh(x) / x (Lawson's
            // iteration on relative error) with 1.5e-7 relative error, 4e-7
            // once evaluated in float32 with or without fused multiply-adds.
            // Beyond 8 the clamp gives the value at 8, within 3e-7 of tanh(x)
            // there (1 - tanh(8) = 2.3e-7).
            // It costs 7 multiply-adds where Eigen's fast tanh (degrees 6 and 3,
            // 3.3e-7) costs 9, and ran 35% faster in wasm.
            // The clamp: were c a known constant, clang would prove the selects
            // equal to wasm's NaN-propagating f32x4.max/min, which V8 expands to
            // 8 instructions each; with c unknown they stay selects, which it
            // emits as f32x4.pmax/pmin (one maxps/minps each). A NaN x stays NaN.
            float xc = x < -c ? -c : x;
            xc = c < xc ? c : xc;
            const float y = xc * xc;
            float p = 1.1428910511313006e-05f;
            p = p * y + 2.9510771855711937e-03f;
            p = p * y + 1.2925715744495392e-01f;
            p = p * y + 9.9999988079071045e-01f;
            float q = 2.4593484226898000e-07f;
            q = q * y + 2.3867619165685028e-04f;
            q = q * y + 2.3815782740712166e-02f;
            q = q * y + 4.6258932352066040e-01f;
            q = q * y + 1.0f;
            return xc * p / q;
        }

        inline float sigmoid_f32(float x)
        {
            // e^-|x| never overflows; for x < 0 the answer is e^x / (1 + e^x).
            const float t = -std::fabs(x);
            const float e = t < exp_lo ? 0.0f : exp_in_range(std::max(t, exp_lo));
            const float s = 1.0f / (1.0f + e);
            return x >= 0 ? s : e * s;
        }

        // A Rows x Cols tile of out = x w + b, register-blocked: Rows samples by
        // Cols neurons accumulate over all inputs before they are stored. The
        // compilers turn the c loop into vector lanes (Cols / 4 registers of
        // wasm SIMD per row, Cols / 8 of AVX).
        // The k loop runs over row pointers of w up to an end pointer rather
        // than over a counted index: once the r and c loops are unrolled, g++
        // 12 would otherwise vectorise the k loop itself for tiles of 3 or more
        // rows (assembling w's columns lane by lane), 4 x slower for 4 x 8;
        // clang compiles both forms alike. Unrolling it 4 times (a hint g++
        // and clang both take) halves the loop's overhead per step, which in
        // wasm includes a stack-limit check that V8 puts in every loop: 8%
        // faster in wasm, 17% natively.
        template <std::size_t Rows, std::size_t Cols>
        inline void dense_tile(const float* x, std::size_t n_in, const float* w, const float* b,
                               std::size_t n_out, float* out)
        {
            float acc[Rows][Cols];
            for (std::size_t r = 0; r < Rows; ++r)
                for (std::size_t c = 0; c < Cols; ++c)
                    acc[r][c] = b ? b[c] : 0.0f;
            const float* xk = x;  // column k of the tile's rows of x
#pragma GCC unroll 4
            for (const float *wk = w, *end = w + n_in * n_out; wk != end; wk += n_out, ++xk)
            {
                for (std::size_t r = 0; r < Rows; ++r)
                {
                    const float xv = xk[r * n_in];
                    for (std::size_t c = 0; c < Cols; ++c)
                        acc[r][c] += xv * wk[c];
                }
            }
            for (std::size_t r = 0; r < Rows; ++r)
                for (std::size_t c = 0; c < Cols; ++c)
                    out[r * n_out + c] = acc[r][c];
        }

        // Columns [0, Cols) of out for every sample: tiles of Rows samples, then
        // one sample at a time. The strip of w (n_in x Cols) stays in L1 cache
        // while the samples pass over it.
        template <std::size_t Rows, std::size_t Cols>
        void dense_strip(const float* x, std::size_t rows, std::size_t n_in, const float* w, const float* b,
                         std::size_t n_out, float* out)
        {
            std::size_t r = 0;
            for (; r + Rows <= rows; r += Rows)
                dense_tile<Rows, Cols>(x + r * n_in, n_in, w, b, n_out, out + r * n_out);
            for (; r < rows; ++r)
                dense_tile<1, Cols>(x + r * n_in, n_in, w, b, n_out, out + r * n_out);
        }
    }

    float fast_exp(float x) { return exp_f32(x); }
    float fast_tanh(float x) { return tanh_f32(x, tanh_clamp); }
    float fast_sigmoid(float x) { return sigmoid_f32(x); }

    void dense_f32(const float* x, std::size_t rows, std::size_t n_in, const float* w,
                   const float* b, std::size_t n_out, float* out)
    {
        // Strips of 16 columns, then narrower ones for what is left. The tile
        // shapes are those that measured best in wasm (npm run bench): 2 x 16
        // and 4 x 8 keep 8 SIMD accumulators in V8's 16 xmm registers, where
        // 4 x 16 spills (20% slower). Natively g++ does better with wider
        // tiles (3 x 32: 1.17 x the GFLOP/s of 2 x 16 with AVX2 and FMA, while
        // wasm loses 25% with it), but one source serves both builds and wasm
        // is the one that ships.
        std::size_t c = 0;
        const auto bias = [b](std::size_t at) { return b ? b + at : nullptr; };
        for (; c + 16 <= n_out; c += 16)
            dense_strip<2, 16>(x, rows, n_in, w + c, bias(c), n_out, out + c);
        for (; c + 8 <= n_out; c += 8)
            dense_strip<4, 8>(x, rows, n_in, w + c, bias(c), n_out, out + c);
        for (; c + 4 <= n_out; c += 4)
            dense_strip<4, 4>(x, rows, n_in, w + c, bias(c), n_out, out + c);
        for (; c < n_out; ++c)
            dense_strip<4, 1>(x, rows, n_in, w + c, bias(c), n_out, out + c);
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
            {
                const float c = tanh_clamp;
                for (std::size_t i = 0; i < count; ++i)
                    values[i] = tanh_f32(values[i], c);
                return;
            }
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
