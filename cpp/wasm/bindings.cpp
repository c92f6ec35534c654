// The only file that knows about Emscripten: it exposes the core to JavaScript.
// Arrays cross as pointers into the wasm heap, into buffers the loader
// (web/src/core/core.js) allocates once and reuses, so a slider move costs one
// call and no allocation. Every function reports bad input through its return
// value and error_message(); no C++ exception ever reaches JavaScript.
//
// The two calls a slider move makes (nl_neuron, nl_network) are plain C
// exports: an Embind call costs ~350 ns from JS, a direct wasm export ~10 ns.
// Everything else (strings, the grid object) goes through Embind.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "activation.hpp"
#include "format.hpp"
#include "forward.hpp"
#include "grid.hpp"
#include "kernels.hpp"
#include "random.hpp"

namespace
{
    using address = std::uintptr_t;

    template <class T>
    T* at(address a)
    {
        return reinterpret_cast<T*>(a);
    }

    std::string last_error;

    // Returns 0 for success, 1 (with the message kept for error_message()) for failure.
    int report(const nl::status& s)
    {
        last_error = s.message;
        return s.ok() ? 0 : 1;
    }

    nl::activation activation_of(int kind, double slope) { return {static_cast<nl::activation_kind>(kind), slope}; }

    // A network described by the loader in two float64 buffers: `spec` holds
    // (rows, cols, layout, kind, slope, bias count) per layer; `params` holds
    // each layer's weights and then its biases, layer after layer.
    constexpr std::size_t spec_fields = 6;

    const std::vector<nl::layer_view>& layers_of(address spec, std::size_t count, address params)
    {
        static std::vector<nl::layer_view> layers;  // reused: no allocation once grown
        layers.clear();
        const double* s = at<const double>(spec);
        const double* p = at<const double>(params);
        for (std::size_t i = 0; i < count; ++i, s += spec_fields)
        {
            nl::layer_view layer;
            layer.weights = {p, static_cast<std::size_t>(s[0]), static_cast<std::size_t>(s[1])};
            layer.layout = s[2] == 0 ? nl::layout::rows : nl::layout::cols;
            layer.act = activation_of(static_cast<int>(s[3]), s[4]);
            p += layer.weights.rows * layer.weights.cols;
            layer.biases = p;
            layer.bias_count = static_cast<std::size_t>(s[5]);
            p += layer.bias_count;
            layers.push_back(layer);
        }
        return layers;
    }

    std::vector<nl::dense_layer> dense_layers_of(address spec, std::size_t count, address params)
    {
        std::vector<nl::dense_layer> layers;
        for (const auto& v : layers_of(spec, count, params))
        {
            nl::dense_layer layer;
            layer.weights = nl::matrix::from_shape({v.weights.rows, v.weights.cols});
            std::copy(v.weights.data, v.weights.data + layer.weights.size(), layer.weights.begin());
            layer.biases = nl::vector::from_shape({v.bias_count});
            std::copy(v.biases, v.biases + v.bias_count, layer.biases.begin());
            layer.act = v.act;
            layer.layout = v.layout;
            layers.push_back(std::move(layer));
        }
        return layers;
    }

    std::string error_message() { return last_error; }

    address allocate(std::size_t bytes) { return reinterpret_cast<address>(std::malloc(bytes)); }
    void release(address a) { std::free(at<void>(a)); }

    // Returns the kind, or -1 with the message kept; the slope comes from parsed_slope().
    double parsed = 0;
    int parse_activation(const std::string& name)
    {
        const auto a = nl::parse_activation(name);
        last_error = a.message();
        if (!a)
            return -1;
        parsed = a.value().slope;
        return static_cast<int>(a.value().kind);
    }
    double parsed_slope() { return parsed; }
    std::string activation_name(int kind, double slope) { return nl::name_of(activation_of(kind, slope)); }

}

