// The native contender of `npm run bench`: the core's float32 kernels compiled
// with g++ -O3 -march=native, timed on the same two workloads as the wasm
// builds (bench/workloads.json). Prints one JSON object on stdout.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "grid.hpp"
#include "kernels.hpp"
#include "random.hpp"

namespace
{
    // Median wall time in ms of `reps` runs of f, after one warm-up run.
    template <class F>
    double median_ms(int reps, F&& f)
    {
        f();
        std::vector<double> times;
        for (int i = 0; i < reps; ++i)
        {
            const auto start = std::chrono::steady_clock::now();
            f();
            times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        }
        std::sort(times.begin(), times.end());
        return times[times.size() / 2];
    }

    std::vector<float> random_floats(nl::legacy_random& rng, std::size_t n, double scale)
    {
        std::vector<float> v(n);
        for (auto& x : v)
            x = static_cast<float>(rng.next_gauss() * scale);
        return v;
    }

    nl::dense_layer random_layer(nl::legacy_random& rng, std::size_t n_in, std::size_t n_out, const char* act)
    {
        nl::dense_layer layer{nl::matrix::from_shape({n_in, n_out}), nl::vector::from_shape({n_out}),
                              nl::parse_activation(act).value(), nl::layout::cols};
        for (double& w : layer.weights)
            w = rng.next_gauss();
        for (double& b : layer.biases)
            b = rng.next_gauss() * 0.1;
        return layer;
    }
}

int main()
{
    constexpr std::size_t batch = 1024, n_in = 256, n_out = 256, side = 200;
    nl::legacy_random rng(1);
    const auto x = random_floats(rng, batch * n_in, 1.0);
    const auto w = random_floats(rng, n_in * n_out, 0.0625);
    const auto b = random_floats(rng, n_out, 0.1);
    std::vector<float> out(batch * n_out);
    const auto relu = nl::parse_activation("relu").value();
    const double dense_ms = median_ms(50, [&] {
        nl::kernels::dense_f32(x.data(), batch, n_in, w.data(), b.data(), n_out, out.data());
        nl::kernels::activate_f32(relu, out.data(), batch, n_out);
    });

    auto grid = nl::grid_evaluator::create({random_layer(rng, 2, 8, "tanh"), random_layer(rng, 8, 8, "tanh"),
                                            random_layer(rng, 8, 1, "sigmoid")})
                    .value();
    std::vector<float> map(side * side);
    const double grid_ms = median_ms(50, [&] { grid.evaluate({-3, 3, -3, 3}, side, map.data()); });

    const double flops = 2.0 * batch * n_in * n_out;
    std::printf("{\"dense_ms\": %.4f, \"dense_gflops\": %.3f, \"grid_ms\": %.4f, \"checksum\": %.6g}\n", dense_ms,
                flops / dense_ms / 1e6, grid_ms, static_cast<double>(out[12345] + map[777]));
}
