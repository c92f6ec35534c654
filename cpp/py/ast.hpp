// The syntax tree the parser builds and the compiler walks. Nodes own their
// children; nesting depth is capped by the parser (limits.hpp), which bounds the
// C++ recursion of the compiler and of the tree's destruction.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace nl::py
{
    enum class BinOp : int
    {
        add,
        sub,
        mul,
        truediv,
        floordiv,
        mod,
        pow,
        matmul,
        lshift,
        rshift,
        bit_and,
        bit_or,
        bit_xor,
        count
    };
    enum class UnOp : int
    {
        neg,
        pos,
        invert,
        not_
    };
    enum class CmpOp : int
    {
        lt,
        le,
        eq,
        ne,
        gt,
        ge,
        in,
        not_in,
        is,
        is_not
    };

    enum class ExprKind
    {
        name,
        none,
        true_,
        false_,
        integer,
        floating,
        string,
        ellipsis,
        fstring,          // kids: parts (string constants and formatted values)
        formatted_value,  // kids[0]: value; kids[1]: spec (fstring) or null; op: conversion char or 0
        binop,            // op: BinOp; kids: left, right
        unop,             // op: UnOp; kids: operand
        boolop,           // op: 0 and, 1 or; kids: values
        compare,          // kids: left, comparators...; ops
        ifexp,            // kids: test, body, orelse
        call,             // kids: func, positional args (starred allowed)...; keywords in `keywords`
        attribute,        // kids: value; str: attribute name
        subscript,        // kids: value, index
        slice,            // kids: lower, upper, step (each may be null)
        starred,          // kids: value
        list,
        tuple,
        dict,
        set,  // dict: kids alternate key, value (null key: **mapping)
        listcomp,
        dictcomp,
        setcomp,
        genexp,     // kids: element (dict: key, value); `gens`
        lambda,     // `func`
        namedexpr,  // kids: target name, value
        yield
    };

    struct Expr;
    struct Stmt;
    using ExprPtr = std::unique_ptr<Expr>;
    using StmtPtr = std::unique_ptr<Stmt>;
    using Body = std::vector<StmtPtr>;

    struct Keyword
    {
        std::string name;  // empty for **mapping
        ExprPtr value;
        int line = 0, col = 0;
    };

    struct Comprehension
    {
        ExprPtr target;
        ExprPtr iter;
        std::vector<ExprPtr> ifs;
    };

    enum class ParamKind
    {
        positional,
        varargs,
        keyword_only,
        kwargs
    };

    struct Param
    {
        std::string name;
        ParamKind kind = ParamKind::positional;
        ExprPtr default_value;
        int line = 0, col = 0;
    };

    /// A def or a lambda.
    struct FunctionDef
    {
        std::string name;  // "<lambda>" for lambdas
        std::vector<Param> params;
        Body body;  // lambda: one return statement
        int line = 0;
    };

    struct Expr
    {
        ExprKind kind;
        int line = 0, col = 0, end_line = 0, end_col = 0;
        int op = 0;
        std::string str;  // name, attribute, string value, number text
        int base = 10;    // integer literals
        bool parenthesized = false;
        int depth = 1;  // height of the subtree (capped by the parser)
        std::vector<ExprPtr> kids;
        std::vector<CmpOp> ops;
        std::vector<Keyword> keywords;
        std::vector<Comprehension> gens;
        std::unique_ptr<FunctionDef> func;

        Expr(ExprKind k, int l, int c) : kind(k), line(l), col(c), end_line(l), end_col(c) {}
    };

    enum class StmtKind
    {
        expr,       // exprs[0]
        assign,     // exprs: targets..., value (last)
        augassign,  // exprs: target, value; op: BinOp
        annassign,  // exprs: target, annotation, value (may be null)
        if_,        // exprs: tests of if and each elif; branches: their bodies; orelse
        while_,     // exprs[0]: test; body; orelse
        for_,       // exprs: target, iter; body; orelse
        break_,
        continue_,
        pass,
        return_,  // exprs[0] or none
        def,      // func
        global,
        nonlocal,     // names
        del,          // exprs: targets
        import,       // names: modules; asnames
        import_from,  // str: module; names; asnames
        raise,        // exprs: [exc [, cause]]
        assert_,      // exprs: test [, msg]
    };

    struct Stmt
    {
        StmtKind kind;
        int line = 0, col = 0, end_line = 0;
        int op = 0;
        std::string str;
        std::vector<ExprPtr> exprs;
        Body body, orelse;
        std::vector<Body> branches;  // if/elif bodies, kept flat so long elif chains nest nothing
        std::vector<std::string> names, asnames;
        std::unique_ptr<FunctionDef> func;

        Stmt(StmtKind k, int l, int c) : kind(k), line(l), col(c), end_line(l) {}
    };

    /// A parsed program.
    struct Program
    {
        Body body;
    };
}
