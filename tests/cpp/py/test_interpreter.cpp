// The interpreter's phases and machine (cpp/py): lexer, parser, compiler, VM,
// collector and limits, through the embedding API. Expected text is what CPython
// 3.11 prints (checked with /usr/bin/python3 when these were written); the
// conformance corpus (tests/py) covers the language at large.
#include <catch2/catch.hpp>

#include <string>

#include "bigint.hpp"
#include "interpreter.hpp"
#include "lexer.hpp"
#include "parser.hpp"

namespace
{
    struct Outcome
    {
        bool ok;
        std::string out;
        std::string err;
        /// The last line of the traceback ("ZeroDivisionError: division by zero").
        std::string last() const
        {
            std::string t = err;
            while (!t.empty() && t.back() == '\n')
                t.pop_back();
            const auto nl = t.rfind('\n');
            return nl == std::string::npos ? t : t.substr(nl + 1);
        }
    };

    Outcome run(nl::py::Interpreter& py, const std::string& source)
    {
        Outcome o{true, "", ""};
        py.on_stdout([&](std::string_view s) { o.out.append(s); });
        py.on_stderr([&](std::string_view s) { o.err.append(s); });
        o.ok = py.run(source, "prog.py").ok;
        py.on_stdout(nullptr);
        py.on_stderr(nullptr);
        return o;
    }

    Outcome run(const std::string& source, bool stress = false)
    {
        nl::py::Interpreter py;
        py.set_collect_always(stress);
        return run(py, source);
    }

    std::string repeat(const std::string& s, int n)
    {
        std::string r;
        for (int i = 0; i < n; ++i)
            r += s;
        return r;
    }
}

TEST_CASE("lexer: indentation, brackets and f-strings", "[py][lexer]")
{
    std::vector<nl::py::Token> toks;
    nl::py::SyntaxIssue issue;
    REQUIRE(nl::py::tokenize("if x:\n    y = (1,\n  2)\n    z = f'{y!r:>4}'\nw\n", toks, issue));
    std::vector<nl::py::Tok> kinds;
    for (auto& t : toks)
        kinds.push_back(t.kind);
    using nl::py::Tok;
    const std::vector<Tok> want = {Tok::kw_if,   Tok::name,    Tok::colon,   Tok::newline, Tok::indent,  Tok::name,
                                   Tok::assign,  Tok::lpar,    Tok::integer, Tok::comma,   Tok::integer, Tok::rpar,
                                   Tok::newline, Tok::name,    Tok::assign,  Tok::fstring, Tok::newline, Tok::dedent,
                                   Tok::name,    Tok::newline, Tok::end};
    CHECK(kinds == want);
    CHECK(toks[15].text == "{y!r:>4}");

    // Numbers keep their digits (underscores dropped) and base.
    REQUIRE(nl::py::tokenize("0x_ff 1_000 1e-3 .5\n", toks, issue));
    CHECK(toks[0].text == "ff");
    CHECK(int(toks[0].base) == 16);
    CHECK(toks[1].text == "1000");
    CHECK(toks[2].kind == Tok::floating);
    CHECK(toks[3].text == ".5");

    CHECK_FALSE(nl::py::tokenize("x = 'abc\n", toks, issue));
    CHECK(issue.message == "unterminated string literal (detected at line 1)");
    CHECK_FALSE(nl::py::tokenize("if 1:\n\tx = 1\n        y = 2\n", toks, issue));
    CHECK(issue.type == "TabError");
}

