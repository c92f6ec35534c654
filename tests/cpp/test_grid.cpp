// Decision-boundary grids: float32 layers, orientation and cell centres, and
// agreement with the float64 forward pass.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "forward.hpp"
#include "grid.hpp"
#include "limits.hpp"
#include "oracle.hpp"

namespace
{
    nl::activation named(const std::string& name) { return nl::parse_activation(name).value(); }

    /// A 2-input identity layer in cols layout with the given weights.
    nl::dense_layer linear(std::size_t n_out, std::vector<double> weights)
    {
        auto w = nl::matrix::from_shape({2, n_out});
        std::copy(weights.begin(), weights.end(), w.begin());
        auto b = nl::vector::from_shape({n_out});
        b.fill(0.0);
        return nl::dense_layer{w, b, named("identity"), nl::layout::cols};
    }

    std::vector<nl::dense_layer> seeded(std::uint32_t seed)
    {
        return nl::seeded_network({2, 8, 8, 1}, {named("tanh"), named("tanh"), named("sigmoid")}, seed, 1.0).value();
    }

    /// Checks a grid against network_forward at every cell centre (relative 1e-5).
    void check_against_forward(nl::grid_evaluator& grid, const std::vector<nl::dense_layer>& layers,
                               const nl::extent& box, std::size_t side)
    {
        std::vector<float> out(side * side);
        REQUIRE(grid.evaluate(box, side, out.data()).ok());
        auto x = nl::matrix::from_shape({side * side, 2});
        for (std::size_t r = 0; r < side; ++r)
            for (std::size_t c = 0; c < side; ++c)
            {
                x(r * side + c, 0) = box.xmin + (c + 0.5) * (box.xmax - box.xmin) / side;
                x(r * side + c, 1) = box.ymax - (r + 0.5) * (box.ymax - box.ymin) / side;
            }
        const auto exact = nl::network_forward(x, layers);
        REQUIRE(exact.ok());
        const auto& a = exact.value().back().a;
        std::size_t bad = 0;
        for (std::size_t i = 0; i < side * side; ++i)
            bad += !(std::fabs(double(out[i]) - a(i, 0)) <= 1e-5 * std::fabs(a(i, 0)));
        INFO(bad << " of " << side * side << " cells beyond 1e-5 relative");
        CHECK(bad == 0);
    }
}

TEST_CASE("to_float32 turns both layouts into float32 cols layout", "[grid]")
{
    const auto w = oracle::matrix("lesson2.layer.W");  // rows: (3, 4)
    const auto b = oracle::vector("lesson2.layer.b");
    auto wt = nl::matrix::from_shape({4, 3});
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t j = 0; j < 3; ++j)
            wt(i, j) = w(j, i);
    const auto converted = nl::to_float32({nl::dense_layer{w, b, named("leaky_relu(0.2)"), nl::layout::rows},
                                           nl::dense_layer{wt, b, named("relu"), nl::layout::cols}});
    REQUIRE(converted.ok());
    for (const auto& l : converted.value())
    {
        REQUIRE(l.n_in == 4);
        REQUIRE(l.n_out == 3);
        REQUIRE(l.weights.size() == 12);
        REQUIRE(l.biases.size() == 3);
        for (std::size_t i = 0; i < 4; ++i)
            for (std::size_t j = 0; j < 3; ++j)
                CHECK(l.weights[i * 3 + j] == float(w(j, i)));
        for (std::size_t j = 0; j < 3; ++j)
            CHECK(l.biases[j] == float(b(j)));
    }
    CHECK(converted.value()[0].act.kind == nl::activation_kind::leaky_relu);
    CHECK(converted.value()[0].act.slope == 0.2);

    auto bad = w;
    bad(1, 1) = std::numeric_limits<double>::quiet_NaN();
    CHECK_REFUSED(nl::to_float32({nl::dense_layer{bad, b, named("relu"), nl::layout::rows}}));
}