extern "C"
{
    EMSCRIPTEN_KEEPALIVE int nl_neuron(address inputs, address weights, std::size_t n, double bias, int kind,
                                       double slope, address products, address sums)
    {
        nl::neuron_sums result;
        const int failed = report(nl::neuron_forward(at<const double>(inputs), at<const double>(weights), n, bias,
                                                     activation_of(kind, slope), at<double>(products), result));
        double* out = at<double>(sums);
        out[0] = result.sum;
        out[1] = result.z;
        out[2] = result.y;
        return failed;
    }

    EMSCRIPTEN_KEEPALIVE int nl_network(address x, std::size_t samples, std::size_t n_in, address spec,
                                        std::size_t count, address params, address out)
    {
        const auto& layers = layers_of(spec, count, params);
        return report(
            nl::network_forward({at<const double>(x), samples, n_in}, layers.data(), layers.size(), at<double>(out)));
    }
}

namespace
{
    // Writes each layer's weights (n_in x n_out) and zero biases into out, in
    // the params order of layers_of. sizes and kinds hold count+1 sizes and
    // count (kind, slope) pairs.
    int seeded_network(address sizes, std::size_t count, address kinds, std::uint32_t seed, double scale, address out)
    {
        std::vector<std::size_t> layer_sizes(at<const double>(sizes), at<const double>(sizes) + count + 1);
        std::vector<nl::activation> acts;
        for (std::size_t i = 0; i < count; ++i)
            acts.push_back(
                activation_of(static_cast<int>(at<const double>(kinds)[2 * i]), at<const double>(kinds)[2 * i + 1]));
        const auto layers = nl::seeded_network(layer_sizes, acts, seed, scale);
        if (!layers)
            return report(nl::status{layers.message()});
        double* p = at<double>(out);
        for (const auto& layer : layers.value())
        {
            p = std::copy(layer.weights.begin(), layer.weights.end(), p);
            p = std::copy(layer.biases.begin(), layer.biases.end(), p);
        }
        return report(nl::status{});
    }

    // The count, or -1 with the message kept.
    double parameter_count(address sizes, std::size_t count)
    {
        const auto n = nl::parameter_count({at<const double>(sizes), at<const double>(sizes) + count});
        last_error = n.message();
        return n ? static_cast<double>(n.value()) : -1;
    }

    void randn(std::uint32_t seed, std::size_t count, address out)
    {
        nl::legacy_random rng(seed);
        for (std::size_t i = 0; i < count; ++i)
            at<double>(out)[i] = rng.next_gauss();
    }

    std::string format_fixed(address values, std::size_t count, int digits)
    {
        return nl::format_fixed(at<const double>(values), count, digits);
    }

    void dense_f32(address x, std::size_t rows, std::size_t n_in, address w, address b, std::size_t n_out, address out,
                   int kind, double slope)
    {
        nl::kernels::dense_f32(at<const float>(x), rows, n_in, at<const float>(w), at<const float>(b), n_out,
                               at<float>(out));
        nl::kernels::activate_f32(activation_of(kind, slope), at<float>(out), rows, n_out);
    }

    // A decision-boundary map that keeps its scratch memory between frames.
    class grid
    {
    public:
        int set_layers(address spec, std::size_t count, address params)
        {
            auto layers = dense_layers_of(spec, count, params);
            if (!m_evaluator)
            {
                auto created = nl::grid_evaluator::create(layers);
                if (!created)
                    return report(nl::status{created.message()});
                m_evaluator = std::make_unique<nl::grid_evaluator>(std::move(created).value());
                return report(nl::status{});
            }
            return report(m_evaluator->set_layers(layers));
        }

        int evaluate(double xmin, double xmax, double ymin, double ymax, std::size_t side, address out)
        {
            if (!m_evaluator)
                return report(nl::status{"the grid has no network yet"});
            return report(m_evaluator->evaluate({xmin, xmax, ymin, ymax}, side, at<float>(out)));
        }

    private:
        std::unique_ptr<nl::grid_evaluator> m_evaluator;
    };
}

EMSCRIPTEN_BINDINGS(neuronlab_core)
{
    using namespace emscripten;
    function("error_message", &error_message);
    function("allocate", &allocate);
    function("release", &release);
    function("parse_activation", &parse_activation);
    function("parsed_slope", &parsed_slope);
    function("activation_name", &activation_name);
    function("seeded_network", &seeded_network);
    function("parameter_count", &parameter_count);
    function("randn", &randn);
    function("format_fixed", &format_fixed);
    function("dense_f32", &dense_f32);
    class_<grid>("Grid")
        .constructor<>()
        .function("set_layers", &grid::set_layers)
        .function("evaluate", &grid::evaluate);
}
