#include "parser.hpp"

#include <algorithm>
#include <set>

namespace nl::py
{
    namespace
    {
        const char* unsupported_suffix = " is not supported in NeuronLab's Python";

        class Parser
        {
        public:
            Parser(std::vector<Token>& tokens, SyntaxIssue& issue, bool lex_failed, SyntaxIssue lex_issue)
                : m_tok(tokens), m_issue(issue), m_lex_failed(lex_failed), m_lex_issue(std::move(lex_issue))
            {
            }

            /// The line of the token after the one the parser failed at (CPython's
            /// parser has read at least that far when it reports).
            int failure_line() const { return peek(1).line; }

            bool file(Program& prog)
            {
                while (!failed() && peek().kind != Tok::end)
                {
                    if (peek().kind == Tok::newline)
                    {
                        advance();
                        continue;
                    }
                    statement(prog.body);
                }
                if (!failed() && m_lex_failed && at_lex_error())
                    return lex_error();
                return !failed();
            }

        private:
            // ------------------------------------------------------------ tokens

            const Token& peek(std::size_t k = 0) const
            {
                const std::size_t i = std::min(m_pos + k, m_tok.size() - 1);
                return m_tok[i];
            }
            Tok kind(std::size_t k = 0) const { return peek(k).kind; }
            const Token& advance()
            {
                const Token& t = m_tok[m_pos];
                if (m_pos + 1 < m_tok.size())
                    ++m_pos;
                return t;
            }
            bool accept(Tok k)
            {
                if (kind() == k)
                {
                    advance();
                    return true;
                }
                return false;
            }
            bool failed() const { return m_failed; }

            bool at_lex_error() const { return m_pos + 1 >= m_tok.size(); }

            bool lex_error()
            {
                if (!m_failed)
                {
                    m_issue = m_lex_issue;
                    m_failed = true;
                }
                return false;
            }

            /// Reports a SyntaxError at a token (the lexer's own error first, when the
            /// parser has reached the point where the lexer stopped).
            std::nullptr_t error(const std::string& msg, int line, int col, int end_col = -1,
                                 const char* type = "SyntaxError")
            {
                if (m_failed)
                    return nullptr;
                m_failed = true;
                m_issue.type = type;
                m_issue.message = msg;
                m_issue.line = line;
                m_issue.col = col;
                m_issue.end_col = end_col;
                return nullptr;
            }
            std::nullptr_t error_at(const Token& t, const std::string& msg)
            {
                if (m_lex_failed && &t == &m_tok.back())
                {
                    lex_error();
                    return nullptr;
                }
                return error(msg, t.line, t.col, t.end_line == t.line ? t.end_col : -1);
            }
            std::nullptr_t error_at(const Expr& e, const std::string& msg)
            {
                return error(msg, e.line, e.col, e.end_line == e.line ? e.end_col : -1);
            }
            std::nullptr_t invalid_syntax() { return syntax_error_here("invalid syntax"); }
            std::nullptr_t syntax_error_here(const std::string& msg)
            {
                const Token& t = peek();
                if (m_lex_failed && at_lex_error())
                {
                    lex_error();
                    return nullptr;
                }
                if (t.kind == Tok::indent)
                    return error("unexpected indent", t.line, -1, -1, "IndentationError");
                if (t.kind == Tok::dedent)
                    return error("unindent does not match any outer indentation level", t.line, t.col, -1,
                                 "IndentationError");
                if (t.kind == Tok::newline || t.kind == Tok::end)
                    return error(msg, t.line, t.col);
                return error_at(t, msg);
            }
            bool expect(Tok k, const char* msg = nullptr)
            {
                if (accept(k))
                    return true;
                if (msg)
                {
                    // CPython points just past the previous token for "expected ':'".
                    const Token& prev = m_tok[m_pos ? m_pos - 1 : 0];
                    if (m_lex_failed && at_lex_error())
                        return lex_error();
                    if (kind() == Tok::newline || kind() == Tok::end || true)
                        error(msg, prev.end_line, prev.end_col);
                    return false;
                }
                invalid_syntax();
                return false;
            }

            // ------------------------------------------------------------ nodes

            ExprPtr node(ExprKind k, const Token& t) { return std::make_unique<Expr>(k, t.line, t.col); }
            static ExprPtr node_at(ExprKind k, const Expr& e)
            {
                auto n = std::make_unique<Expr>(k, e.line, e.col);
                return n;
            }

            /// Sets end position and depth from the last token and children; enforces
            /// the depth limit.
            ExprPtr finish(ExprPtr e)
            {
                if (!e)
                    return e;
                const Token& last = m_tok[m_pos ? m_pos - 1 : 0];
                if (last.end_line > e->end_line || (last.end_line == e->end_line && last.end_col > e->end_col))
                {
                    e->end_line = last.end_line;
                    e->end_col = last.end_col;
                }
                int d = 0;
                for (auto& k : e->kids)
                    if (k)
                        d = std::max(d, k->depth);
                for (auto& kw : e->keywords)
                    if (kw.value)
                        d = std::max(d, kw.value->depth);
                for (auto& g : e->gens)
                {
                    d = std::max(d, g.target->depth);
                    d = std::max(d, g.iter->depth);
                    for (auto& c : g.ifs)
                        d = std::max(d, c->depth);
                }
                if (e->func)
                    d = std::max(d, m_lambda_depth);
                e->depth = d + 1;
                if (e->depth > parse_limits::max_expr_depth)
                    return error("expression too deeply nested (NeuronLab's Python allows " +
                                     std::to_string(parse_limits::max_expr_depth) + " levels)",
                                 e->line, e->col);
                return e;
            }

            struct DepthGuard
            {
                Parser& p;
                bool ok;
                explicit DepthGuard(Parser& parser) : p(parser)
                {
                    ok = ++p.m_recursion <= parse_limits::max_expr_depth;
                    if (!ok)
                        p.error("expression too deeply nested (NeuronLab's Python allows " +
                                    std::to_string(parse_limits::max_expr_depth) + " levels)",
                                p.peek().line, p.peek().col);
                }
                ~DepthGuard() { --p.m_recursion; }
            };

            // ------------------------------------------------------------ statements

            void statement(Body& body)
            {
                switch (kind())
                {
                case Tok::kw_if:
                    body.push_back(if_stmt());
                    break;
                case Tok::kw_while:
                    body.push_back(while_stmt());
                    break;
                case Tok::kw_for:
                    body.push_back(for_stmt());
                    break;
                case Tok::kw_def:
                    body.push_back(def_stmt());
                    break;
                case Tok::kw_try:
                    unsupported_stmt("'try'");
                    break;
                case Tok::kw_class:
                    unsupported_stmt("'class'");
                    break;
                case Tok::kw_with:
                    unsupported_stmt("'with'");
                    break;
                case Tok::kw_async:
                    unsupported_stmt("'async'");
                    break;
                case Tok::at:
                    unsupported_stmt("decorators ('@')", "are");
                    break;
                case Tok::indent:
                    error("unexpected indent", peek().line, -1, -1, "IndentationError");
                    break;
                default:
                    simple_stmts(body);
                }
                if (!body.empty() && !body.back() && !failed())
                    invalid_syntax();
                if (!body.empty() && !body.back())
                    body.pop_back();
            }

            void unsupported_stmt(const char* what, const char* verb = "is")
            {
                const Token& t = peek();
                std::string msg = std::string(what) + unsupported_suffix;
                if (std::string(verb) == "are")
                    msg = std::string(what) + " are not supported in NeuronLab's Python";
                error(msg, t.line, t.col, t.end_col);
            }

            void simple_stmts(Body& body)
            {
                while (true)
                {
                    StmtPtr s = small_stmt();
                    if (!s)
                    {
                        if (!failed())
                            invalid_syntax();
                        return;
                    }
                    body.push_back(std::move(s));
                    if (accept(Tok::semicolon))
                    {
                        if (kind() == Tok::newline || kind() == Tok::end)
                            break;
                        continue;
                    }
                    break;
                }
                if (kind() == Tok::end)
                {
                    if (m_lex_failed)
                        lex_error();
                    return;
                }
                if (!accept(Tok::newline))
                {
                    if (m_lex_failed && at_lex_error())
                    {
                        lex_error();
                        return;
                    }
                    invalid_syntax();
                }
            }