TEST_CASE("row 0 is y = ymax, column 0 is x = xmin, and cells are sampled at their centres", "[grid]")
{
    // Cells of a 5 x 5 grid over [-3, 2] x [-1, 4] are 1 wide: centres at
    // x = -2.5 ... 1.5 and, from the top row down, y = 3.5 ... -0.5.
    const nl::extent box{-3, 2, -1, 4};
    const std::size_t side = 5;
    std::vector<float> out(side * side);

    auto x_map = nl::grid_evaluator::create({linear(1, {1, 0})});  // output = x
    REQUIRE(x_map.ok());
    REQUIRE(x_map.value().evaluate(box, side, out.data()).ok());
    for (std::size_t r = 0; r < side; ++r)
        for (std::size_t c = 0; c < side; ++c)
            CHECK(out[r * side + c] == Approx(-2.5 + double(c)).margin(1e-6));

    // Three outputs, the first of which is y: the map shows the first.
    auto y_map = nl::grid_evaluator::create({linear(3, {0, 1, 0, 1, 0, 1})});
    REQUIRE(y_map.ok());
    REQUIRE(y_map.value().evaluate(box, side, out.data()).ok());
    for (std::size_t r = 0; r < side; ++r)
        for (std::size_t c = 0; c < side; ++c)
            CHECK(out[r * side + c] == Approx(3.5 - double(r)).margin(1e-6));

    // One cell: the centre of the box.
    REQUIRE(y_map.value().evaluate(box, 1, out.data()).ok());
    CHECK(out[0] == Approx(1.5).margin(1e-6));
}

TEST_CASE("a grid equals network_forward at every cell, before and after set_layers", "[grid]")
{
    const nl::extent box{-3, 2, -1.5, 2.5};
    const auto first = seeded(3);
    auto grid = nl::grid_evaluator::create(first);
    REQUIRE(grid.ok());
    check_against_forward(grid.value(), first, box, 64);
    check_against_forward(grid.value(), first, box, 7);  // another size with the same evaluator

    const auto second = seeded(4);
    REQUIRE(grid.value().set_layers(second).ok());
    check_against_forward(grid.value(), second, box, 64);

    // The same network in rows layout gives the same map.
    std::vector<float> cols(32 * 32), rows(32 * 32);
    REQUIRE(grid.value().evaluate(box, 32, cols.data()).ok());
    auto transposed = second;
    for (auto& l : transposed)
    {
        auto w = nl::matrix::from_shape({l.weights.shape(1), l.weights.shape(0)});
        for (std::size_t i = 0; i < w.shape(0); ++i)
            for (std::size_t j = 0; j < w.shape(1); ++j)
                w(i, j) = l.weights(j, i);
        l.weights = w;
        l.layout = nl::layout::rows;
    }
    REQUIRE(grid.value().set_layers(transposed).ok());
    REQUIRE(grid.value().evaluate(box, 32, rows.data()).ok());
    CHECK(rows == cols);
}

TEST_CASE("grids refuse networks without 2 inputs and sides out of range", "[grid][bad input]")
{
    const auto three_inputs = nl::seeded_network({3, 4, 1}, {named("relu"), named("sigmoid")}, 0, 1.0).value();
    CHECK_REFUSED(nl::grid_evaluator::create(three_inputs), "3");
    CHECK_REFUSED(nl::grid_evaluator::create({}));

    auto grid = nl::grid_evaluator::create({linear(1, {1, 0})});
    REQUIRE(grid.ok());
    CHECK_REFUSED(grid.value().set_layers(three_inputs), "3");

    std::vector<float> out(1);
    CHECK_REFUSED(grid.value().evaluate(nl::extent{}, 0, out.data()));
    const std::size_t too_big = nl::limits::max_grid_side + 1;
    const std::string too_big_text = std::to_string(too_big);
    CHECK_REFUSED(grid.value().evaluate(nl::extent{}, too_big, out.data()), too_big_text.c_str());

    // The largest side is allowed.
    const std::size_t side = nl::limits::max_grid_side;
    std::vector<float> big(side * side);
    REQUIRE(grid.value().set_layers({linear(1, {1, 0})}).ok());
    CHECK(grid.value().evaluate(nl::extent{}, side, big.data()).ok());
    CHECK(big[0] == Approx(-1 + 1.0 / side).margin(1e-6));
}
