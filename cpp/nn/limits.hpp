// Size limits the core enforces on everything it is given. They are generous
// for teaching (the lessons use a handful of numbers) and keep a hostile
// attribute or URL from asking for gigabytes.
#pragma once

#include <cstddef>

namespace nl::limits
{
    /// Inputs per sample, and neurons per layer.
    inline constexpr std::size_t max_width = 4096;
    /// Samples in one batch.
    inline constexpr std::size_t max_samples = 65536;
    /// Numbers in one matrix (inputs or weights): 4M float64 = 32 MiB.
    inline constexpr std::size_t max_elements = std::size_t(1) << 22;
    /// Layers in one network.
    inline constexpr std::size_t max_layers = 64;
    /// Side of a decision-boundary grid (cells per axis).
    inline constexpr std::size_t max_grid_side = 2048;
    /// Decimal places for displayed numbers.
    inline constexpr int max_digits = 17;
}
