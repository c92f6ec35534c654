// The float64 forward pass: every worked number of lessons 1-5 against NumPy,
// properties over random shapes, and refusal of bad input.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "format.hpp"
#include "forward.hpp"
#include "limits.hpp"
#include "oracle.hpp"

namespace
{
    nl::activation named(const std::string& name)
    {
        const auto a = nl::parse_activation(name);
        REQUIRE(a.ok());
        return a.value();
    }

    nl::dense_layer make_layer(nl::matrix w, nl::vector b, const std::string& act, nl::layout layout = nl::layout::rows)
    {
        return nl::dense_layer{std::move(w), std::move(b), named(act), layout};
    }

    nl::matrix transposed(const nl::matrix& m)
    {
        auto t = nl::matrix::from_shape({m.shape(1), m.shape(0)});
        for (std::size_t i = 0; i < m.shape(0); ++i)
            for (std::size_t j = 0; j < m.shape(1); ++j)
                t(j, i) = m(i, j);
        return t;
    }

    nl::matrix matrix_of(std::size_t rows, std::size_t cols, double value = 0.5)
    {
        auto m = nl::matrix::from_shape({rows, cols});
        m.fill(value);
        return m;
    }

    nl::vector vector_of(std::size_t n, double value = 0.5)
    {
        auto v = nl::vector::from_shape({n});
        v.fill(value);
        return v;
    }

    nl::matrix random_matrix(test_rng& rng, std::size_t rows, std::size_t cols, double lo, double hi)
    {
        auto m = nl::matrix::from_shape({rows, cols});
        for (auto& v : m)
            v = rng.uniform(lo, hi);
        return m;
    }

    nl::vector random_vector(test_rng& rng, std::size_t n, double lo, double hi)
    {
        auto v = nl::vector::from_shape({n});
        for (auto& x : v)
            x = rng.uniform(lo, hi);
        return v;
    }

    /// The text a widget shows for one row of a matrix.
    std::string display_row(const nl::matrix& m, std::size_t row)
    {
        return nl::format_fixed(&m(row, 0), m.shape(1), 3);
    }
}

TEST_CASE("lesson 1: the ReLU neuron and its step-by-step trace", "[forward][lesson]")
{
    const std::string p = "lesson1.relu.";
    const auto t =
        nl::neuron_forward(oracle::vector(p + "x"), oracle::vector(p + "w"), oracle::number(p + "b"), named("relu"));
    REQUIRE(t.ok());
    const auto& v = t.value();
    check_ulps(v.products, oracle::numbers(p + "products"), 1, "products");
    CHECK_ULPS(v.sum, oracle::number(p + "sum"), 1);
    CHECK(v.bias == oracle::number(p + "b"));
    CHECK_ULPS(v.z, oracle::number(p + "z"), 1);  // 0.9999999999999999, as NumPy prints
    CHECK_ULPS(v.y, oracle::number(p + "y"), 1);
    CHECK(nl::format_fixed(v.products.data(), v.products.size(), 3) == oracle::text(p + "products.display"));
    CHECK(nl::format_fixed(v.z, 3) == oracle::text(p + "z.display"));
    CHECK(nl::format_fixed(v.y, 3) == oracle::text(p + "y.display"));
}

TEST_CASE("lesson 1: the sigmoid neuron", "[forward][lesson]")
{
    const std::string p = "lesson1.sigmoid.";
    const auto t =
        nl::neuron_forward(oracle::vector(p + "x"), oracle::vector(p + "w"), oracle::number(p + "b"), named("sigmoid"));
    REQUIRE(t.ok());
    CHECK_ULPS(t.value().z, oracle::number(p + "z"), 1);
    CHECK_ULPS(t.value().y, oracle::number(p + "y"), 1);
    CHECK(nl::format_fixed(t.value().z, 3) == oracle::text(p + "z.display"));
    CHECK(nl::format_fixed(t.value().y, 3) == oracle::text(p + "y.display"));
}

