// Activations by name and their exact float64 values against NumPy's.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "activation.hpp"
#include "oracle.hpp"

namespace
{
    nl::activation named(const std::string& name)
    {
        const auto a = nl::parse_activation(name);
        INFO("parse_activation(\"" << name << "\"): " << a.message());
        REQUIRE(a.ok());
        return a.value();
    }
}

TEST_CASE("parse_activation reads every name of the embed contract", "[activation]")
{
    using k = nl::activation_kind;
    const std::vector<std::pair<std::string, k>> names{
        {"step", k::step},      {"sigmoid", k::sigmoid},       {"tanh", k::tanh},
        {"relu", k::relu},      {"leaky_relu", k::leaky_relu}, {"identity", k::identity},
        {"softmax", k::softmax}};
    for (const auto& [name, kind] : names)
    {
        CHECK(named(name).kind == kind);
        CHECK(named("  " + name + " ").kind == kind);
        const auto back = named(nl::name_of(named(name)));
        CHECK(back.kind == kind);
    }
    CHECK(named("leaky_relu").slope == 0.01);
    const auto leaky = named("leaky_relu(0.2)");
    CHECK(leaky.kind == k::leaky_relu);
    CHECK(leaky.slope == 0.2);
    CHECK(named(nl::name_of(leaky)).slope == 0.2);
    CHECK_FALSE(named("softmax").elementwise());
    CHECK(named("tanh").elementwise());
}

TEST_CASE("name_of gives the shortest slope that reads back", "[activation]")
{
    CHECK(nl::name_of(named("leaky_relu(0.2)")) == "leaky_relu(0.2)");
    CHECK(nl::name_of(named("leaky_relu(0.01)")) == "leaky_relu");
    CHECK(nl::name_of(named("leaky_relu(-1.5e-7)")) == "leaky_relu(-1.5e-07)");
    for (const double slope : {0.1, 1.0 / 3, 2.5e-300, 0.30000000000000004})
    {
        const nl::activation a{nl::activation_kind::leaky_relu, slope};
        const auto back = nl::parse_activation(nl::name_of(a));
        REQUIRE(back.ok());
        CHECK(back.value().slope == slope);
    }
}

TEST_CASE("parse_activation refuses unknown names and quotes them", "[activation][bad input]")
{
    const auto swish = nl::parse_activation("swish");
    CHECK_REFUSED(swish, "swish");
    const auto& m = swish.message();
    CHECK((m.find("'swish'") != std::string::npos || m.find("\"swish\"") != std::string::npos));
    CHECK_REFUSED(nl::parse_activation("relu2"), "relu2");
    CHECK_REFUSED(nl::parse_activation(""));
    CHECK_REFUSED(nl::parse_activation("leaky_relu(abc)"));
    CHECK_REFUSED(nl::parse_activation("leaky_relu(0.2"));
}

TEST_CASE("each element-wise activation equals NumPy's over a sweep", "[activation]")
{
    // sigmoid is 1/(1+np.exp(-z)) and tanh np.tanh: DESIGN allows the last bit
    // of a transcendental function to differ (NumPy's tanh is within one ulp of
    // the correctly rounded value the core computes). The rest are exact in
    // both, so the one ulp allowed here only matters for those two.
    for (const char* name : {"step", "sigmoid", "tanh", "relu", "leaky_relu", "leaky_relu(0.2)", "identity"})
    {
        const std::string key = std::string("act.") + name;
        const auto act = named(name);
        const auto z = oracle::numbers(key + ".z");
        std::vector<double> y(z.size());
        for (std::size_t i = 0; i < z.size(); ++i)
            y[i] = nl::apply(act, z[i]);
        check_ulps(y, oracle::numbers(key + ".y"), 1, name);

        // apply_rows gives the same numbers, also in place.
        std::vector<double> rows(z.size()), in_place = z;
        nl::apply_rows(act, z.data(), rows.data(), 1, z.size());
        nl::apply_rows(act, in_place.data(), in_place.data(), z.size(), 1);
        check_ulps(rows, y, 0, std::string(name) + " by apply_rows");
        check_ulps(in_place, y, 0, std::string(name) + " by apply_rows in place");
    }
}

TEST_CASE("sigmoid goes to 0 where NumPy's exp(-z) overflows", "[activation]")
{
    // e^-800 is below the smallest double, so the correctly rounded sigmoid is 0.
    for (const double z : {-800.0, -1000.0})
        CHECK(nl::apply(named("sigmoid"), z) == 0.0);
}

TEST_CASE("softmax equals NumPy's stable softmax by row", "[activation]")
{
    // The core's exp is correctly rounded in both builds (musl's, in wasm, is
    // not: its exp(-0.6) is one ulp above glibc's and would move a quotient by
    // two), so each row is within 1 ulp of NumPy's.
    const auto softmax = named("softmax");
    for (int i = 0;; ++i)
    {
        const std::string key = "softmax." + std::to_string(i);
        if (!oracle::entries().count(key + ".z"))
            break;
        const auto z = oracle::numbers(key + ".z");
        std::vector<double> y(z.size());
        nl::apply_rows(softmax, z.data(), y.data(), 1, z.size());
        check_ulps(y, oracle::numbers(key + ".y"), 1, key);
    }
    auto m = oracle::numbers("softmax.matrix.z");
    nl::apply_rows(softmax, m.data(), m.data(), 4, 3);  // in place, 4 rows of 3
    check_ulps(m, oracle::numbers("softmax.matrix.y"), 1, "4x3 matrix in place");
    CHECK(nl::apply(softmax, -3.5) == 1.0);
}