            StmtPtr stmt(StmtKind k, const Token& t) { return std::make_unique<Stmt>(k, t.line, t.col); }

            StmtPtr small_stmt()
            {
                const Token& t = peek();
                switch (t.kind)
                {
                case Tok::kw_pass:
                    advance();
                    return stmt(StmtKind::pass, t);
                case Tok::kw_break:
                    advance();
                    if (m_loop_depth == 0)
                        return fail_stmt(error("'break' outside loop", t.line, t.col, t.end_col));
                    return stmt(StmtKind::break_, t);
                case Tok::kw_continue:
                    advance();
                    if (m_loop_depth == 0)
                        return fail_stmt(error("'continue' not properly in loop", t.line, t.col, t.end_col));
                    return stmt(StmtKind::continue_, t);
                case Tok::kw_return:
                {
                    advance();
                    auto s = stmt(StmtKind::return_, t);
                    if (kind() != Tok::newline && kind() != Tok::semicolon && kind() != Tok::end)
                    {
                        auto v = star_expressions();
                        if (!v)
                            return nullptr;
                        s->exprs.push_back(std::move(v));
                    }
                    if (m_func_depth == 0)
                        return fail_stmt(error("'return' outside function", t.line, t.col));
                    return s;
                }
                case Tok::kw_nonlocal:
                    return fail_stmt(error(std::string("'nonlocal'") + unsupported_suffix, t.line, t.col, t.end_col));
                case Tok::kw_global:
                {
                    advance();
                    auto s = stmt(t.kind == Tok::kw_global ? StmtKind::global : StmtKind::nonlocal, t);
                    do
                    {
                        if (kind() != Tok::name)
                            return fail_stmt(invalid_syntax());
                        s->names.push_back(advance().text);
                    } while (accept(Tok::comma));
                    return s;
                }
                case Tok::kw_del:
                {
                    advance();
                    auto s = stmt(StmtKind::del, t);
                    auto target = star_expressions();
                    if (!target)
                        return nullptr;
                    if (!check_target(*target, "delete"))
                        return nullptr;
                    if (target->kind == ExprKind::tuple && !target->parenthesized)
                        for (auto& k : target->kids)
                            s->exprs.push_back(std::move(k));
                    else
                        s->exprs.push_back(std::move(target));
                    return s;
                }
                case Tok::kw_import:
                    return import_stmt();
                case Tok::kw_from:
                    return from_stmt();
                case Tok::kw_raise:
                {
                    advance();
                    auto s = stmt(StmtKind::raise, t);
                    if (kind() != Tok::newline && kind() != Tok::semicolon && kind() != Tok::end)
                    {
                        auto e = expression();
                        if (!e)
                            return nullptr;
                        s->exprs.push_back(std::move(e));
                        if (accept(Tok::kw_from))
                        {
                            auto c = expression();
                            if (!c)
                                return nullptr;
                            s->exprs.push_back(std::move(c));
                        }
                    }
                    return s;
                }
                case Tok::kw_assert:
                {
                    advance();
                    auto s = stmt(StmtKind::assert_, t);
                    auto e = expression();
                    if (!e)
                        return nullptr;
                    s->exprs.push_back(std::move(e));
                    if (accept(Tok::comma))
                    {
                        auto m = expression();
                        if (!m)
                            return nullptr;
                        s->exprs.push_back(std::move(m));
                    }
                    return s;
                }
                case Tok::kw_yield:
                    if (m_func_depth == 0)
                        return fail_stmt(error("'yield' outside function", t.line, t.col));
                    return fail_stmt(error(std::string("'yield'") + unsupported_suffix, t.line, t.col, t.end_col));
                default:
                    return expr_stmt();
                }
            }

            StmtPtr fail_stmt(std::nullptr_t) { return nullptr; }

            StmtPtr import_stmt()
            {
                const Token& t = advance();
                auto s = stmt(StmtKind::import, t);
                do
                {
                    std::string name;
                    if (!dotted_name(name))
                        return nullptr;
                    std::string as;
                    if (accept(Tok::kw_as))
                    {
                        if (kind() != Tok::name)
                            return fail_stmt(invalid_syntax());
                        as = advance().text;
                    }
                    s->names.push_back(name);
                    s->asnames.push_back(as);
                } while (accept(Tok::comma));
                return s;
            }

            bool dotted_name(std::string& name)
            {
                if (kind() != Tok::name)
                {
                    invalid_syntax();
                    return false;
                }
                name = advance().text;
                while (kind() == Tok::dot && kind(1) == Tok::name)
                {
                    advance();
                    name += "." + advance().text;
                }
                return true;
            }

            StmtPtr from_stmt()
            {
                const Token& t = advance();
                auto s = stmt(StmtKind::import_from, t);
                if (kind() == Tok::dot || kind() == Tok::ellipsis)
                    return fail_stmt(error(std::string("relative imports") + " are not supported in NeuronLab's Python",
                                           t.line, t.col));
                if (!dotted_name(s->str))
                    return nullptr;
                if (!expect(Tok::kw_import))
                    return nullptr;
                if (accept(Tok::star))
                {
                    s->names.push_back("*");
                    s->asnames.push_back("");
                    return s;
                }
                const bool paren = accept(Tok::lpar);
                do
                {
                    if (paren && kind() == Tok::rpar)
                        break;
                    if (kind() != Tok::name)
                        return fail_stmt(invalid_syntax());
                    s->names.push_back(advance().text);
                    std::string as;
                    if (accept(Tok::kw_as))
                    {
                        if (kind() != Tok::name)
                            return fail_stmt(invalid_syntax());
                        as = advance().text;
                    }
                    s->asnames.push_back(as);
                } while (accept(Tok::comma));
                if (paren && !expect(Tok::rpar))
                    return nullptr;
                return s;
            }

            static bool is_augassign(Tok k, BinOp& op)
            {
                switch (k)
                {
                case Tok::plus_eq:
                    op = BinOp::add;
                    return true;
                case Tok::minus_eq:
                    op = BinOp::sub;
                    return true;
                case Tok::star_eq:
                    op = BinOp::mul;
                    return true;
                case Tok::slash_eq:
                    op = BinOp::truediv;
                    return true;
                case Tok::dslash_eq:
                    op = BinOp::floordiv;
                    return true;
                case Tok::percent_eq:
                    op = BinOp::mod;
                    return true;
                case Tok::dstar_eq:
                    op = BinOp::pow;
                    return true;
                case Tok::at_eq:
                    op = BinOp::matmul;
                    return true;
                case Tok::amp_eq:
                    op = BinOp::bit_and;
                    return true;
                case Tok::pipe_eq:
                    op = BinOp::bit_or;
                    return true;
                case Tok::caret_eq:
                    op = BinOp::bit_xor;
                    return true;
                case Tok::lshift_eq:
                    op = BinOp::lshift;
                    return true;
                case Tok::rshift_eq:
                    op = BinOp::rshift;
                    return true;
                default:
                    return false;
                }
            }