TEST_CASE("lesson 2: a layer of three neurons, in both layouts", "[forward][lesson]")
{
    const std::string p = "lesson2.layer.";
    const auto w = oracle::matrix(p + "W");
    const auto rows = make_layer(w, oracle::vector(p + "b"), "relu", nl::layout::rows);
    const auto cols = make_layer(transposed(w), oracle::vector(p + "b"), "relu", nl::layout::cols);
    CHECK(rows.inputs() == 4);
    CHECK(rows.outputs() == 3);
    CHECK(cols.inputs() == 4);
    CHECK(cols.outputs() == 3);
    CHECK(nl::check_layer(rows).ok());
    for (const auto* layer : {&rows, &cols})
    {
        const auto out = nl::layer_forward(oracle::row(p + "x"), *layer);
        REQUIRE(out.ok());
        REQUIRE(out.value().z.shape(0) == 1);
        check_ulps(out.value().z, oracle::numbers(p + "z"), 1, "Z");
        check_ulps(out.value().a, oracle::numbers(p + "a"), 1, "A");
        CHECK(display_row(out.value().z, 0) == oracle::text(p + "z.display"));
        CHECK(display_row(out.value().a, 0) == oracle::text(p + "display"));
    }
}

TEST_CASE("lesson 3: a batch of three samples", "[forward][lesson]")
{
    const auto layer = make_layer(oracle::matrix("lesson2.layer.W"), oracle::vector("lesson2.layer.b"), "relu");
    const auto out = nl::layer_forward(oracle::matrix("lesson3.batch.X"), layer);
    REQUIRE(out.ok());
    const auto& z = out.value().z;
    const auto& a = out.value().a;
    REQUIRE(z.shape(0) == 3);
    REQUIRE(z.shape(1) == 3);
    check_ulps(z, oracle::numbers("lesson3.batch.z"), 1, "Z");
    check_ulps(a, oracle::numbers("lesson3.batch.a"), 1, "A");
    for (std::size_t i = 0; i < 3; ++i)
    {
        CHECK(display_row(z, i) == oracle::text("lesson3.batch.z.display." + std::to_string(i)));
        CHECK(display_row(a, i) == oracle::text("lesson3.batch.display." + std::to_string(i)));
    }
}

TEST_CASE("lesson 4: the seeded 4-5-1 network reproduces NumPy's weights and outputs", "[forward][lesson]")
{
    std::vector<std::size_t> sizes;
    for (const double s : oracle::numbers("lesson4.sizes"))
        sizes.push_back(std::size_t(s));
    const auto net = nl::seeded_network(sizes, {named("relu"), named("sigmoid")},
                                        std::uint32_t(oracle::number("lesson4.seed")), oracle::number("lesson4.scale"));
    REQUIRE(net.ok());
    const auto& layers = net.value();
    REQUIRE(layers.size() == 2);
    const char* weights[] = {"lesson4.W1", "lesson4.W2"};
    for (std::size_t i = 0; i < 2; ++i)
    {
        const auto& w = layers[i].weights;
        const auto expected = oracle::matrix(weights[i]);
        CHECK(layers[i].layout == nl::layout::cols);
        REQUIRE(w.shape(0) == expected.shape(0));
        REQUIRE(w.shape(1) == expected.shape(1));
        check_ulps(w, oracle::numbers(weights[i]), 0, weights[i]);  // bit for bit
        CHECK(layers[i].biases.size() == sizes[i + 1]);
        for (const double b : layers[i].biases)
            CHECK(b == 0.0);
    }

    const auto out = nl::network_forward(oracle::row("lesson4.x"), layers);
    REQUIRE(out.ok());
    REQUIRE(out.value().size() == 2);
    const auto& hidden = out.value()[0];
    const auto& output = out.value()[1];
    check_ulps(hidden.z, oracle::numbers("lesson4.z1"), 1, "hidden Z");
    check_ulps(hidden.a, oracle::numbers("lesson4.h"), 1, "hidden activations");
    check_ulps(output.z, oracle::numbers("lesson4.z2"), 1, "output Z");
    check_ulps(output.a, oracle::numbers("lesson4.out"), 1, "output (probability)");
    CHECK(nl::format_fixed(hidden.a.data(), hidden.a.size(), 2) == oracle::text("lesson4.h.display2"));
    CHECK(display_row(output.a, 0) == oracle::text("lesson4.out.display"));
}

TEST_CASE("parameter count of [4, 8, 8, 3] is NumPy's 139", "[forward][lesson]")
{
    std::vector<std::size_t> sizes;
    for (const double s : oracle::numbers("params.sizes"))
        sizes.push_back(std::size_t(s));
    const auto n = nl::parameter_count(sizes);
    REQUIRE(n.ok());
    CHECK(double(n.value()) == oracle::number("params.count"));
    CHECK(nl::parameter_count({2, 1}).value() == 3);
}

