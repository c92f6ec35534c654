// The compiler: a syntax tree to bytecode. Names are resolved at compile time to
// slots: a function's locals and parameters to frame slots, names its inner
// functions capture to cells, module names to global slots (builtins are found
// at run time when a global slot is unbound).
#pragma once

#include <string_view>

#include "ast.hpp"
#include "lexer.hpp"

namespace nl::py
{
    class Vm;
    struct Code;

    /// Compiles a parsed program into the module's code; false and `issue` on a
    /// compile-time SyntaxError (e.g. a nonlocal with no binding).
    bool compile(Vm& vm, const Program& program, std::string_view filename, Code*& out, SyntaxIssue& issue);
}
