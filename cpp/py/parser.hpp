// The parser: tokens to a syntax tree, with CPython 3.11's messages for the common
// mistakes, and a clear SyntaxError naming any construct outside NeuronLab's subset.
#pragma once

#include <string_view>

#include "ast.hpp"
#include "lexer.hpp"

namespace nl::py
{
    /// Nesting limits of the parser: they bound the C++ recursion of every later phase.
    namespace parse_limits
    {
        /// Height of an expression tree (parentheses, operators, calls...).
        inline constexpr int max_expr_depth = 200;
        /// Nested blocks (def, if, for, while...).
        inline constexpr int max_block_depth = 100;
    }

    /// Parses a whole program. Returns false and fills `issue` on the first error.
    bool parse(std::string_view source, Program& out, SyntaxIssue& issue);
}