TEST_CASE("lesson 5: the hand-built XOR network passes its truth table", "[forward][lesson]")
{
    const std::vector<nl::dense_layer> layers{make_layer(oracle::matrix("xor.W1"), oracle::vector("xor.b1"), "step"),
                                              make_layer(oracle::matrix("xor.W2"), oracle::vector("xor.b2"), "step")};
    const auto out = nl::network_forward(oracle::matrix("xor.X"), layers);
    REQUIRE(out.ok());
    const auto& r = out.value();
    check_ulps(r.at(0).z, oracle::numbers("xor.z1"), 0, "hidden Z (OR, AND)");
    check_ulps(r.at(0).a, oracle::numbers("xor.a1"), 0, "hidden A");
    check_ulps(r.at(1).z, oracle::numbers("xor.z2"), 0, "output Z");
    check_ulps(r.at(1).a, oracle::numbers("xor.target"), 0, "XOR");
}

TEST_CASE("rows and cols layouts agree bitwise on transposed weights", "[forward][property]")
{
    test_rng rng{1};
    const char* acts[] = {"relu", "tanh", "sigmoid", "identity", "leaky_relu(0.2)", "softmax"};
    for (int trial = 0; trial < 60; ++trial)
    {
        const std::size_t n_in = rng.between(1, 40), n_out = rng.between(2, 40), batch = rng.between(1, 8);
        const auto w = random_matrix(rng, n_out, n_in, -2, 2);
        const auto b = random_vector(rng, n_out, -1, 1);
        const auto x = random_matrix(rng, batch, n_in, -3, 3);
        const std::string act = acts[trial % 6];
        INFO("trial " << trial << ": " << act << ", x (" << batch << "," << n_in << "), W (" << n_out << "," << n_in
                      << ")");
        const auto rows = nl::layer_forward(x, make_layer(w, b, act, nl::layout::rows));
        const auto cols = nl::layer_forward(x, make_layer(transposed(w), b, act, nl::layout::cols));
        REQUIRE(rows.ok());
        REQUIRE(cols.ok());
        const auto& rz = rows.value().z;
        const auto& ra = rows.value().a;
        check_ulps(cols.value().z, std::vector<double>(rz.begin(), rz.end()), 0, "Z");
        check_ulps(cols.value().a, std::vector<double>(ra.begin(), ra.end()), 0, "A");
    }
}

TEST_CASE("a layer equals a naive left-to-right loop bitwise", "[forward][property]")
{
    test_rng rng{2};
    const char* acts[] = {"relu", "tanh", "sigmoid", "leaky_relu", "step"};
    for (int trial = 0; trial < 60; ++trial)
    {
        const std::size_t n_in = rng.between(1, 50), n_out = rng.between(1, 30), batch = rng.between(1, 10);
        const auto w = random_matrix(rng, n_out, n_in, -2, 2);  // rows layout
        const auto b = random_vector(rng, n_out, -1, 1);
        const auto x = random_matrix(rng, batch, n_in, -3, 3);
        const auto act = named(acts[trial % 5]);
        INFO("trial " << trial << ": x (" << batch << "," << n_in << "), W (" << n_out << "," << n_in << ")");

        // The reference BLAS order: a running sum from 0, then the bias.
        std::vector<double> z, a;
        for (std::size_t s = 0; s < batch; ++s)
            for (std::size_t j = 0; j < n_out; ++j)
            {
                double sum = 0;
                for (std::size_t k = 0; k < n_in; ++k)
                    sum += x(s, k) * w(j, k);
                z.push_back(sum + b(j));
                a.push_back(nl::apply(act, sum + b(j)));
            }
        const auto out = nl::layer_forward(x, nl::dense_layer{w, b, act, nl::layout::rows});
        REQUIRE(out.ok());
        check_ulps(out.value().z, z, 0, "Z");
        check_ulps(out.value().a, a, 0, "A");
    }
}

