// The lexer: source text to tokens, with Python's INDENT/DEDENT, implicit line
// joining inside brackets, and string literals decoded (f-strings are kept raw
// for the parser, which splits them into text and expressions).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nl::py
{
    enum class Tok : std::uint8_t
    {
        end,
        newline,
        indent,
        dedent,
        name,
        integer,   // text: digits without underscores, base in `base`
        floating,  // text: as strtod reads it
        string,    // text: the decoded value
        fstring,   // text: the raw body between the quotes (escapes not yet decoded)
        // punctuation and operators
        lpar,
        rpar,
        lsqb,
        rsqb,
        lbrace,
        rbrace,
        comma,
        colon,
        semicolon,
        dot,
        ellipsis,
        arrow,
        plus,
        minus,
        star,
        slash,
        dslash,
        percent,
        dstar,
        at,
        lshift,
        rshift,
        amp,
        pipe,
        caret,
        tilde,
        lt,
        gt,
        le,
        ge,
        eq,
        ne,
        assign,
        walrus,
        plus_eq,
        minus_eq,
        star_eq,
        slash_eq,
        dslash_eq,
        percent_eq,
        dstar_eq,
        at_eq,
        amp_eq,
        pipe_eq,
        caret_eq,
        lshift_eq,
        rshift_eq,
        // keywords
        kw_false,
        kw_none,
        kw_true,
        kw_and,
        kw_as,
        kw_assert,
        kw_async,
        kw_await,
        kw_break,
        kw_class,
        kw_continue,
        kw_def,
        kw_del,
        kw_elif,
        kw_else,
        kw_except,
        kw_finally,
        kw_for,
        kw_from,
        kw_global,
        kw_if,
        kw_import,
        kw_in,
        kw_is,
        kw_lambda,
        kw_nonlocal,
        kw_not,
        kw_or,
        kw_pass,
        kw_raise,
        kw_return,
        kw_try,
        kw_while,
        kw_with,
        kw_yield,
    };

    struct Token
    {
        Tok kind;
        int line;      // 1-based
        int col;       // 0-based byte offset in the line
        int end_line;  // where the token ends (strings may span lines)
        int end_col;
        std::string text;
        std::uint8_t base = 10;  // integer literals
        bool raw = false;        // fstring: r prefix
        bool bytes = false;      // string: b prefix (unsupported, reported by the parser)
        char quote = 0;          // fstring: the quote character
    };

    /// A SyntaxError (or IndentationError / TabError) found while reading source.
    struct SyntaxIssue
    {
        std::string type = "SyntaxError";
        std::string message;
        int line = 0;
        int col = 0;  // 0-based; -1 when no caret applies
        int end_col = -1;
        /// For the lexer's errors, how they rank against a parse error that comes
        /// first (as CPython, which tokenizes the rest of the file after one):
        /// "overrides" wins, "indentation" loses, "unclosed" (a bracket open at
        /// the end) wins when the parse error is on a later line than the bracket.
        enum class Rank
        {
            overrides,
            indentation,
            unclosed
        } rank = Rank::overrides;
    };

    /// Tokenizes all of `source`. Returns false and fills `issue` on the first error.
    bool tokenize(std::string_view source, std::vector<Token>& out, SyntaxIssue& issue);

    /// Decodes the backslash escapes of a (non-raw) string literal body.
    bool decode_escapes(std::string_view body, std::string& value, std::string& error);

    /// Printable spelling of a token kind, for messages ("')'").
    const char* token_spelling(Tok t);
}
