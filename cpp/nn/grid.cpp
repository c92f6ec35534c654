#include "grid.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "kernels.hpp"
#include "limits.hpp"

namespace nl
{
    namespace
    {
        // Samples evaluated together: enough to fill the kernels' blocks, few
        // enough that two layers of activations stay in L1/L2 cache.
        constexpr std::size_t block_samples = 256;

        std::string check_network(const std::vector<dense_layer>& layers)
        {
            if (layers.empty())
                return "a network needs at least one layer";
            if (layers.size() > limits::max_layers)
                return "a network of " + std::to_string(layers.size()) + " layers is too deep: at most " +
                       std::to_string(limits::max_layers);
            if (layers.front().inputs() != 2)
                return "a decision-boundary map needs a network with 2 inputs (x and y), but the first "
                       "layer takes " +
                       std::to_string(layers.front().inputs());
            std::size_t width = 2;
            for (std::size_t i = 0; i < layers.size(); ++i)
            {
                if (auto checked = check_layer(layers[i]); !checked)
                    return "layer " + std::to_string(i + 1) + ": " + checked.message;
                if (layers[i].inputs() != width)
                    return "layer " + std::to_string(i + 1) + " takes " + std::to_string(layers[i].inputs()) +
                           " inputs, but layer " + std::to_string(i) + " gives " + std::to_string(width);
                width = layers[i].outputs();
            }
            return "";
        }
    }

    result<std::vector<layer_f32>> to_float32(const std::vector<dense_layer>& layers)
    {
        std::vector<layer_f32> converted;
        for (std::size_t i = 0; i < layers.size(); ++i)
        {
            const dense_layer& layer = layers[i];
            if (auto checked = check_layer(layer); !checked)
                return error{"layer " + std::to_string(i + 1) + ": " + checked.message};
            layer_f32 f{{}, {}, layer.act, layer.inputs(), layer.outputs()};
            f.weights.resize(f.n_in * f.n_out);
            for (std::size_t k = 0; k < f.n_in; ++k)
                for (std::size_t j = 0; j < f.n_out; ++j)
                    f.weights[k * f.n_out + j] =
                        static_cast<float>(layer.layout == layout::cols ? layer.weights(k, j) : layer.weights(j, k));
            f.biases.assign(layer.biases.begin(), layer.biases.end());
            converted.push_back(std::move(f));
        }
        return converted;
    }

    result<grid_evaluator> grid_evaluator::create(const std::vector<dense_layer>& layers)
    {
        grid_evaluator evaluator;
        if (auto set = evaluator.set_layers(layers); !set)
            return error{set.message};
        return evaluator;
    }

    status grid_evaluator::set_layers(const std::vector<dense_layer>& layers)
    {
        if (auto problem = check_network(layers); !problem.empty())
            return status{problem};
        auto converted = to_float32(layers);
        if (!converted)
            return status{converted.message()};
        std::size_t widest = 2;
        for (const auto& layer : converted.value())
            widest = std::max(widest, layer.n_out);
        m_layers = std::move(converted).value();
        // resize only grows the capacity, so equal sizes allocate nothing.
        m_in.resize(block_samples * widest);
        m_out.resize(block_samples * widest);
        return status{};
    }

    status grid_evaluator::evaluate(const extent& box, std::size_t side, float* out)
    {
        if (m_layers.empty())
            return status{"the grid has no network"};
        if (side == 0 || side > limits::max_grid_side)
            return status{"grid side " + std::to_string(side) + " must be between 1 and " +
                          std::to_string(limits::max_grid_side)};
        for (double v : {box.xmin, box.xmax, box.ymin, box.ymax})
            if (!std::isfinite(v))
                return status{"the extent must be four finite numbers (xmin xmax ymin ymax)"};
        if (!(box.xmin < box.xmax) || !(box.ymin < box.ymax))
            return status{"the extent needs xmin < xmax and ymin < ymax"};

        const double dx = (box.xmax - box.xmin) / side, dy = (box.ymax - box.ymin) / side;
        const std::size_t total = side * side;
        for (std::size_t first = 0; first < total; first += block_samples)
        {
            const std::size_t count = std::min(block_samples, total - first);
            for (std::size_t i = 0; i < count; ++i)
            {
                const std::size_t row = (first + i) / side, col = (first + i) % side;
                m_in[2 * i] = static_cast<float>(box.xmin + (col + 0.5) * dx);
                m_in[2 * i + 1] = static_cast<float>(box.ymax - (row + 0.5) * dy);
            }
            float* in = m_in.data();
            float* result = m_out.data();
            for (const auto& layer : m_layers)
            {
                kernels::dense_f32(in, count, layer.n_in, layer.weights.data(), layer.biases.data(), layer.n_out,
                                   result);
                kernels::activate_f32(layer.act, result, count, layer.n_out);
                std::swap(in, result);
            }
            const std::size_t width = m_layers.back().n_out;
            for (std::size_t i = 0; i < count; ++i)
                out[first + i] = in[i * width];
        }
        return status{};
    }
}