TEST_CASE("identity layers collapse into the product of their matrices", "[forward][property]")
{
    // Lesson 4: without activations, stacked layers are one linear map. In
    // float64 the two orders, ((x W1) W2) ... and x (W1 W2 ...), round
    // differently. With every number positive nothing cancels, so each result
    // is within a relative gamma_N = N u / (1 - N u) of the exact value, where
    // N counts the roundings on the longest path: a dot product of length n
    // rounds each term at most n times (1 product + n - 1 sums), and the
    // stages compose, so N = n0 + n1 + ... + n(k-1) for both orders. They then
    // differ by at most about 2N units of 2^-53 relative, i.e. 2N + 1 ulp.
    test_rng rng{3};
    for (int trial = 0; trial < 40; ++trial)
    {
        const std::size_t depth = rng.between(2, 4);
        std::vector<std::size_t> widths{rng.between(1, 6)};
        std::vector<nl::dense_layer> layers;
        std::size_t roundings = 0;
        for (std::size_t l = 0; l < depth; ++l)
        {
            widths.push_back(rng.between(1, 6));
            roundings += widths[l];
            layers.push_back(make_layer(random_matrix(rng, widths[l], widths[l + 1], 0.1, 2),
                                        vector_of(widths[l + 1], 0.0), "identity", nl::layout::cols));
        }
        const auto x = random_matrix(rng, 1, widths[0], 0.1, 2);

        // The product W1 W2 ... Wk by the textbook triple loop, then x times it.
        nl::matrix product = layers[0].weights;
        for (std::size_t l = 1; l < depth; ++l)
        {
            const auto& w = layers[l].weights;
            nl::matrix next = matrix_of(product.shape(0), w.shape(1), 0.0);
            for (std::size_t i = 0; i < product.shape(0); ++i)
                for (std::size_t j = 0; j < w.shape(1); ++j)
                    for (std::size_t k = 0; k < w.shape(0); ++k)
                        next(i, j) += product(i, k) * w(k, j);
            product = next;
        }
        std::vector<double> expected(product.shape(1), 0.0);
        for (std::size_t j = 0; j < product.shape(1); ++j)
            for (std::size_t k = 0; k < product.shape(0); ++k)
                expected[j] += x(0, k) * product(k, j);

        const auto out = nl::network_forward(x, layers);
        REQUIRE(out.ok());
        INFO("trial " << trial << ", " << depth << " layers, bound " << 2 * roundings + 1 << " ulp");
        check_ulps(out.value().back().a, expected, 2 * roundings + 1, "network vs product");
    }
}

TEST_CASE("shape mismatches are refused with both shapes named", "[forward][bad input]")
{
    // x (1,4) against W (3,5): NumPy says "shapes (1,4) and (3,5) not aligned".
    const auto x = matrix_of(1, 4);
    CHECK_REFUSED(nl::layer_forward(x, make_layer(matrix_of(3, 5), vector_of(5), "relu", nl::layout::cols)), "(1,4)",
                  "(3,5)");
    const auto rows = nl::layer_forward(x, make_layer(matrix_of(3, 5), vector_of(3), "relu", nl::layout::rows));
    CHECK_REFUSED(rows, "(1,4)");
    CHECK((rows.message().find("(3,5)") != std::string::npos || rows.message().find("(5,3)") != std::string::npos));

    CHECK_REFUSED(nl::neuron_forward(vector_of(3), vector_of(2), 0.1, named("relu")), "(3,)", "(2,)");
    CHECK_REFUSED(nl::layer_forward(x, make_layer(matrix_of(3, 4), vector_of(2), "relu")), "(2,)");
    CHECK_REFUSED(nl::check_layer(make_layer(matrix_of(3, 4), vector_of(2), "relu")), "(2,)");

    // Layer 1 gives 5 numbers per sample, layer 2 (W of shape (4,3)) takes 4.
    const std::vector<nl::dense_layer> chain{make_layer(matrix_of(4, 5), vector_of(5), "relu", nl::layout::cols),
                                             make_layer(matrix_of(4, 3), vector_of(3), "relu", nl::layout::cols)};
    CHECK_REFUSED(nl::network_forward(x, chain), "(4,3)", "5");
}

TEST_CASE("NaN and infinity are refused wherever they come in", "[forward][bad input]")
{
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    for (const double bad : {nan, inf, -inf})
    {
        INFO("value " << bad);
        auto x = matrix_of(2, 4), w = matrix_of(3, 4);
        auto b = vector_of(3);
        const auto layer = make_layer(w, b, "relu");
        x(1, 2) = bad;
        CHECK_REFUSED(nl::layer_forward(x, layer));
        CHECK_REFUSED(nl::network_forward(x, {layer}));
        w(2, 3) = bad;
        CHECK_REFUSED(nl::layer_forward(matrix_of(2, 4), make_layer(w, b, "relu")));
        CHECK_REFUSED(nl::check_layer(make_layer(w, b, "relu")));
        b(0) = bad;
        CHECK_REFUSED(nl::check_layer(make_layer(matrix_of(3, 4), b, "relu")));

        auto v = vector_of(3);
        v(1) = bad;
        CHECK_REFUSED(nl::neuron_forward(v, vector_of(3), 0.1, named("relu")));
        CHECK_REFUSED(nl::neuron_forward(vector_of(3), v, 0.1, named("relu")));
        CHECK_REFUSED(nl::neuron_forward(vector_of(3), vector_of(3), bad, named("relu")));
    }
}

