// nl::format_fixed against Python's f"{v:.{digits}f}": correctly rounded, ties
// to even on the exact binary value (0.125 -> "0.12", 2.675 -> "2.67").
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "format.hpp"
#include "oracle.hpp"

namespace
{
    /// Formats every value of format.<group>.values with `digits` and compares
    /// with Python's text, reporting the first few differences.
    void check_group(const std::string& group, int digits)
    {
        const std::string key = "format." + group + ".fixed" + std::to_string(digits);
        const auto values = oracle::numbers("format." + group + ".values");
        const auto expected = oracle::words(key);
        REQUIRE(values.size() == expected.size());
        std::size_t bad = 0;
        std::ostringstream first;
        for (std::size_t i = 0; i < values.size(); ++i)
        {
            const std::string got = nl::format_fixed(values[i], digits);
            if (got != expected[i] && ++bad <= 5)
                first << "\n  " << repr(values[i]) << ": got \"" << got << "\", Python \"" << expected[i] << '"';
        }
        INFO(key << ": " << bad << " of " << values.size() << " differ" << first.str());
        CHECK(bad == 0);
    }
}

TEST_CASE("format_fixed equals Python for hand-picked values at 0 to 17 digits", "[format]")
{
    // Signed zeros, -0.0001 -> "-0.000", binary ties, 1e20, 1e23, denormals, DBL_MAX.
    for (const int digits : {0, 1, 2, 3, 6, 17})
        check_group("hand", digits);
}

TEST_CASE("format_fixed equals Python for random magnitudes and for ties", "[format]")
{
    check_group("random", 3);
    check_group("random", 6);
    check_group("decimal_ties", 3);  // (k + 0.5) / 1000: the binary value decides
    check_group("binary_ties0", 0);  // exact ties go to even: 2.5 -> "2"
    check_group("binary_ties2", 2);
    check_group("binary_ties3", 3);
}

TEST_CASE("format_fixed clamps digits to [0, limits::max_digits]", "[format]")
{
    const auto values = oracle::numbers("format.hand.values");
    const auto zero = oracle::words("format.hand.fixed0");
    const auto most = oracle::words("format.hand.fixed17");
    for (std::size_t i = 0; i < values.size(); ++i)
    {
        INFO(repr(values[i]));
        CHECK(nl::format_fixed(values[i], -3) == zero[i]);
        CHECK(nl::format_fixed(values[i], 40) == most[i]);
    }
}

TEST_CASE("format_fixed writes inf, -inf and nan as Python does", "[format]")
{
    const auto expected = oracle::words("format.special.fixed3");
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(nl::format_fixed(inf, 3) == expected.at(0));
    CHECK(nl::format_fixed(-inf, 3) == expected.at(1));
    CHECK(nl::format_fixed(std::numeric_limits<double>::quiet_NaN(), 3) == expected.at(2));
    CHECK(nl::format_fixed(-std::numeric_limits<double>::quiet_NaN(), 3) == expected.at(2));
}

TEST_CASE("the array form joins the values with single spaces", "[format]")
{
    const auto values = oracle::numbers("format.hand.values");
    CHECK(nl::format_fixed(values.data(), values.size(), 3) == oracle::text("format.hand.fixed3"));
    CHECK(nl::format_fixed(values.data(), 1, 3) == oracle::words("format.hand.fixed3").at(0));
    CHECK(nl::format_fixed(values.data(), 0, 3).empty());
}