            StmtPtr expr_stmt()
            {
                const Token& t = peek();
                // print "x": Python 2's print statement.
                if (t.kind == Tok::name && t.text == "print" &&
                    (kind(1) == Tok::string || kind(1) == Tok::name || kind(1) == Tok::integer ||
                     kind(1) == Tok::floating || kind(1) == Tok::fstring))
                {
                    return fail_stmt(
                        error("Missing parentheses in call to 'print'. Did you mean print(...)?", t.line, t.col));
                }
                auto first = star_expressions();
                if (!first)
                    return nullptr;
                BinOp op = BinOp::add;
                if (is_augassign(kind(), op))
                {
                    const Token& optok = advance();
                    (void)optok;
                    if (first->kind != ExprKind::name && first->kind != ExprKind::attribute &&
                        first->kind != ExprKind::subscript)
                    {
                        const char* what = first->kind == ExprKind::tuple  ? "tuple"
                                           : first->kind == ExprKind::list ? "list"
                                                                           : nullptr;
                        if (what)
                            return fail_stmt(
                                error_at(*first, std::string("'") + what +
                                                     "' is an illegal expression for augmented assignment"));
                        if (!check_target(*first, "augassign"))
                            return nullptr;
                    }
                    auto s = stmt(StmtKind::augassign, t);
                    s->op = int(op);
                    auto v = star_expressions();
                    if (!v)
                        return nullptr;
                    s->exprs.push_back(std::move(first));
                    s->exprs.push_back(std::move(v));
                    return s;
                }
                if (kind() == Tok::colon && !first->parenthesized)
                {
                    // An annotated assignment: the annotation is not evaluated.
                    advance();
                    if (first->kind != ExprKind::name && first->kind != ExprKind::attribute &&
                        first->kind != ExprKind::subscript)
                    {
                        const char* what = first->kind == ExprKind::tuple  ? "tuple"
                                           : first->kind == ExprKind::list ? "list"
                                                                           : "expression";
                        return fail_stmt(
                            error_at(*first, std::string("only single target (not ") + what + ") can be annotated"));
                    }
                    auto s = stmt(StmtKind::annassign, t);
                    auto ann = expression();
                    if (!ann)
                        return nullptr;
                    s->exprs.push_back(std::move(first));
                    s->exprs.push_back(std::move(ann));
                    if (accept(Tok::assign))
                    {
                        auto v = star_expressions();
                        if (!v)
                            return nullptr;
                        s->exprs.push_back(std::move(v));
                    }
                    else
                        s->exprs.push_back(nullptr);
                    return s;
                }
                if (kind() == Tok::assign)
                {
                    auto s = stmt(StmtKind::assign, t);
                    s->exprs.push_back(std::move(first));
                    while (accept(Tok::assign))
                    {
                        if (!check_target(*s->exprs.back(), "assign"))
                            return nullptr;
                        auto v = star_expressions();
                        if (!v)
                            return nullptr;
                        s->exprs.push_back(std::move(v));
                    }
                    if (s->exprs.back()->kind == ExprKind::starred)
                        return fail_stmt(error_at(*s->exprs.back(), "can't use starred expression here"));
                    return s;
                }
                if (first->kind == ExprKind::starred)
                    return fail_stmt(error_at(*first, "can't use starred expression here"));
                auto s = stmt(StmtKind::expr, t);
                s->exprs.push_back(std::move(first));
                return s;
            }

            /// Checks an assignment (or del, for, augmented) target; CPython's messages.
            bool check_target(const Expr& e, const char* ctx)
            {
                const std::string c = ctx;
                const bool del = c == "delete";
                auto bad = [&](const char* what) -> bool
                {
                    std::string msg =
                        del ? std::string("cannot delete ") + what : std::string("cannot assign to ") + what;
                    if (c == "assign" && std::string(what) != "True" && std::string(what) != "False" &&
                        std::string(what) != "None" && std::string(what) != "__debug__")
                        msg += " here. Maybe you meant '==' instead of '='?";
                    if (c == "augassign")
                        msg = std::string("'") + what + "' is an illegal expression for augmented assignment";
                    error_at(e, msg);
                    return false;
                };
                switch (e.kind)
                {
                case ExprKind::name:
                    return true;
                case ExprKind::attribute:
                case ExprKind::subscript:
                    return true;
                case ExprKind::tuple:
                case ExprKind::list:
                {
                    if (c == "augassign")
                        return bad(e.kind == ExprKind::tuple ? "tuple" : "list");
                    bool star = false;
                    for (auto& k : e.kids)
                    {
                        if (k->kind == ExprKind::starred)
                        {
                            if (del)
                                return bad("starred");
                            if (star)
                            {
                                error_at(*k, "multiple starred expressions in assignment");
                                return false;
                            }
                            star = true;
                            if (!check_target(*k->kids[0], ctx))
                                return false;
                            continue;
                        }
                        if (!check_target(*k, ctx))
                            return false;
                    }
                    return true;
                }
                case ExprKind::starred:
                    if (del)
                        return bad("starred");
                    error_at(e, "starred assignment target must be in a list or tuple");
                    return false;
                case ExprKind::none:
                    return bad("None");
                case ExprKind::true_:
                    return bad("True");
                case ExprKind::false_:
                    return bad("False");
                case ExprKind::integer:
                case ExprKind::floating:
                case ExprKind::string:
                case ExprKind::ellipsis:
                    return bad(e.kind == ExprKind::ellipsis ? "ellipsis" : "literal");
                case ExprKind::fstring:
                    return bad("f-string expression");
                case ExprKind::call:
                    return bad("function call");
                case ExprKind::compare:
                    return bad("comparison");
                case ExprKind::lambda:
                    return bad("lambda");
                case ExprKind::ifexp:
                    return bad("conditional expression");
                case ExprKind::dict:
                    return bad("dict literal");
                case ExprKind::set:
                    return bad("set display");
                case ExprKind::listcomp:
                    return bad("list comprehension");
                case ExprKind::dictcomp:
                    return bad("dict comprehension");
                case ExprKind::setcomp:
                    return bad("set comprehension");
                case ExprKind::genexp:
                    return bad("generator expression");
                case ExprKind::namedexpr:
                    return bad("named expression");
                case ExprKind::boolop:
                case ExprKind::binop:
                case ExprKind::unop:
                    return bad("expression");
                default:
                    return bad("expression");
                }
            }

            /// ':' then a suite: NEWLINE INDENT statements DEDENT, or simple
            /// statements on the same line.
            bool block(Body& body, const std::string& what, int line)
            {
                if (!expect(Tok::colon, "expected ':'"))
                    return false;
                if (kind() != Tok::newline)
                {
                    simple_stmts(body);
                    return !failed();
                }
                advance();
                if (kind() != Tok::indent)
                {
                    if (m_lex_failed && at_lex_error())
                        return lex_error();
                    const Token& t = peek();
                    error("expected an indented block after " + what + " on line " + std::to_string(line), t.line,
                          t.col, -1, "IndentationError");
                    return false;
                }
                advance();
                if (++m_block_depth > parse_limits::max_block_depth)
                {
                    error("too many levels of indentation", peek().line, peek().col, -1, "IndentationError");
                    return false;
                }
                while (!failed() && kind() != Tok::dedent && kind() != Tok::end)
                    statement(body);
                --m_block_depth;
                if (failed())
                    return false;
                if (kind() == Tok::end && m_lex_failed)
                    return lex_error();
                accept(Tok::dedent);
                return true;
            }