TEST_CASE("finite numbers whose results overflow are refused", "[forward][bad input]")
{
    const nl::vector big = {1e200, 1e200};
    CHECK_REFUSED(nl::neuron_forward(big, big, 0, named("relu")), "z overflowed to inf");
    CHECK_REFUSED(nl::neuron_forward(nl::vector{1e300}, nl::vector{-1e300}, 0, named("identity")), "-inf");
    // z is finite but a slope this steep overflows A.
    CHECK_REFUSED(nl::neuron_forward(nl::vector{-1e300}, nl::vector{1}, 0, named("leaky_relu(1e10)")), "y overflowed");
    const nl::matrix x = {{1, 2}, {3, 1e300}};
    const auto layer = make_layer(nl::matrix{{1, 1e10}, {1, 1}}, nl::vector{0, 0}, "relu");  // rows layout
    CHECK_REFUSED(nl::layer_forward(x, layer), "Z overflowed to inf at [1,0]");
    CHECK_REFUSED(nl::network_forward(x, {make_layer(nl::matrix{{1, 0}, {0, 1}}, nl::vector{0, 0}, "relu"), layer}),
                  "layer 2: Z overflowed");
}

TEST_CASE("softmax on a single neuron is refused", "[forward][bad input]")
{
    CHECK_REFUSED(nl::neuron_forward(vector_of(3), vector_of(3), 0.1, named("softmax")), "softmax");
}

TEST_CASE("sizes beyond nl::limits are refused", "[forward][bad input]")
{
    const std::size_t wide = nl::limits::max_width + 1;  // 4097
    CHECK_REFUSED(nl::layer_forward(matrix_of(1, wide), make_layer(matrix_of(1, wide), vector_of(1), "relu")), "4097");
    CHECK_REFUSED(nl::neuron_forward(vector_of(wide), vector_of(wide), 0.0, named("relu")), "4097");
    CHECK_REFUSED(nl::seeded_network({wide, 1}, {named("relu")}, 0, 1.0), "4097");
    CHECK_REFUSED(nl::seeded_network({4, wide}, {named("relu")}, 0, 1.0), "4097");

    const std::size_t many = nl::limits::max_samples + 1;  // 65537
    CHECK_REFUSED(nl::layer_forward(matrix_of(many, 1), make_layer(matrix_of(1, 1), vector_of(1), "relu")), "65537");

    // 4096 x 2048 weights: 8M numbers, twice limits::max_elements.
    CHECK_REFUSED(nl::seeded_network({4096, 2048}, {named("relu")}, 0, 1.0));

    const std::size_t deep = nl::limits::max_layers + 1;  // 65
    std::vector<nl::dense_layer> layers(deep, make_layer(matrix_of(1, 1), vector_of(1), "identity"));
    CHECK_REFUSED(nl::network_forward(matrix_of(1, 1), layers), "65");
    CHECK_REFUSED(nl::seeded_network(std::vector<std::size_t>(deep + 1, 1),
                                     std::vector<nl::activation>(deep, named("relu")), 0, 1.0),
                  "65");
}

TEST_CASE("empty input is refused", "[forward][bad input]")
{
    CHECK_REFUSED(nl::neuron_forward(vector_of(0), vector_of(0), 0.1, named("relu")));
    CHECK_REFUSED(nl::layer_forward(matrix_of(1, 0), make_layer(matrix_of(3, 0), vector_of(3), "relu")));
    CHECK_REFUSED(nl::layer_forward(matrix_of(0, 4), make_layer(matrix_of(3, 4), vector_of(3), "relu")));
    CHECK_REFUSED(nl::check_layer(make_layer(matrix_of(0, 4), vector_of(0), "relu")));
    CHECK_REFUSED(nl::network_forward(matrix_of(1, 4), {}));
}

TEST_CASE("parameter_count and seeded_network refuse bad size lists", "[forward][bad input]")
{
    CHECK_REFUSED(nl::parameter_count({}));
    CHECK_REFUSED(nl::parameter_count({4}));
    CHECK_REFUSED(nl::parameter_count({4, 0, 3}));
    CHECK_REFUSED(nl::seeded_network({4}, {}, 0, 1.0));
    CHECK_REFUSED(nl::seeded_network({4, 0, 1}, {named("relu"), named("relu")}, 0, 1.0));
    CHECK_REFUSED(nl::seeded_network({4, 5, 1}, {named("relu")}, 0, 1.0));  // one activation for two layers
}
