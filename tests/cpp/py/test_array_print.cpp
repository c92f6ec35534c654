// NumPy's array str() and repr(), byte for byte, on the golden cases of
// tests/py_print/arrays.txt (written by make_expected.py from NumPy 1.24): every
// printing regime, print option and layout listed there.
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "print/array_print.hpp"
#include "py_oracle.hpp"

namespace
{
    struct golden_case
    {
        std::string name;
        nl::py::array_layout layout;
        nl::py::print_options options;
        std::vector<double> floats;
        std::vector<std::int64_t> ints;
        std::vector<std::uint8_t> bools;
        std::string str, repr;
    };

    std::vector<std::int64_t> numbers_after(std::istringstream& in, const std::string& stop)
    {
        std::vector<std::int64_t> out;
        for (std::string w; in >> w && w != stop;)
            out.push_back(std::stoll(w));
        return out;
    }

    std::vector<golden_case> read_cases()
    {
        std::vector<golden_case> cases;
        std::istringstream file(py_oracle::read_file(NL_PY_PRINT_DIR "/arrays.txt"));
        std::string line, *text = nullptr;
        while (std::getline(file, line))
        {
            if (line.rfind("=== ", 0) == 0)
            {
                cases.emplace_back();
                cases.back().name = line.substr(4);
                text = nullptr;
                continue;
            }
            if (cases.empty())
                continue;
            golden_case& c = cases.back();
            if (line == "--- str" || line == "--- repr")
            {
                text = line == "--- str" ? &c.str : &c.repr;
                continue;
            }
            if (text)
            {
                *text += (text->empty() ? "" : "\n") + line;
                continue;
            }
            std::istringstream in(line);
            std::string word;
            in >> word;
            if (word == "layout")
            {
                std::string type, shape_word;
                std::int64_t offset;
                in >> type >> offset >> shape_word;
                c.layout.type = type == "float64" ? nl::py::dtype::float64
                                : type == "int64" ? nl::py::dtype::int64 : nl::py::dtype::bool_;
                c.layout.shape = numbers_after(in, "strides");
                c.layout.strides = numbers_after(in, "");
                c.layout.data = reinterpret_cast<const void*>(static_cast<std::intptr_t>(offset));  // fixed below
            }
            else if (word == "options")
            {
                std::string sign;
                int suppress;
                in >> c.options.precision >> suppress >> c.options.linewidth >> c.options.threshold >>
                    c.options.edgeitems >> sign;
                c.options.suppress = suppress != 0;
                c.options.sign = sign == "plus" ? '+' : sign == "space" ? ' ' : '-';
            }
            else if (word == "data")
            {
                for (std::string w; in >> w;)
                {
                    if (c.layout.type == nl::py::dtype::float64)
                        c.floats.push_back(py_oracle::from_bits(std::stoull(w, nullptr, 16)));
                    else if (c.layout.type == nl::py::dtype::int64)
                        c.ints.push_back(std::stoll(w));
                    else
                        c.bools.push_back(w == "1");
                }
            }
        }
        // Point each layout at its own buffer, plus the view's offset.
        for (auto& c : cases)
        {
            const auto offset = static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(c.layout.data));
            if (c.layout.type == nl::py::dtype::float64)
                c.layout.data = c.floats.data() + offset;
            else if (c.layout.type == nl::py::dtype::int64)
                c.layout.data = c.ints.data() + offset;
            else
                c.layout.data = c.bools.data() + offset;
        }
        return cases;
    }
}

TEST_CASE("array str and repr equal NumPy's on every golden case", "[array_print]")
{
    const auto cases = read_cases();
    REQUIRE(cases.size() >= 100);
    for (const auto& c : cases)
    {
        INFO("case " << c.name);
        CHECK(nl::py::array_str(c.layout, c.options) == c.str);
        CHECK(nl::py::array_repr(c.layout, c.options) == c.repr);
    }
}

TEST_CASE("scalar_str prints NumPy scalars", "[array_print]")
{
    const double f = 0.1;
    const std::int64_t i = -7;
    const std::uint8_t b = 1;
    CHECK(nl::py::scalar_str(nl::py::dtype::float64, &f) == "0.1");
    CHECK(nl::py::scalar_str(nl::py::dtype::int64, &i) == "-7");
    CHECK(nl::py::scalar_str(nl::py::dtype::bool_, &b) == "True");
}