TEST_CASE("syntax errors are CPython's", "[py][parser]")
{
    CHECK(run("x = (1\n").last() == "SyntaxError: '(' was never closed");
    CHECK(run("total = (1 + 2\nprint(total)\n").last() == "SyntaxError: '(' was never closed");
    CHECK(run("x = [1 2]\n").last() == "SyntaxError: invalid syntax. Perhaps you forgot a comma?");
    CHECK(run("if x = 1:\n  pass\n").last() ==
          "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    CHECK(run("for i in range(3)\n  pass\n").last() == "SyntaxError: expected ':'");
    CHECK(run("def f():\nreturn 1\n").last() ==
          "IndentationError: expected an indented block after function definition on line 1");
    CHECK(run("x = 1\n  y = 2\n").last() == "IndentationError: unexpected indent");
    CHECK(run("if 1:\n    x = 1\n  y = 2\n").last() ==
          "IndentationError: unindent does not match any outer indentation level");
    CHECK(run("print \"hi\"\n").last() ==
          "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?");
    CHECK(run("f() = 1\n").last() ==
          "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?");
    CHECK(run("x = 1abc\n").last() == "SyntaxError: invalid decimal literal");
    CHECK(run("return 1\n").last() == "SyntaxError: 'return' outside function");
    CHECK(run("break\n").last() == "SyntaxError: 'break' outside loop");
    CHECK(run("def f(a=1, b):\n  pass\n").last() == "SyntaxError: non-default argument follows default argument");
    CHECK(run("f(a=1, 2)\n").last() == "SyntaxError: positional argument follows keyword argument");
    CHECK(run("x = f'{}'\n").last() == "SyntaxError: f-string: empty expression not allowed");

    // The SyntaxError block: file, line, source line, caret.
    const Outcome o = run("x = 1\ny = (2 +\n");
    CHECK(o.err == "  File \"prog.py\", line 2\n    y = (2 +\n        ^\nSyntaxError: '(' was never closed\n");
}

TEST_CASE("constructs outside the subset are refused by name", "[py][parser]")
{
    CHECK(run("class A:\n    pass\n").last() == "SyntaxError: 'class' is not supported in NeuronLab's Python");
    CHECK(run("try:\n    x = 1\nexcept:\n    pass\n").last() ==
          "SyntaxError: 'try' is not supported in NeuronLab's Python");
    CHECK(run("with a as b:\n    pass\n").last() == "SyntaxError: 'with' is not supported in NeuronLab's Python");
    CHECK(run("s = {1, 2}\n").last() == "SyntaxError: sets ({...}) are not supported in NeuronLab's Python");
    CHECK(run("def g():\n    yield 1\n").last() == "SyntaxError: 'yield' is not supported in NeuronLab's Python");
    CHECK(run("x = 3j\n").last() == "SyntaxError: complex numbers are not supported in NeuronLab's Python");
    CHECK(run("print(eval('1'))\n").last() == "NotImplementedError: eval() is not supported in NeuronLab's Python");
    CHECK(run("import os\n").last() ==
          "ModuleNotFoundError: No module named 'os' (NeuronLab's Python has only the modules math and numpy)");
}

TEST_CASE("nesting is capped with a SyntaxError, never a crash", "[py][parser][limits]")
{
    CHECK(run("x = " + repeat("(", 5000) + "1" + repeat(")", 5000) + "\n").last() ==
          "SyntaxError: too many nested parentheses");
    CHECK(run("x = " + repeat("-", 5000) + "1\n").last().find("too deeply nested") != std::string::npos);
    CHECK(run("x = " + repeat("not ", 5000) + "1\n").last().find("too deeply nested") != std::string::npos);
    CHECK(run("x = 1" + repeat(" + 1", 5000) + "\n").last().find("too deeply nested") != std::string::npos);
    CHECK(run("x = 2" + repeat(" ** 2", 5000) + "\n").last().find("too deeply nested") != std::string::npos);
    CHECK(run("f = " + repeat("lambda: ", 5000) + "1\n").last().find("too deeply nested") != std::string::npos);
    std::string blocks;
    for (int i = 0; i < 150; ++i)
        blocks += std::string(std::size_t(i) * 2, ' ') + "if 1:\n";
    blocks += std::string(300, ' ') + "pass\n";
    CHECK(run(blocks).last() == "IndentationError: too many levels of indentation");
    // Long but flat is fine: 2000 elifs, a 10000-element list.
    std::string elifs = "x = 1999\nif x == 0:\n    print(0)\n";
    for (int i = 1; i < 2000; ++i)
        elifs += "elif x == " + std::to_string(i) + ":\n    print(" + std::to_string(i) + ")\n";
    CHECK(run(elifs).out == "1999\n");
    std::string list = "x = [";
    for (int i = 0; i < 10000; ++i)
        list += std::to_string(i) + ", ";
    CHECK(run(list + "]\nprint(sum(x))\n").out == "49995000\n");
}

TEST_CASE("tracebacks name each frame's line", "[py][vm]")
{
    const Outcome o = run("def f(x):\n    return 1 / x\n\nprint('a')\nf(0)\n");
    CHECK_FALSE(o.ok);
    CHECK(o.out == "a\n");
    CHECK(o.err == "Traceback (most recent call last):\n"
                   "  File \"prog.py\", line 5, in <module>\n"
                   "    f(0)\n"
                   "  File \"prog.py\", line 2, in f\n"
                   "    return 1 / x\n"
                   "ZeroDivisionError: division by zero\n");
    CHECK(run("d = {'a': 1}\nd['b']\n").last() == "KeyError: 'b'");
    CHECK(run("x = [1]\nx[3]\n").last() == "IndexError: list index out of range");
    CHECK(run("weights = 1\nprint(weigths)\n").last() ==
          "NameError: name 'weigths' is not defined. Did you mean: 'weights'?");
    CHECK(run("[].apend(1)\n").last() ==
          "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?");
    CHECK(run("def f():\n    x += 1\nf()\n").last() ==
          "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value");
    CHECK(run("def f(a, b):\n    pass\nf(1)\n").last() == "TypeError: f() missing 1 required positional argument: 'b'");
    CHECK(run("'a' + 1\n").last() == "TypeError: can only concatenate str (not \"int\") to str");
}

TEST_CASE("recursion: the limit is CPython's, and deep recursion never touches the C++ stack", "[py][vm][limits]")
{
    // 999 frames of f plus the module's: fine. One more: RecursionError.
    CHECK(run("def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(998))\n").out == "998\n");
    const Outcome o = run("def f(n):\n    return f(n + 1)\nf(0)\n");
    CHECK(o.last() == "RecursionError: maximum recursion depth exceeded");
    CHECK(o.err.find("[Previous line repeated 996 more times]") != std::string::npos);
    // Recursion through a native (sorted's key) is limited too, without a crash.
    const Outcome n = run("def k(x):\n    return sorted([1, 2], key=k)\nk(0)\n");
    CHECK(n.last() == "RecursionError: maximum recursion depth exceeded");
    // A deep data structure prints as CPython's RecursionError, not a crash.
    CHECK(run("x = []\nfor i in range(100000):\n    x = [x]\nprint(x)\n").last() ==
          "RecursionError: maximum recursion depth exceeded while getting the repr of an object");
}

TEST_CASE("limits stop a run with a clear message; the next run works", "[py][limits]")
{
    nl::py::Interpreter py;
    py.set_budget(2'000'000);
    CHECK(run(py, "while True:\n    pass\n").last().rfind("TimeoutError: ", 0) == 0);
    CHECK(run(py, "print(1)\n").out == "1\n");
    const Outcome lines = run(py, "while True:\n    print('x')\n");
    CHECK(lines.last().find("output limit") != std::string::npos);
    CHECK(lines.out.size() == 20000);
    CHECK(run(py, "x = [0] * 10**9\n").last().rfind("MemoryError: ", 0) == 0);
    CHECK(run(py, "s = 'ab' * 10**10\n").last().rfind("MemoryError: ", 0) == 0);
    py.set_budget(200'000'000);
    CHECK(run(py, "x = []\nwhile True:\n    x.append(x)\n").last().find("memory") != std::string::npos);
    CHECK(run(py, "print(sum(range(10)))\n").out == "45\n");
}

TEST_CASE("the collector frees cycles and keeps what natives hold", "[py][gc]")
{
    // Under collect-always, any value a native forgot to root would be freed
    // while in use (ASan builds report it); results must be unchanged.
    const std::string program = "def f(x):\n"
                                "    return [x, [x * 2]]\n"
                                "a = list(map(f, range(50)))\n"
                                "b = sorted(a, key=lambda p: -p[0])\n"
                                "c = {i: [i] for i in range(20)}\n"
                                "d = [[y for y in range(3)] for x in range(3)]\n"
                                "x, y, *z = map(lambda v: [v], range(5))\n"
                                "loop = []\n"
                                "loop.append(loop)\n"
                                "print(b[0], len(c), d, x, z, loop, max(a, key=lambda p: p[1]))\n"
                                "print(dict(map(lambda v: (v, [v]), range(3))))\n";
    const Outcome normal = run(program);
    const Outcome stressed = run(program, true);
    CHECK(normal.ok);
    CHECK(normal.out == stressed.out);
    CHECK(normal.out == "[49, [98]] 20 [[0, 1, 2], [0, 1, 2], [0, 1, 2]] [0] [[2], [3], [4]] [[...]] [49, [98]]\n"
                        "{0: [0], 1: [1], 2: [2]}\n");
}

TEST_CASE("bigint: Python's floor semantics and exact conversions", "[py][bigint]")
{
    using nl::py::BigInt;
    BigInt a, b;
    REQUIRE(BigInt::parse("123456789012345678901234567890", 10, a));
    REQUIRE(BigInt::parse("987654321", 10, b));
    BigInt q, r;
    BigInt::divmod(-a, b, &q, &r);
    CHECK(q.to_string() == "-124999998873437499902");
    CHECK(r.to_string() == "412808652");
    CHECK((a * a).to_string() == "15241578753238836750495351562536198787501905199875019052100");
    CHECK(BigInt::pow(BigInt::from_int64(2), 100).to_string() == "1267650600228229401496703205376");
    double d;
    REQUIRE((BigInt::pow(BigInt::from_int64(2), 53) + BigInt::from_int64(1)).to_double(d));
    CHECK(d == 9007199254740992.0);  // ties to even
    REQUIRE(BigInt::true_divide(BigInt::pow(BigInt::from_int64(10), 30), BigInt::from_int64(3), d));
    CHECK(d == 3.333333333333333e+29);
    CHECK(BigInt::from_int64(-5).shift_right(1).to_string() == "-3");
    CHECK((BigInt::from_int64(-12) & BigInt::from_int64(10)).to_string() == "0");
    CHECK((BigInt::from_int64(-12) | BigInt::from_int64(10)).to_string() == "-2");
}

TEST_CASE("numbers print and compute as CPython's", "[py][vm]")
{
    CHECK(run("print(2**100, -7 // 2, -7 % 2, 7 % -2, 2**-1, 10**20 // 3, -(2**64) % 7)\n").out ==
          "1267650600228229401496703205376 -4 1 -1 0.5 33333333333333333333 5\n");
    CHECK(run("print(0.1 + 0.2, 1e16, 1.5e-5, -0.0, 1/3, 2.0**0.5, 10**17 / 7)\n").out ==
          "0.30000000000000004 1e+16 1.5e-05 -0.0 0.3333333333333333 1.4142135623730951 1.4285714285714286e+16\n");
    CHECK(run("print(2**53 + 1 == 2.0**53, 2**53 == 2.0**53, 1 == 1.0, hash(1.0) == hash(1))\n").out ==
          "False True True True\n");
    CHECK(run("print(round(2.5), round(3.5), round(2.675, 2), round(1250, -2), int(-3.9), int('  -1_000 '))\n").out ==
          "2 4 2.67 1200 -3 -1000\n");
    CHECK(run("print(f'{3.14159:.3f}|{42:>6}|{-1.5:+.2f}|{1234567:,}|{0.000123:e}|{255:x}|{1e20:g}|{7:d}')\n").out ==
          "3.142|    42|-1.50|1,234,567|1.230000e-04|ff|1e+20|7\n");
    CHECK(run("print('{:>8.2f}|{}|{name}'.format(3.14159, [1], name='n'), '%5.1f%%' % 99.44)\n").out ==
          "    3.14|[1]|n  99.4%\n");
    CHECK(run("print(str(10**5000))\n").last().rfind("ValueError: Exceeds the limit (4300 digits)", 0) == 0);
}

TEST_CASE("closures, defaults, keywords and comprehension scopes", "[py][compiler]")
{
    CHECK(run("def make(n):\n"
              "    def add(x, k=1, *rest, scale=1, **kw):\n"
              "        return (x + n * k) * scale + sum(rest) + len(kw)\n"
              "    return add\n"
              "a = make(10)\n"
              "print(a(1), a(1, 2), a(1, 2, 3, 4), a(1, scale=2), a(x=1, k=0, z=9))\n")
              .out == "11 21 28 22 2\n");
    CHECK(run("fs = [lambda: i for i in range(3)]\nprint([f() for f in fs])\n").out == "[2, 2, 2]\n");
    CHECK(run("i = 'outer'\nx = [i for i in range(3)]\nprint(i, x)\n").out == "outer [0, 1, 2]\n");
    CHECK(run("x = 5\ndef f():\n    global x\n    x += 1\nf()\nprint(x)\n").out == "6\n");
    CHECK(run("def f(a, *, b):\n    pass\nf(1, 2, b=3)\n").last() ==
          "TypeError: f() takes 1 positional argument but 2 positional arguments (and 1 keyword-only argument) were "
          "given");
}
