#include "activation.hpp"

#include "exact_math.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace nl
{
    namespace
    {
        std::string_view trim(std::string_view s)
        {
            const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
            while (!s.empty() && space(s.front()))
                s.remove_prefix(1);
            while (!s.empty() && space(s.back()))
                s.remove_suffix(1);
            return s;
        }

        std::string quoted(std::string_view s)
        {
            // Keep messages short even when the name is a megabyte of junk.
            constexpr std::size_t max_shown = 40;
            std::string text(s.substr(0, max_shown));
            if (s.size() > max_shown)
                text += "...";
            return "'" + text + "'";
        }

        double sigmoid(double z)
        {
            // NumPy's lessons write 1 / (1 + exp(-z)); using the same expression keeps
            // the last bit equal. Below -700 exp(-z) would overflow (harmlessly to inf,
            // but raising the overflow flag), and there e^z is the answer to the last bit.
            if (z < -700)
                return exp_exact(z);
            return 1.0 / (1.0 + exp_exact(-z));
        }

        // Rejects the input with the list of names a user can choose from.
        error unknown(std::string_view name)
        {
            return error{"unknown activation " + quoted(name) +
                         ": expected one of step, sigmoid, tanh, relu, leaky_relu, "
                         "leaky_relu(slope), identity, softmax"};
        }
    }

    result<activation> parse_activation(std::string_view name)
    {
        const std::string_view s = trim(name);
        if (s == "step")
            return activation{activation_kind::step};
        if (s == "sigmoid")
            return activation{activation_kind::sigmoid};
        if (s == "tanh")
            return activation{activation_kind::tanh};
        if (s == "relu")
            return activation{activation_kind::relu};
        if (s == "identity")
            return activation{activation_kind::identity};
        if (s == "softmax")
            return activation{activation_kind::softmax};
        if (s == "leaky_relu")
            return activation{activation_kind::leaky_relu, 0.01};

        const std::string_view prefix = "leaky_relu(";
        if (s.size() > prefix.size() + 1 && s.substr(0, prefix.size()) == prefix && s.back() == ')')
        {
            const std::string number(trim(s.substr(prefix.size(), s.size() - prefix.size() - 1)));
            char* end = nullptr;
            errno = 0;
            const double slope = std::strtod(number.c_str(), &end);
            const bool parsed = !number.empty() && end == number.c_str() + number.size() && errno == 0;
            if (!parsed || !std::isfinite(slope))
                return error{"leaky_relu slope " + quoted(number) + " is not a finite number"};
            return activation{activation_kind::leaky_relu, slope};
        }
        return unknown(name);
    }

    std::string name_of(const activation& a)
    {
        switch (a.kind)
        {
        case activation_kind::step:
            return "step";
        case activation_kind::sigmoid:
            return "sigmoid";
        case activation_kind::tanh:
            return "tanh";
        case activation_kind::relu:
            return "relu";
        case activation_kind::identity:
            return "identity";
        case activation_kind::softmax:
            return "softmax";
        case activation_kind::leaky_relu:
            if (a.slope == 0.01)
                return "leaky_relu";
            // The shortest decimal that reads back as the same slope, as
            // Python's repr: "leaky_relu(0.2)", not "leaky_relu(0.20000000000000001)".
            char buffer[48];
            for (int digits = 1; digits <= 17; ++digits)
            {
                std::snprintf(buffer, sizeof buffer, "leaky_relu(%.*g)", digits, a.slope);
                if (std::strtod(buffer + 11, nullptr) == a.slope)
                    break;
            }
            return buffer;
        }
        return "identity";
    }

    double apply(const activation& a, double z)
    {
        switch (a.kind)
        {
        case activation_kind::step:
            return z > 0 ? 1.0 : 0.0;
        case activation_kind::sigmoid:
            return sigmoid(z);
        case activation_kind::tanh:
            return tanh_exact(z);
        case activation_kind::relu:
            return z > 0 ? z : 0.0;
        case activation_kind::leaky_relu:
            return z > 0 ? z : a.slope * z;
        case activation_kind::identity:
            return z;
        case activation_kind::softmax:
            return std::isnan(z) ? z : 1.0;
        }
        return z;
    }

    void apply_rows(const activation& a, const double* z, double* out, std::size_t rows, std::size_t cols)
    {
        if (a.elementwise())
        {
            for (std::size_t i = 0; i < rows * cols; ++i)
                out[i] = apply(a, z[i]);
            return;
        }
        // Softmax, stable: subtract the row's maximum before exponentiating.
        for (std::size_t r = 0; r < rows; ++r)
        {
            const double* zr = z + r * cols;
            double* yr = out + r * cols;
            const double top = *std::max_element(zr, zr + cols);
            double total = 0;
            for (std::size_t c = 0; c < cols; ++c)
            {
                yr[c] = exp_exact(zr[c] - top);
                total += yr[c];
            }
            for (std::size_t c = 0; c < cols; ++c)
                yr[c] /= total;
        }
    }
}