            StmtPtr if_stmt()
            {
                const Token& t = advance();
                auto s = stmt(StmtKind::if_, t);
                int line = t.line;
                std::string what = "'if' statement";
                while (true)
                {
                    auto test = named_expression();
                    if (!test)
                        return nullptr;
                    if (kind() == Tok::assign)
                        return fail_stmt(
                            error_at(*test, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
                    s->exprs.push_back(std::move(test));
                    s->branches.emplace_back();
                    if (!block(s->branches.back(), what, line))
                        return nullptr;
                    if (kind() == Tok::kw_elif)
                    {
                        line = advance().line;
                        what = "'elif' statement";
                        continue;
                    }
                    break;
                }
                if (kind() == Tok::kw_else)
                {
                    const int l = advance().line;
                    if (!block(s->orelse, "'else' statement", l))
                        return nullptr;
                }
                return s;
            }

            StmtPtr while_stmt()
            {
                const Token& t = advance();
                auto s = stmt(StmtKind::while_, t);
                auto test = named_expression();
                if (!test)
                    return nullptr;
                if (kind() == Tok::assign)
                    return fail_stmt(error_at(*test, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
                s->exprs.push_back(std::move(test));
                ++m_loop_depth;
                const bool ok = block(s->body, "'while' statement", t.line);
                --m_loop_depth;
                if (!ok)
                    return nullptr;
                if (kind() == Tok::kw_else)
                {
                    const int l = advance().line;
                    if (!block(s->orelse, "'else' statement", l))
                        return nullptr;
                }
                return s;
            }

            StmtPtr for_stmt()
            {
                const Token& t = advance();
                auto s = stmt(StmtKind::for_, t);
                auto target = target_list();
                if (!target)
                    return nullptr;
                if (!check_target(*target, "for"))
                    return nullptr;
                if (!accept(Tok::kw_in))
                    return fail_stmt(invalid_syntax());
                auto iter = star_expressions();
                if (!iter)
                    return nullptr;
                s->exprs.push_back(std::move(target));
                s->exprs.push_back(std::move(iter));
                ++m_loop_depth;
                const bool ok = block(s->body, "'for' statement", t.line);
                --m_loop_depth;
                if (!ok)
                    return nullptr;
                if (kind() == Tok::kw_else)
                {
                    const int l = advance().line;
                    if (!block(s->orelse, "'else' statement", l))
                        return nullptr;
                }
                return s;
            }

            /// The target of a for loop or comprehension: stops before 'in'.
            ExprPtr target_list()
            {
                const Token& t = peek();
                std::vector<ExprPtr> items;
                bool comma = false;
                while (true)
                {
                    ExprPtr e;
                    if (kind() == Tok::star)
                    {
                        const Token& st = advance();
                        auto v = bitwise_or();
                        if (!v)
                            return nullptr;
                        e = node(ExprKind::starred, st);
                        e->kids.push_back(std::move(v));
                        e = finish(std::move(e));
                    }
                    else
                        e = bitwise_or();
                    if (!e)
                        return nullptr;
                    items.push_back(std::move(e));
                    if (kind() == Tok::comma)
                    {
                        advance();
                        comma = true;
                        if (kind() == Tok::kw_in)
                            break;
                        continue;
                    }
                    break;
                }
                if (!comma)
                    return std::move(items[0]);
                auto tup = node(ExprKind::tuple, t);
                tup->kids = std::move(items);
                return finish(std::move(tup));
            }

            StmtPtr def_stmt()
            {
                const Token& t = advance();
                auto s = stmt(StmtKind::def, t);
                if (kind() != Tok::name)
                    return fail_stmt(invalid_syntax());
                auto fn = std::make_unique<FunctionDef>();
                fn->name = advance().text;
                fn->line = t.line;
                if (!expect(Tok::lpar))
                    return nullptr;
                if (!parameters(fn->params, Tok::rpar))
                    return nullptr;
                if (!expect(Tok::rpar))
                    return nullptr;
                if (accept(Tok::arrow))
                {
                    if (!expression())
                        return nullptr;
                }
                ++m_func_depth;
                const int saved_loop = m_loop_depth;
                m_loop_depth = 0;
                const bool ok = block(fn->body, "function definition", t.line);
                m_loop_depth = saved_loop;
                --m_func_depth;
                if (!ok)
                    return nullptr;
                s->func = std::move(fn);
                return s;
            }

            /// Parameters of a def (until ')') or a lambda (until ':').
            bool parameters(std::vector<Param>& params, Tok close)
            {
                bool seen_default = false, seen_star = false, seen_kwargs = false;
                std::set<std::string> names;
                const bool is_lambda = close == Tok::colon;
                while (kind() != close)
                {
                    const Token& t = peek();
                    Param p;
                    p.line = t.line;
                    p.col = t.col;
                    if (seen_kwargs)
                    {
                        invalid_syntax();
                        return false;
                    }
                    if (accept(Tok::dstar))
                    {
                        p.kind = ParamKind::kwargs;
                        seen_kwargs = true;
                    }
                    else if (accept(Tok::star))
                    {
                        if (seen_star)
                        {
                            error_at(t, "* argument may appear only once");
                            return false;
                        }
                        seen_star = true;
                        if (kind() == Tok::comma)
                        {
                            // A bare '*': the parameters after it are keyword-only.
                            advance();
                            if (kind() == close)
                            {
                                error_at(t, "named arguments must follow bare *");
                                return false;
                            }
                            continue;
                        }
                        p.kind = ParamKind::varargs;
                    }
                    else if (seen_star)
                        p.kind = ParamKind::keyword_only;
                    if (kind() != Tok::name)
                    {
                        invalid_syntax();
                        return false;
                    }
                    const Token& nt = advance();
                    p.name = nt.text;
                    if (!names.insert(p.name).second)
                    {
                        error_at(nt, "duplicate argument '" + p.name + "' in function definition");
                        return false;
                    }
                    if (!is_lambda && accept(Tok::colon))
                    {
                        if (!expression())
                            return false;
                    }
                    if (accept(Tok::assign))
                    {
                        if (p.kind == ParamKind::varargs || p.kind == ParamKind::kwargs)
                        {
                            invalid_syntax();
                            return false;
                        }
                        p.default_value = expression();
                        if (!p.default_value)
                            return false;
                        if (p.kind == ParamKind::positional)
                            seen_default = true;
                    }
                    else if (p.kind == ParamKind::positional && seen_default)
                    {
                        error_at(nt, "non-default argument follows default argument");
                        return false;
                    }
                    params.push_back(std::move(p));
                    if (!accept(Tok::comma))
                        break;
                }
                return true;
            }

            // ------------------------------------------------------------ expressions

            /// Expressions separated by commas (a tuple when there is a comma); '*x'
            /// allowed.
            ExprPtr star_expressions()
            {
                const Token& t = peek();
                auto first = star_expression();
                if (!first || kind() != Tok::comma)
                    return first;
                auto tup = node(ExprKind::tuple, t);
                tup->kids.push_back(std::move(first));
                while (accept(Tok::comma))
                {
                    if (!starts_expression())
                        break;
                    auto e = star_expression();
                    if (!e)
                        return nullptr;
                    tup->kids.push_back(std::move(e));
                }
                return finish(std::move(tup));
            }

            ExprPtr star_expression()
            {
                if (kind() == Tok::star)
                {
                    const Token& t = advance();
                    auto v = bitwise_or();
                    if (!v)
                        return nullptr;
                    auto e = node(ExprKind::starred, t);
                    e->kids.push_back(std::move(v));
                    return finish(std::move(e));
                }
                return expression();
            }

            bool starts_expression() const
            {
                switch (kind())
                {
                case Tok::name:
                case Tok::integer:
                case Tok::floating:
                case Tok::string:
                case Tok::fstring:
                case Tok::lpar:
                case Tok::lsqb:
                case Tok::lbrace:
                case Tok::minus:
                case Tok::plus:
                case Tok::tilde:
                case Tok::kw_not:
                case Tok::kw_lambda:
                case Tok::kw_none:
                case Tok::kw_true:
                case Tok::kw_false:
                case Tok::ellipsis:
                case Tok::star:
                case Tok::kw_await:
                case Tok::kw_yield:
                    return true;
                default:
                    return false;
                }
            }

            ExprPtr named_expression()
            {
                if (kind() == Tok::name && kind(1) == Tok::walrus)
                {
                    const Token& t = advance();
                    advance();
                    auto value = expression();
                    if (!value)
                        return nullptr;
                    auto e = node(ExprKind::namedexpr, t);
                    auto target = node(ExprKind::name, t);
                    target->str = t.text;
                    e->kids.push_back(std::move(target));
                    e->kids.push_back(std::move(value));
                    return finish(std::move(e));
                }
                return expression();
            }

            ExprPtr expression()
            {
                DepthGuard guard(*this);
                if (!guard.ok)
                    return nullptr;
                if (kind() == Tok::kw_lambda)
                    return lambda();
                if (kind() == Tok::kw_yield)
                {
                    const Token& t = peek();
                    if (m_func_depth == 0)
                        return error("'yield' outside function", t.line, t.col);
                    return error(std::string("'yield'") + unsupported_suffix, t.line, t.col, t.end_col);
                }
                if (kind() == Tok::kw_await)
                    return error_at(peek(), std::string("'await'") + unsupported_suffix);
                auto body = disjunction();
                if (!body || kind() != Tok::kw_if)
                    return body;
                // Not a conditional expression when 'if' starts a comprehension clause.
                advance();
                auto test = disjunction();
                if (!test)
                    return nullptr;
                if (!accept(Tok::kw_else))
                {
                    auto e = node_at(ExprKind::ifexp, *body);
                    return error(("expected 'else' after 'if' expression"), body->line, body->col);
                }
                auto orelse = expression();
                if (!orelse)
                    return nullptr;
                auto e = node_at(ExprKind::ifexp, *body);
                e->kids.push_back(std::move(test));
                e->kids.push_back(std::move(body));
                e->kids.push_back(std::move(orelse));
                return finish(std::move(e));
            }

            ExprPtr lambda()
            {
                const Token& t = advance();
                auto fn = std::make_unique<FunctionDef>();
                fn->name = "<lambda>";
                fn->line = t.line;
                if (!parameters(fn->params, Tok::colon))
                    return nullptr;
                if (!expect(Tok::colon))
                    return nullptr;
                ++m_func_depth;
                const int saved_loop = m_loop_depth;
                m_loop_depth = 0;
                auto body = expression();
                m_loop_depth = saved_loop;
                --m_func_depth;
                if (!body)
                    return nullptr;
                auto ret = std::make_unique<Stmt>(StmtKind::return_, body->line, body->col);
                const int body_depth = body->depth;
                ret->exprs.push_back(std::move(body));
                fn->body.push_back(std::move(ret));
                auto e = node(ExprKind::lambda, t);
                e->func = std::move(fn);
                int max_default = 0;
                for (auto& p : e->func->params)
                    if (p.default_value)
                        max_default = std::max(max_default, p.default_value->depth);
                m_lambda_depth = std::max(body_depth, max_default);
                return finish(std::move(e));
            }

            ExprPtr disjunction()
            {
                auto first = conjunction();
                if (!first || kind() != Tok::kw_or)
                    return first;
                auto e = node_at(ExprKind::boolop, *first);
                e->op = 1;
                e->kids.push_back(std::move(first));
                while (accept(Tok::kw_or))
                {
                    auto n = conjunction();
                    if (!n)
                        return nullptr;
                    e->kids.push_back(std::move(n));
                }
                return finish(std::move(e));
            }

            ExprPtr conjunction()
            {
                auto first = inversion();
                if (!first || kind() != Tok::kw_and)
                    return first;
                auto e = node_at(ExprKind::boolop, *first);
                e->op = 0;
                e->kids.push_back(std::move(first));
                while (accept(Tok::kw_and))
                {
                    auto n = inversion();
                    if (!n)
                        return nullptr;
                    e->kids.push_back(std::move(n));
                }
                return finish(std::move(e));
            }

            ExprPtr inversion()
            {
                if (kind() == Tok::kw_not)
                {
                    DepthGuard guard(*this);
                    if (!guard.ok)
                        return nullptr;
                    const Token& t = advance();
                    auto v = inversion();
                    if (!v)
                        return nullptr;
                    auto e = node(ExprKind::unop, t);
                    e->op = int(UnOp::not_);
                    e->kids.push_back(std::move(v));
                    return finish(std::move(e));
                }
                return comparison();
            }

            bool compare_op(CmpOp& op)
            {
                switch (kind())
                {
                case Tok::lt:
                    op = CmpOp::lt;
                    break;
                case Tok::le:
                    op = CmpOp::le;
                    break;
                case Tok::eq:
                    op = CmpOp::eq;
                    break;
                case Tok::ne:
                    op = CmpOp::ne;
                    break;
                case Tok::gt:
                    op = CmpOp::gt;
                    break;
                case Tok::ge:
                    op = CmpOp::ge;
                    break;
                case Tok::kw_in:
                    op = CmpOp::in;
                    break;
                case Tok::kw_is:
                    if (kind(1) == Tok::kw_not)
                    {
                        advance();
                        op = CmpOp::is_not;
                    }
                    else
                        op = CmpOp::is;
                    break;
                case Tok::kw_not:
                    if (kind(1) != Tok::kw_in)
                        return false;
                    advance();
                    op = CmpOp::not_in;
                    break;
                default:
                    return false;
                }
                advance();
                return true;
            }

            ExprPtr comparison()
            {
                auto first = bitwise_or();
                if (!first)
                    return nullptr;
                CmpOp op;
                if (!compare_op(op))
                    return first;
                auto e = node_at(ExprKind::compare, *first);
                e->kids.push_back(std::move(first));
                do
                {
                    auto n = bitwise_or();
                    if (!n)
                        return nullptr;
                    e->ops.push_back(op);
                    e->kids.push_back(std::move(n));
                } while (compare_op(op));
                return finish(std::move(e));
            }

            /// Binary operator precedence levels, loosest first.
            static int binary_level(Tok k, BinOp& op)
            {
                switch (k)
                {
                case Tok::pipe:
                    op = BinOp::bit_or;
                    return 0;
                case Tok::caret:
                    op = BinOp::bit_xor;
                    return 1;
                case Tok::amp:
                    op = BinOp::bit_and;
                    return 2;
                case Tok::lshift:
                    op = BinOp::lshift;
                    return 3;
                case Tok::rshift:
                    op = BinOp::rshift;
                    return 3;
                case Tok::plus:
                    op = BinOp::add;
                    return 4;
                case Tok::minus:
                    op = BinOp::sub;
                    return 4;
                case Tok::star:
                    op = BinOp::mul;
                    return 5;
                case Tok::slash:
                    op = BinOp::truediv;
                    return 5;
                case Tok::dslash:
                    op = BinOp::floordiv;
                    return 5;
                case Tok::percent:
                    op = BinOp::mod;
                    return 5;
                case Tok::at:
                    op = BinOp::matmul;
                    return 5;
                default:
                    return -1;
                }
            }

            ExprPtr bitwise_or() { return binary(0); }

            /// Left-associative binary operators at `level` and tighter (precedence
            /// climbing: one C++ frame per level, not per operator).
            ExprPtr binary(int level)
            {
                auto left = level > 5 ? factor() : binary(level + 1);
                if (!left)
                    return nullptr;
                if (level > 5)
                    return left;
                BinOp op = BinOp::add;
                while (binary_level(kind(), op) == level)
                {
                    advance();
                    auto right = binary(level + 1);
                    if (!right)
                        return nullptr;
                    auto e = node_at(ExprKind::binop, *left);
                    e->op = int(op);
                    e->kids.push_back(std::move(left));
                    e->kids.push_back(std::move(right));
                    left = finish(std::move(e));
                    if (!left)
                        return nullptr;
                }
                return left;
            }

            ExprPtr factor()
            {
                UnOp op;
                switch (kind())
                {
                case Tok::minus:
                    op = UnOp::neg;
                    break;
                case Tok::plus:
                    op = UnOp::pos;
                    break;
                case Tok::tilde:
                    op = UnOp::invert;
                    break;
                default:
                    return power();
                }
                DepthGuard guard(*this);
                if (!guard.ok)
                    return nullptr;
                const Token& t = advance();
                auto v = factor();
                if (!v)
                    return nullptr;
                auto e = node(ExprKind::unop, t);
                e->op = int(op);
                e->kids.push_back(std::move(v));
                return finish(std::move(e));
            }

            ExprPtr power()
            {
                auto base = primary();
                if (!base || kind() != Tok::dstar)
                    return base;
                DepthGuard guard(*this);
                if (!guard.ok)
                    return nullptr;
                advance();
                auto exp = factor();
                if (!exp)
                    return nullptr;
                auto e = node_at(ExprKind::binop, *base);
                e->op = int(BinOp::pow);
                e->kids.push_back(std::move(base));
                e->kids.push_back(std::move(exp));
                return finish(std::move(e));
            }

            ExprPtr primary()
            {
                auto e = atom();
                while (e)
                {
                    if (kind() == Tok::dot)
                    {
                        advance();
                        if (kind() != Tok::name)
                            return invalid_syntax();
                        auto a = node_at(ExprKind::attribute, *e);
                        a->str = advance().text;
                        a->kids.push_back(std::move(e));
                        e = finish(std::move(a));
                    }
                    else if (kind() == Tok::lpar)
                        e = call(std::move(e));
                    else if (kind() == Tok::lsqb)
                    {
                        advance();
                        auto index = slices();
                        if (!index || !expect(Tok::rsqb))
                            return nullptr;
                        auto s = node_at(ExprKind::subscript, *e);
                        s->kids.push_back(std::move(e));
                        s->kids.push_back(std::move(index));
                        e = finish(std::move(s));
                    }
                    else
                        break;
                }
                return e;
            }

            ExprPtr call(ExprPtr func)
            {
                const Token& open = advance();
                auto c = node_at(ExprKind::call, *func);
                c->kids.push_back(std::move(func));
                bool seen_kw = false, seen_dstar = false;
                std::set<std::string> kwnames;
                while (kind() != Tok::rpar)
                {
                    const Token& t = peek();
                    if (accept(Tok::dstar))
                    {
                        auto v = expression();
                        if (!v)
                            return nullptr;
                        c->keywords.push_back({"", std::move(v), t.line, t.col});
                        seen_dstar = true;
                    }
                    else if (kind() == Tok::star)
                    {
                        advance();
                        auto v = expression();
                        if (!v)
                            return nullptr;
                        if (seen_dstar)
                            return error("iterable argument unpacking follows keyword argument unpacking", t.line,
                                         t.col);
                        auto s = node(ExprKind::starred, t);
                        s->kids.push_back(std::move(v));
                        c->kids.push_back(finish(std::move(s)));
                    }
                    else if (kind() == Tok::name && kind(1) == Tok::assign)
                    {
                        const Token& nt = advance();
                        advance();
                        auto v = expression();
                        if (!v)
                            return nullptr;
                        if (kind() == Tok::kw_for)
                            return error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", nt.line,
                                         nt.col);
                        if (!kwnames.insert(nt.text).second)
                            return error("keyword argument repeated: " + nt.text, nt.line, nt.col);
                        c->keywords.push_back({nt.text, std::move(v), nt.line, nt.col});
                        seen_kw = true;
                    }
                    else
                    {
                        auto v = named_expression();
                        if (!v)
                            return nullptr;
                        if (kind() == Tok::kw_for)
                        {
                            // A bare generator expression argument: f(x for x in y).
                            auto g = comprehension(ExprKind::genexp, std::move(v), nullptr);
                            if (!g)
                                return nullptr;
                            if (kind() != Tok::rpar || c->kids.size() > 1 || !c->keywords.empty())
                                return error_at(*g, "Generator expression must be parenthesized");
                            v = std::move(g);
                        }
                        else if (kind() == Tok::assign)
                            return error_at(*v, "expression cannot contain assignment, perhaps you meant \"==\"?");
                        if (seen_dstar)
                            return error_at(*v, "positional argument follows keyword argument unpacking");
                        if (seen_kw)
                            return error_at(*v, "positional argument follows keyword argument");
                        c->kids.push_back(std::move(v));
                    }
                    if (!accept(Tok::comma))
                    {
                        if (kind() != Tok::rpar && starts_expression() && !c->kids.empty())
                            return forgot_comma(*c->kids.back());
                        break;
                    }
                }
                (void)open;
                if (!expect(Tok::rpar))
                    return nullptr;
                return finish(std::move(c));
            }

            std::nullptr_t forgot_comma(const Expr& before)
            {
                const Token& t = peek();
                if (m_lex_failed && at_lex_error())
                    return lex_error(), nullptr;
                (void)t;
                return error("invalid syntax. Perhaps you forgot a comma?", before.line, before.col);
            }

            /// The inside of [...] after a primary: a slice, or a tuple of them.
            ExprPtr slices()
            {
                const Token& t = peek();
                auto first = slice();
                if (!first || kind() != Tok::comma)
                    return first;
                auto tup = node(ExprKind::tuple, t);
                tup->kids.push_back(std::move(first));
                while (accept(Tok::comma))
                {
                    if (kind() == Tok::rsqb)
                        break;
                    auto s = slice();
                    if (!s)
                        return nullptr;
                    tup->kids.push_back(std::move(s));
                }
                return finish(std::move(tup));
            }

            ExprPtr slice()
            {
                const Token& t = peek();
                ExprPtr lower;
                if (kind() != Tok::colon)
                {
                    if (kind() == Tok::star)
                        return star_expression();
                    lower = named_expression();
                    if (!lower)
                        return nullptr;
                    if (kind() != Tok::colon)
                        return lower;
                }
                advance();
                auto s = node(ExprKind::slice, t);
                ExprPtr upper, step;
                if (kind() != Tok::colon && kind() != Tok::rsqb && kind() != Tok::comma)
                {
                    upper = expression();
                    if (!upper)
                        return nullptr;
                }
                if (accept(Tok::colon))
                {
                    if (kind() != Tok::rsqb && kind() != Tok::comma)
                    {
                        step = expression();
                        if (!step)
                            return nullptr;
                    }
                }
                s->kids.push_back(std::move(lower));
                s->kids.push_back(std::move(upper));
                s->kids.push_back(std::move(step));
                return finish(std::move(s));
            }

            ExprPtr atom()
            {
                const Token& t = peek();
                switch (t.kind)
                {
                case Tok::name:
                {
                    advance();
                    auto e = node(ExprKind::name, t);
                    e->str = t.text;
                    return finish(std::move(e));
                }
                case Tok::kw_none:
                    advance();
                    return finish(node(ExprKind::none, t));
                case Tok::kw_true:
                    advance();
                    return finish(node(ExprKind::true_, t));
                case Tok::kw_false:
                    advance();
                    return finish(node(ExprKind::false_, t));
                case Tok::ellipsis:
                    advance();
                    return finish(node(ExprKind::ellipsis, t));
                case Tok::integer:
                {
                    advance();
                    auto e = node(ExprKind::integer, t);
                    e->str = t.text;
                    e->base = t.base;
                    return finish(std::move(e));
                }
                case Tok::floating:
                {
                    advance();
                    auto e = node(ExprKind::floating, t);
                    e->str = t.text;
                    return finish(std::move(e));
                }
                case Tok::string:
                case Tok::fstring:
                    return strings();
                case Tok::lpar:
                    return paren();
                case Tok::lsqb:
                    return list_display();
                case Tok::lbrace:
                    return brace_display();
                default:
                    if (m_lex_failed && at_lex_error())
                        return lex_error(), nullptr;
                    return invalid_syntax();
                }
            }

            /// Adjacent string literals, concatenated; f-strings become an fstring
            /// node of parts.
            ExprPtr strings()
            {
                const Token& first = peek();
                bool any_f = false, any_bytes = false, any_str = false;
                std::vector<ExprPtr> parts;
                std::string pending;
                bool have_pending = false;
                while (kind() == Tok::string || kind() == Tok::fstring)
                {
                    const Token& t = advance();
                    if (t.bytes)
                        any_bytes = true;
                    else
                        any_str = true;
                    if (t.kind == Tok::string)
                    {
                        pending += t.text;
                        have_pending = true;
                        continue;
                    }
                    any_f = true;
                    if (!fstring_parts(t, parts, pending, have_pending))
                        return nullptr;
                }
                if (any_bytes)
                {
                    if (any_str)
                        return error("cannot mix bytes and nonbytes literals", first.line, first.col);
                    return error(std::string("bytes literals") + " are not supported in NeuronLab's Python", first.line,
                                 first.col);
                }
                if (!any_f)
                {
                    auto e = node(ExprKind::string, first);
                    e->str = std::move(pending);
                    return finish(std::move(e));
                }
                if (have_pending && !pending.empty())
                {
                    auto s = node(ExprKind::string, first);
                    s->str = std::move(pending);
                    parts.push_back(std::move(s));
                }
                auto e = node(ExprKind::fstring, first);
                e->kids = std::move(parts);
                return finish(std::move(e));
            }

            /// Splits an f-string body into literal text (appended to `pending`) and
            /// formatted values (each parsed as an expression).
            bool fstring_parts(const Token& t, std::vector<ExprPtr>& parts, std::string& pending, bool& have_pending,
                               int nesting = 0)
            {
                const std::string& body = t.text;
                std::size_t i = 0;
                std::string literal;
                auto flush_literal = [&]() -> bool
                {
                    if (literal.empty())
                        return true;
                    std::string decoded, err;
                    if (t.raw)
                        decoded = literal;
                    else if (!decode_escapes(literal, decoded, err))
                    {
                        error(err, t.line, t.col);
                        return false;
                    }
                    pending += decoded;
                    have_pending = true;
                    literal.clear();
                    return true;
                };
                while (i < body.size())
                {
                    const char c = body[i];
                    if (c == '{' && i + 1 < body.size() && body[i + 1] == '{' && nesting == 0)
                    {
                        literal += '{';
                        i += 2;
                        continue;
                    }
                    if (c == '}')
                    {
                        if (i + 1 < body.size() && body[i + 1] == '}' && nesting == 0)
                        {
                            literal += '}';
                            i += 2;
                            continue;
                        }
                        error("f-string: single '}' is not allowed", t.line, t.col);
                        return false;
                    }
                    if (c == '\\' && !t.raw && i + 1 < body.size())
                    {
                        literal += c;
                        literal += body[i + 1];
                        i += 2;
                        continue;
                    }
                    if (c != '{')
                    {
                        literal += c;
                        ++i;
                        continue;
                    }
                    if (!flush_literal())
                        return false;
                    // {expression[=][!conversion][:spec]}
                    ++i;
                    const std::size_t expr_start = i;
                    int depth = 0;
                    char in_quote = 0;
                    std::size_t expr_end = std::string::npos;
                    for (; i < body.size(); ++i)
                    {
                        const char ch = body[i];
                        if (in_quote)
                        {
                            if (ch == in_quote)
                                in_quote = 0;
                            continue;
                        }
                        if (ch == '\\')
                        {
                            error("f-string expression part cannot include a backslash", t.line, t.col);
                            return false;
                        }
                        if (ch == '\'' || ch == '"')
                            in_quote = ch;
                        else if (ch == '(' || ch == '[' || ch == '{')
                            ++depth;
                        else if ((ch == ')' || ch == ']' || ch == '}') && depth > 0)
                            --depth;
                        else if (depth == 0 &&
                                 (ch == '}' || ch == ':' || (ch == '!' && i + 1 < body.size() && body[i + 1] != '=')))
                        {
                            expr_end = i;
                            break;
                        }
                        else if (ch == '#')
                        {
                            error("f-string expression part cannot include '#'", t.line, t.col);
                            return false;
                        }
                    }
                    if (expr_end == std::string::npos)
                    {
                        error("f-string: expecting '}'", t.line, t.col);
                        return false;
                    }
                    std::string expr_text = body.substr(expr_start, expr_end - expr_start);
                    // Self-documenting {x=}: keep the text, default to repr.
                    bool self_doc = false;
                    {
                        std::size_t e = expr_text.size();
                        while (e > 0 && (expr_text[e - 1] == ' '))
                            --e;
                        if (e > 0 && expr_text[e - 1] == '=' &&
                            !(e > 1 && (expr_text[e - 2] == '=' || expr_text[e - 2] == '!' || expr_text[e - 2] == '<' ||
                                        expr_text[e - 2] == '>')))
                        {
                            self_doc = true;
                            pending += expr_text;
                            have_pending = true;
                            expr_text = expr_text.substr(0, e - 1);
                        }
                    }
                    bool blank = true;
                    for (char ch : expr_text)
                        if (ch != ' ' && ch != '\t' && ch != '\n')
                            blank = false;
                    if (blank)
                    {
                        error("f-string: empty expression not allowed", t.line, t.col);
                        return false;
                    }
                    int conversion = 0;
                    if (body[i] == '!')
                    {
                        ++i;
                        if (i >= body.size() || (body[i] != 's' && body[i] != 'r' && body[i] != 'a') ||
                            i + 1 >= body.size() || (body[i + 1] != '}' && body[i + 1] != ':'))
                        {
                            if (i >= body.size() || body[i] == '}' || body[i] == ':')
                                error("f-string: missing conversion character: expected 's', 'r', or 'a'", t.line,
                                      t.col);
                            else
                                error("f-string: invalid conversion character: expected 's', 'r', or 'a'", t.line,
                                      t.col);
                            return false;
                        }
                        conversion = body[i];
                        ++i;
                    }
                    ExprPtr spec;
                    if (i < body.size() && body[i] == ':')
                    {
                        ++i;
                        // The spec runs to the matching '}' and may hold {nested} fields.
                        const std::size_t spec_start = i;
                        int d = 0;
                        for (; i < body.size(); ++i)
                        {
                            if (body[i] == '{')
                                ++d;
                            else if (body[i] == '}')
                            {
                                if (d == 0)
                                    break;
                                --d;
                            }
                        }
                        if (i >= body.size())
                        {
                            error("f-string: expecting '}'", t.line, t.col);
                            return false;
                        }
                        if (nesting >= 1 && body.substr(spec_start, i - spec_start).find('{') != std::string::npos)
                        {
                            error("f-string: expressions nested too deeply", t.line, t.col);
                            return false;
                        }
                        Token spec_tok = t;
                        spec_tok.text = body.substr(spec_start, i - spec_start);
                        std::vector<ExprPtr> spec_parts;
                        std::string spec_pending;
                        bool spec_have = false;
                        if (!fstring_parts(spec_tok, spec_parts, spec_pending, spec_have, nesting + 1))
                            return false;
                        if (spec_have && !spec_pending.empty())
                        {
                            auto s = node(ExprKind::string, t);
                            s->str = std::move(spec_pending);
                            spec_parts.push_back(std::move(s));
                        }
                        spec = node(ExprKind::fstring, t);
                        spec->kids = std::move(spec_parts);
                        spec = finish(std::move(spec));
                        if (!spec)
                            return false;
                    }
                    if (i >= body.size() || body[i] != '}')
                    {
                        error("f-string: expecting '}'", t.line, t.col);
                        return false;
                    }
                    ++i;
                    if (self_doc && conversion == 0 && !spec)
                        conversion = 'r';
                    // Text before this field, then the field.
                    if (have_pending && !pending.empty())
                    {
                        auto s = node(ExprKind::string, t);
                        s->str = std::move(pending);
                        parts.push_back(std::move(s));
                    }
                    pending.clear();
                    have_pending = false;
                    auto value = sub_expression(expr_text, t);
                    if (!value)
                        return false;
                    auto fv = node(ExprKind::formatted_value, t);
                    fv->op = conversion;
                    fv->kids.push_back(std::move(value));
                    fv->kids.push_back(std::move(spec));
                    auto done = finish(std::move(fv));
                    if (!done)
                        return false;
                    parts.push_back(std::move(done));
                }
                return flush_literal();
            }

            /// Parses the expression of an f-string field.
            ExprPtr sub_expression(const std::string& text, const Token& at)
            {
                std::vector<Token> toks;
                SyntaxIssue lex_issue;
                const std::string wrapped = "(" + text + ")";
                if (!tokenize(wrapped, toks, lex_issue))
                {
                    return error("f-string: " + lex_issue.message, at.line, at.col);
                }
                // Positions inside the f-string are reported at the string itself.
                for (auto& tk : toks)
                {
                    tk.line = at.line;
                    tk.end_line = at.line;
                    tk.col = at.col;
                    tk.end_col = at.end_col;
                }
                SyntaxIssue sub_issue;
                Parser sub(toks, sub_issue, false, {});
                sub.m_func_depth = m_func_depth;
                sub.m_recursion = m_recursion + 1;
                auto e = sub.star_expressions();
                if (!e || sub.kind() != Tok::newline)
                {
                    if (!sub.failed())
                        sub.invalid_syntax();
                    std::string msg = sub_issue.message;
                    if (msg == "invalid syntax")
                        msg = "f-string: invalid syntax";
                    return error(msg, at.line, at.col);
                }
                return e;
            }

            ExprPtr paren()
            {
                const Token& t = advance();
                if (accept(Tok::rpar))
                    return finish(node(ExprKind::tuple, t));
                if (kind() == Tok::kw_yield)
                    return expression();
                auto first = star_named_expression();
                if (!first)
                    return nullptr;
                if (kind() == Tok::kw_for)
                {
                    auto g = comprehension(ExprKind::genexp, std::move(first), nullptr);
                    if (!g || !expect(Tok::rpar))
                        return nullptr;
                    g->line = t.line;
                    g->col = t.col;
                    g->parenthesized = true;
                    return finish(std::move(g));
                }
                if (accept(Tok::rpar))
                {
                    if (first->kind == ExprKind::starred)
                        return error_at(*first, "cannot use starred expression here");
                    first->parenthesized = true;
                    return first;
                }
                if (kind() != Tok::comma)
                {
                    if (starts_expression())
                        return forgot_comma(*first);
                    if (kind() == Tok::assign)
                        return error_at(*first, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                    return expect(Tok::rpar), nullptr;
                }
                auto tup = node(ExprKind::tuple, t);
                tup->kids.push_back(std::move(first));
                while (accept(Tok::comma))
                {
                    if (kind() == Tok::rpar)
                        break;
                    auto e = star_named_expression();
                    if (!e)
                        return nullptr;
                    tup->kids.push_back(std::move(e));
                    if (kind() != Tok::comma && kind() != Tok::rpar && starts_expression())
                        return forgot_comma(*tup->kids.back());
                }
                if (!expect(Tok::rpar))
                    return nullptr;
                tup->parenthesized = true;
                return finish(std::move(tup));
            }

            ExprPtr star_named_expression()
            {
                if (kind() == Tok::star)
                    return star_expression();
                return named_expression();
            }

            ExprPtr list_display()
            {
                const Token& t = advance();
                auto l = node(ExprKind::list, t);
                if (accept(Tok::rsqb))
                    return finish(std::move(l));
                auto first = star_named_expression();
                if (!first)
                    return nullptr;
                if (kind() == Tok::kw_for)
                {
                    auto c = comprehension(ExprKind::listcomp, std::move(first), nullptr);
                    if (!c || !expect(Tok::rsqb))
                        return nullptr;
                    c->line = t.line;
                    c->col = t.col;
                    return finish(std::move(c));
                }
                l->kids.push_back(std::move(first));
                while (accept(Tok::comma))
                {
                    if (kind() == Tok::rsqb)
                        break;
                    auto e = star_named_expression();
                    if (!e)
                        return nullptr;
                    l->kids.push_back(std::move(e));
                }
                if (kind() != Tok::rsqb && starts_expression())
                    return forgot_comma(*l->kids.back());
                if (!expect(Tok::rsqb))
                    return nullptr;
                return finish(std::move(l));
            }

            ExprPtr brace_display()
            {
                const Token& t = advance();
                if (accept(Tok::rbrace))
                    return finish(node(ExprKind::dict, t));
                auto d = node(ExprKind::dict, t);
                bool is_set = false, first_item = true;
                while (kind() != Tok::rbrace)
                {
                    if (accept(Tok::dstar))
                    {
                        if (is_set)
                            return invalid_syntax();
                        auto v = bitwise_or();
                        if (!v)
                            return nullptr;
                        d->kids.push_back(nullptr);
                        d->kids.push_back(std::move(v));
                    }
                    else
                    {
                        auto k = star_named_expression();
                        if (!k)
                            return nullptr;
                        if (first_item && kind() != Tok::colon)
                            return error_at(*k,
                                            std::string("sets ({...})") + " are not supported in NeuronLab's Python");
                        if (is_set)
                        {
                            if (kind() == Tok::kw_for && first_item)
                            {
                                auto c = comprehension(ExprKind::setcomp, std::move(k), nullptr);
                                if (!c || !expect(Tok::rbrace))
                                    return nullptr;
                                return finish(std::move(c));
                            }
                            d->kids.push_back(std::move(k));
                        }
                        else
                        {
                            if (!accept(Tok::colon))
                            {
                                if (kind() == Tok::comma || kind() == Tok::rbrace)
                                    return error("':' expected after dictionary key", k->line, k->col);
                                return invalid_syntax();
                            }
                            auto v = expression();
                            if (!v)
                                return nullptr;
                            if (kind() == Tok::kw_for && first_item)
                            {
                                auto c = comprehension(ExprKind::dictcomp, std::move(k), std::move(v));
                                if (!c || !expect(Tok::rbrace))
                                    return nullptr;
                                c->line = t.line;
                                c->col = t.col;
                                return finish(std::move(c));
                            }
                            d->kids.push_back(std::move(k));
                            d->kids.push_back(std::move(v));
                        }
                    }
                    first_item = false;
                    if (!accept(Tok::comma))
                        break;
                }
                if (kind() != Tok::rbrace && starts_expression() && !d->kids.empty() && d->kids.back())
                    return forgot_comma(*d->kids.back());
                if (!expect(Tok::rbrace))
                    return nullptr;
                if (is_set)
                    d->kind = ExprKind::set;
                return finish(std::move(d));
            }

            /// for ... in ... [if ...]... clauses after the element.
            ExprPtr comprehension(ExprKind k, ExprPtr elt, ExprPtr value)
            {
                auto c = node_at(k, *elt);
                c->kids.push_back(std::move(elt));
                if (value)
                    c->kids.push_back(std::move(value));
                while (kind() == Tok::kw_for)
                {
                    advance();
                    Comprehension g;
                    g.target = target_list();
                    if (!g.target || !check_target(*g.target, "for"))
                        return nullptr;
                    if (!accept(Tok::kw_in))
                        return invalid_syntax();
                    g.iter = disjunction();
                    if (!g.iter)
                        return nullptr;
                    while (kind() == Tok::kw_if)
                    {
                        advance();
                        auto cond = disjunction();
                        if (!cond)
                            return nullptr;
                        g.ifs.push_back(std::move(cond));
                    }
                    c->gens.push_back(std::move(g));
                }
                if (kind() == Tok::kw_async)
                    return error_at(peek(), std::string("'async'") + unsupported_suffix);
                return finish(std::move(c));
            }

            std::vector<Token>& m_tok;
            std::size_t m_pos = 0;
            SyntaxIssue& m_issue;
            bool m_failed = false;
            bool m_lex_failed;
            SyntaxIssue m_lex_issue;
            int m_recursion = 0;
            int m_block_depth = 0;
            int m_func_depth = 0;
            int m_loop_depth = 0;
            int m_lambda_depth = 0;
        };
    }

    bool parse(std::string_view source, Program& out, SyntaxIssue& issue)
    {
        std::vector<Token> tokens;
        SyntaxIssue lex_issue;
        const bool lexed = tokenize(source, tokens, lex_issue);
        if (!lexed && lex_issue.rank == SyntaxIssue::Rank::overrides)
        {
            issue = lex_issue;
            return false;
        }
        if (!lexed)
        {
            // Parse what came before the lexer's error: an earlier parse error may
            // win, as in CPython, which tokenizes as it parses.
            Token end;
            end.kind = Tok::end;
            end.line = lex_issue.line;
            end.col = lex_issue.col;
            end.end_line = lex_issue.line;
            end.end_col = lex_issue.col;
            if (lex_issue.rank == SyntaxIssue::Rank::unclosed && !tokens.empty())
                end.line = end.end_line = tokens.back().end_line + 1;
            tokens.push_back(end);
        }
        Parser p(tokens, issue, !lexed, lex_issue);
        if (!p.file(out))
        {
            if (!lexed && (issue.message.empty() ||
                           (lex_issue.rank == SyntaxIssue::Rank::unclosed && p.failure_line() > lex_issue.line)))
                issue = lex_issue;
            return false;
        }
        if (!lexed)
        {
            issue = lex_issue;
            return false;
        }
        return true;
    }
}
