// The NumPy oracle as the tests see it: a reader of tests/oracle/expected.txt
// (written by tests/oracle/make_expected.py, see its header for the keys) and
// the comparisons the tests make against it.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <xtensor/xtensor.hpp>

#include "result.hpp"

namespace oracle
{
    /// Every `key<TAB>payload` line of the file, read once.
    inline const std::map<std::string, std::string>& entries()
    {
        static const std::map<std::string, std::string> all = []
        {
            std::ifstream in(NL_ORACLE_FILE);
            if (!in)
                throw std::runtime_error("cannot read " NL_ORACLE_FILE);
            std::map<std::string, std::string> m;
            for (std::string line; std::getline(in, line);)
            {
                const auto tab = line.find('\t');
                if (tab != std::string::npos)
                    m[line.substr(0, tab)] = line.substr(tab + 1);
            }
            return m;
        }();
        return all;
    }

    /// A display string or printed line, exactly as Python wrote it.
    inline const std::string& text(const std::string& key)
    {
        const auto it = entries().find(key);
        if (it == entries().end())
            throw std::runtime_error("no key '" + key + "' in expected.txt: rerun make_expected.py");
        return it->second;
    }

    /// The float64 values of a numeric key (Python repr, read back exactly by strtod).
    inline std::vector<double> numbers(const std::string& key)
    {
        std::vector<double> values;
        const char* p = text(key).c_str();
        for (char* end = nullptr;; p = end)
        {
            const double v = std::strtod(p, &end);
            if (end == p)
                break;
            values.push_back(v);
        }
        return values;
    }

    inline double number(const std::string& key) { return numbers(key).at(0); }

    /// Display strings split at spaces (one per formatted value).
    inline std::vector<std::string> words(const std::string& key)
    {
        std::vector<std::string> out;
        std::istringstream in(text(key));
        for (std::string w; in >> w;)
            out.push_back(w);
        return out;
    }

    inline xt::xtensor<double, 1> vector(const std::string& key)
    {
        const auto v = numbers(key);
        auto out = xt::xtensor<double, 1>::from_shape({v.size()});
        std::copy(v.begin(), v.end(), out.begin());
        return out;
    }

    /// A matrix stored row-major under `key` with its shape under `key.shape`.
    inline xt::xtensor<double, 2> matrix(const std::string& key)
    {
        const auto v = numbers(key);
        const auto shape = numbers(key + ".shape");
        const auto rows = static_cast<std::size_t>(shape.at(0)), cols = static_cast<std::size_t>(shape.at(1));
        if (rows * cols != v.size())
            throw std::runtime_error("bad shape for '" + key + "'");
        auto out = xt::xtensor<double, 2>::from_shape({rows, cols});
        std::copy(v.begin(), v.end(), out.begin());
        return out;
    }

    /// A vector as a one-row matrix (one sample).
    inline xt::xtensor<double, 2> row(const std::string& key)
    {
        const auto v = numbers(key);
        auto out = xt::xtensor<double, 2>::from_shape({std::size_t(1), v.size()});
        std::copy(v.begin(), v.end(), out.begin());
        return out;
    }
}

/// How many doubles lie between a and b (0 when equal, +0 and -0 count as equal;
/// the maximum when either is NaN). Ordered by bit pattern, so it works across
/// binades and through zero.
inline std::uint64_t ulp_distance(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::numeric_limits<std::uint64_t>::max();
    const auto ordered = [](double x)
    {
        std::int64_t i;
        std::memcpy(&i, &x, sizeof i);
        // Negative doubles count down from the sign bit; map them below zero.
        return i < 0 ? std::numeric_limits<std::int64_t>::min() - i : i;
    };
    const std::int64_t ia = ordered(a), ib = ordered(b);
    return ia > ib ? std::uint64_t(ia) - std::uint64_t(ib) : std::uint64_t(ib) - std::uint64_t(ia);
}

/// The shortest text that reads back as x, for failure messages.
inline std::string repr(double x)
{
    char buf[32];
    for (int precision = 1; precision <= 17; ++precision)
    {
        std::snprintf(buf, sizeof buf, "%.*g", precision, x);
        if (std::strtod(buf, nullptr) == x || std::isnan(x))
            break;
    }
    return buf;
}

/// Checks actual[i] within max_ulps of expected[i] for every i, where 0 means
/// the same bits, and reports how many are not with the first few of them.
inline void check_ulps(const double* actual, std::size_t count, const std::vector<double>& expected,
                       std::uint64_t max_ulps, const std::string& what)
{
    INFO(what);
    REQUIRE(count == expected.size());
    std::size_t bad = 0;
    std::ostringstream first;
    for (std::size_t i = 0; i < count; ++i)
    {
        const double a = actual[i], e = expected[i];
        const std::uint64_t d = ulp_distance(a, e);
        const bool same = max_ulps == 0 ? std::memcmp(&a, &e, sizeof a) == 0 : d <= max_ulps;
        if (!same && ++bad <= 5)
            first << "\n  [" << i << "] got " << repr(a) << ", NumPy " << repr(e) << " (" << d << " ulp)";
    }
    const std::string how =
        max_ulps == 0 ? "differ in their bits" : "differ by more than " + std::to_string(max_ulps) + " ulp";
    INFO(bad << " of " << count << " " << how << ":" << first.str());
    CHECK(bad == 0);
}

/// The same for any contiguous container of doubles (std::vector, xtensor).
template <class Actual>
void check_ulps(const Actual& actual, const std::vector<double>& expected, std::uint64_t max_ulps,
                const std::string& what)
{
    check_ulps(actual.data(), std::size_t(actual.size()), expected, max_ulps, what);
}

/// Checks one number within max_ulps of NumPy's.
#define CHECK_ULPS(actual, expected, max_ulps)                                                                         \
    do                                                                                                                 \
    {                                                                                                                  \
        const double nl_a_ = (actual), nl_e_ = (expected);                                                             \
        INFO(#actual " = " << repr(nl_a_) << ", NumPy " << repr(nl_e_));                                               \
        CHECK(ulp_distance(nl_a_, nl_e_) <= (max_ulps));                                                               \
    } while (0)

/// A tiny deterministic generator for random shapes and values (splitmix64): the
/// same numbers natively and in wasm, independent of the generator under test.
struct test_rng
{
    std::uint64_t state;

    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// Uniform on [lo, hi).
    double uniform(double lo, double hi) { return lo + (hi - lo) * double(next() >> 11) * 0x1p-53; }
    /// Uniform integer on [lo, hi].
    std::size_t between(std::size_t lo, std::size_t hi) { return lo + next() % (hi - lo + 1); }
};

template <class T>
std::string message_of(const nl::result<T>& r)
{
    return r.message();
}
inline std::string message_of(const nl::status& s) { return s.message; }

/// Checks that a result or status is an error whose message is non-empty and
/// contains each of the given facts (shapes, names, sizes): the wording is free.
#define CHECK_REFUSED(expr, ...)                                                                                       \
    do                                                                                                                 \
    {                                                                                                                  \
        const auto& nl_r_ = (expr);                                                                                    \
        const std::string nl_m_ = message_of(nl_r_);                                                                   \
        INFO(#expr " says: \"" << nl_m_ << "\"");                                                                      \
        CHECK_FALSE(nl_r_.ok());                                                                                       \
        CHECK_FALSE(nl_m_.empty());                                                                                    \
        for (const char* nl_fact_ : std::initializer_list<const char*>{__VA_ARGS__})                                   \
            CHECK_THAT(nl_m_, Catch::Contains(nl_fact_));                                                              \
    } while (0)
