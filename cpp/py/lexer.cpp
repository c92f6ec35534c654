#include "lexer.hpp"

#include <cstdio>
#include <unordered_map>

namespace nl::py
{
    namespace
    {
        const std::unordered_map<std::string_view, Tok>& keywords()
        {
            static const std::unordered_map<std::string_view, Tok> table = {
                {"False", Tok::kw_false},
                {"None", Tok::kw_none},
                {"True", Tok::kw_true},
                {"and", Tok::kw_and},
                {"as", Tok::kw_as},
                {"assert", Tok::kw_assert},
                {"async", Tok::kw_async},
                {"await", Tok::kw_await},
                {"break", Tok::kw_break},
                {"class", Tok::kw_class},
                {"continue", Tok::kw_continue},
                {"def", Tok::kw_def},
                {"del", Tok::kw_del},
                {"elif", Tok::kw_elif},
                {"else", Tok::kw_else},
                {"except", Tok::kw_except},
                {"finally", Tok::kw_finally},
                {"for", Tok::kw_for},
                {"from", Tok::kw_from},
                {"global", Tok::kw_global},
                {"if", Tok::kw_if},
                {"import", Tok::kw_import},
                {"in", Tok::kw_in},
                {"is", Tok::kw_is},
                {"lambda", Tok::kw_lambda},
                {"nonlocal", Tok::kw_nonlocal},
                {"not", Tok::kw_not},
                {"or", Tok::kw_or},
                {"pass", Tok::kw_pass},
                {"raise", Tok::kw_raise},
                {"return", Tok::kw_return},
                {"try", Tok::kw_try},
                {"while", Tok::kw_while},
                {"with", Tok::kw_with},
                {"yield", Tok::kw_yield},
            };
            return table;
        }

        bool is_ident_start(unsigned char c) { return c == '_' || unsigned((c | 32) - 'a') < 26u || c >= 0x80; }
        bool is_ident_char(unsigned char c) { return is_ident_start(c) || unsigned(c - '0') < 10u; }

        /// Appends code point cp as UTF-8.
        void append_utf8(std::string& s, std::uint32_t cp)
        {
            if (cp < 0x80)
                s += char(cp);
            else if (cp < 0x800)
            {
                s += char(0xC0 | (cp >> 6));
                s += char(0x80 | (cp & 0x3F));
            }
            else if (cp < 0x10000)
            {
                s += char(0xE0 | (cp >> 12));
                s += char(0x80 | ((cp >> 6) & 0x3F));
                s += char(0x80 | (cp & 0x3F));
            }
            else
            {
                s += char(0xF0 | (cp >> 18));
                s += char(0x80 | ((cp >> 12) & 0x3F));
                s += char(0x80 | ((cp >> 6) & 0x3F));
                s += char(0x80 | (cp & 0x3F));
            }
        }

        class Lexer
        {
        public:
            Lexer(std::string_view src, std::vector<Token>& out, SyntaxIssue& issue)
                : m_src(src), m_out(out), m_issue(issue)
            {
            }

            bool run()
            {
                m_indents.push_back({0, 0});
                bool at_line_start = true;
                while (true)
                {
                    if (at_line_start)
                    {
                        if (!indentation())
                            return false;
                        at_line_start = false;
                        if (m_pos >= m_src.size())
                            break;
                    }
                    if (m_pos >= m_src.size())
                        break;
                    const char c = m_src[m_pos];
                    if (c == ' ' || c == '\t' || c == '\f')
                    {
                        ++m_pos;
                        continue;
                    }
                    if (c == '#')
                    {
                        while (m_pos < m_src.size() && m_src[m_pos] != '\n' && m_src[m_pos] != '\r')
                            ++m_pos;
                        continue;
                    }
                    if (c == '\r' || c == '\n')
                    {
                        const int l = m_line, col = column();
                        newline_char();
                        if (m_brackets.empty())
                        {
                            emit(Tok::newline, l, col);
                            at_line_start = true;
                        }
                        continue;
                    }
                    if (c == '\\')
                    {
                        ++m_pos;
                        if (m_pos < m_src.size() && (m_src[m_pos] == '\n' || m_src[m_pos] == '\r'))
                        {
                            newline_char();
                            if (m_pos >= m_src.size())
                                return fail("unexpected EOF while parsing", m_line, 0);
                            continue;
                        }
                        return fail("unexpected character after line continuation character", m_line, column());
                    }
                    if (!token())
                        return false;
                }
                if (!m_brackets.empty())
                {
                    const auto& b = m_brackets.back();
                    fail(std::string("'") + b.ch + "' was never closed", b.line, b.col);
                    m_issue.rank = SyntaxIssue::Rank::unclosed;
                    return false;
                }
                const int l = m_line;
                if (!m_out.empty() && m_out.back().kind != Tok::newline && m_out.back().kind != Tok::dedent &&
                    m_out.back().kind != Tok::indent)
                    emit(Tok::newline, l, column());
                while (m_indents.size() > 1)
                {
                    m_indents.pop_back();
                    emit(Tok::dedent, l, 0);
                }
                emit(Tok::end, l, 0);
                return true;
            }

        private:
            struct Bracket
            {
                char ch;
                int line, col;
            };
            struct Indent
            {
                int col, altcol;  // tabs to multiples of 8, and tabs as 1 (TabError check)
            };

            int column() const { return int(m_pos - m_line_start); }

            void newline_char()
            {
                if (m_src[m_pos] == '\r' && m_pos + 1 < m_src.size() && m_src[m_pos + 1] == '\n')
                    ++m_pos;
                ++m_pos;
                ++m_line;
                m_line_start = m_pos;
            }

            bool fail(std::string msg, int line, int col, std::string type = "SyntaxError")
            {
                m_issue.rank = type != "SyntaxError" ? SyntaxIssue::Rank::indentation : SyntaxIssue::Rank::overrides;
                m_issue.type = std::move(type);
                m_issue.message = std::move(msg);
                m_issue.line = line;
                m_issue.col = col;
                return false;
            }

            Token& emit(Tok k, int line, int col)
            {
                Token t;
                t.kind = k;
                t.line = line;
                t.col = col;
                t.end_line = m_line;
                t.end_col = column();
                m_out.push_back(std::move(t));
                return m_out.back();
            }

            /// At the start of a logical line: measure indentation, skip blank and
            /// comment-only lines, emit INDENT/DEDENT.
            bool indentation()
            {
                while (true)
                {
                    int col = 0, altcol = 0;
                    while (m_pos < m_src.size())
                    {
                        const char c = m_src[m_pos];
                        if (c == ' ')
                        {
                            ++col;
                            ++altcol;
                        }
                        else if (c == '\t')
                        {
                            col = (col / 8 + 1) * 8;
                            ++altcol;
                        }
                        else if (c == '\f')
                            col = altcol = 0;
                        else
                            break;
                        ++m_pos;
                    }
                    if (m_pos >= m_src.size())
                        return true;
                    const char c = m_src[m_pos];
                    if (c == '#')
                    {
                        while (m_pos < m_src.size() && m_src[m_pos] != '\n' && m_src[m_pos] != '\r')
                            ++m_pos;
                        if (m_pos >= m_src.size())
                            return true;
                    }
                    if (m_src[m_pos] == '\n' || m_src[m_pos] == '\r')
                    {
                        newline_char();
                        continue;
                    }
                    if (c == '\\' && m_pos + 1 < m_src.size() && (m_src[m_pos + 1] == '\n' || m_src[m_pos + 1] == '\r'))
                    {
                        // A continuation line that starts a statement: indentation is
                        // what was measured here.
                    }
                    const Indent& top = m_indents.back();
                    if (col == top.col)
                    {
                        if (altcol != top.altcol)
                            return fail("inconsistent use of tabs and spaces in indentation", m_line, column(),
                                        "TabError");
                    }
                    else if (col > top.col)
                    {
                        if (altcol <= top.altcol)
                            return fail("inconsistent use of tabs and spaces in indentation", m_line, column(),
                                        "TabError");
                        if (m_indents.size() >= 100)
                            return fail("too many levels of indentation", m_line, column(), "IndentationError");
                        m_indents.push_back({col, altcol});
                        emit(Tok::indent, m_line, column());
                    }
                    else
                    {
                        while (m_indents.size() > 1 && col < m_indents.back().col)
                        {
                            m_indents.pop_back();
                            emit(Tok::dedent, m_line, column());
                        }
                        if (col != m_indents.back().col)
                            return fail("unindent does not match any outer indentation level", m_line, column(),
                                        "IndentationError");
                        if (altcol != m_indents.back().altcol)
                            return fail("inconsistent use of tabs and spaces in indentation", m_line, column(),
                                        "TabError");
                    }
                    return true;
                }
            }

            bool token()
            {
                const unsigned char c = static_cast<unsigned char>(m_src[m_pos]);
                const int line = m_line, col = column();
                if (is_ident_start(c))
                {
                    // A string prefix?
                    std::size_t p = m_pos;
                    while (p < m_src.size() && is_ident_char(static_cast<unsigned char>(m_src[p])))
                        ++p;
                    const std::string_view word = m_src.substr(m_pos, p - m_pos);
                    if (p < m_src.size() && (m_src[p] == '"' || m_src[p] == '\'') && word.size() <= 2)
                    {
                        bool r = false, f = false, b = false, u = false, ok = true;
                        for (char ch : word)
                        {
                            const char lc = char(ch | 32);
                            if (lc == 'r' && !r)
                                r = true;
                            else if (lc == 'f' && !f)
                                f = true;
                            else if (lc == 'b' && !b)
                                b = true;
                            else if (lc == 'u' && !u)
                                u = true;
                            else
                                ok = false;
                        }
                        if (ok && !(u && (r || f || b)) && !(f && b))
                        {
                            m_pos = p;
                            return string(line, col, r, f, b);
                        }
                    }
                    if (c >= 0x80)
                    {
                        // Only letters may start an identifier; reject common non-letters.
                        std::uint32_t cp = 0;
                        int len = 1;
                        decode_utf8(m_pos, cp, len);
                        if (!unicode_letter(cp))
                            return fail(invalid_char(cp), line, col);
                    }
                    m_pos = p;
                    auto kw = keywords().find(word);
                    Token& t = emit(kw == keywords().end() ? Tok::name : kw->second, line, col);
                    t.text = std::string(word);
                    return true;
                }
                if (unsigned(c - '0') < 10u ||
                    (c == '.' && m_pos + 1 < m_src.size() && unsigned(m_src[m_pos + 1] - '0') < 10u))
                    return number(line, col);
                if (c == '"' || c == '\'')
                    return string(line, col, false, false, false);
                return punct(line, col);
            }

            void decode_utf8(std::size_t pos, std::uint32_t& cp, int& len) const
            {
                const unsigned char c = static_cast<unsigned char>(m_src[pos]);
                len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
                cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
                for (int k = 1; k < len; ++k)
                {
                    if (pos + std::size_t(k) >= m_src.size())
                    {
                        len = k;
                        return;
                    }
                    cp = (cp << 6) | (static_cast<unsigned char>(m_src[pos + std::size_t(k)]) & 0x3F);
                }
            }

            static bool unicode_letter(std::uint32_t cp)
            {
                // Latin-1 letters, Latin Extended, Greek, Cyrillic, CJK...: generous,
                // but not punctuation, symbols or spaces.
                if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
                    return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
                if (cp >= 0x2000 && cp < 0x2C00)
                    return false;  // punctuation, symbols, arrows, math operators
                if (cp >= 0x3000 && cp < 0x3040)
                    return false;
                if (cp >= 0xFF00 && cp < 0xFF10)
                    return false;
                return !(cp >= 0x1F000);  // emoji and the like
            }

            static std::string invalid_char(std::uint32_t cp)
            {
                std::string s = "invalid character '";
                append_utf8(s, cp);
                char hex[16];
                std::snprintf(hex, sizeof hex, "' (U+%04X)", unsigned(cp));
                return s + hex;
            }

            bool number(int line, int col)
            {
                const std::size_t start = m_pos;
                std::string digits;
                auto bad = [&](const char* kind)
                { return fail(std::string("invalid ") + kind + " literal", line, col); };
                // Reads digits of `base` with single underscores between them.
                auto read_digits = [&](int base, bool need_one) -> int
                {
                    // returns -1 on error (message set), else digits read
                    int count = 0;
                    while (m_pos < m_src.size())
                    {
                        const char ch = m_src[m_pos];
                        int d = ch >= '0' && ch <= '9'                 ? ch - '0'
                                : (ch | 32) >= 'a' && (ch | 32) <= 'f' ? (ch | 32) - 'a' + 10
                                                                       : 99;
                        if (ch == '_')
                        {
                            if (m_pos + 1 >= m_src.size())
                                return -2;
                            const char nx = m_src[m_pos + 1];
                            int nd = nx >= '0' && nx <= '9'                 ? nx - '0'
                                     : (nx | 32) >= 'a' && (nx | 32) <= 'f' ? (nx | 32) - 'a' + 10
                                                                            : 99;
                            if (nd >= base || count == 0)
                                return -2;
                            ++m_pos;
                            continue;
                        }
                        if (d >= base)
                        {
                            if (base < 10 && d < 10)
                            {
                                m_bad_digit = ch;
                                return -3;
                            }
                            break;
                        }
                        digits += ch;
                        ++count;
                        ++m_pos;
                    }
                    if (need_one && count == 0)
                        return -2;
                    return count;
                };
                const char c0 = m_src[m_pos];
                if (c0 == '0' && m_pos + 1 < m_src.size() &&
                    ((m_src[m_pos + 1] | 32) == 'x' || (m_src[m_pos + 1] | 32) == 'o' ||
                     (m_src[m_pos + 1] | 32) == 'b'))
                {
                    const char k = char(m_src[m_pos + 1] | 32);
                    const int base = k == 'x' ? 16 : k == 'o' ? 8 : 2;
                    const char* kind = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
                    m_pos += 2;
                    if (m_pos < m_src.size() && m_src[m_pos] == '_')
                        ++m_pos;
                    const int n = read_digits(base, true);
                    if (n == -3)
                        return fail(std::string("invalid digit '") + m_bad_digit + "' in " + kind + " literal", line,
                                    column());
                    if (n < 0 || (m_pos < m_src.size() && is_ident_char(static_cast<unsigned char>(m_src[m_pos]))))
                        return fail(std::string("invalid ") + kind + " literal", line, n < 0 ? column() - 1 : col);
                    Token& t = emit(Tok::integer, line, col);
                    t.text = digits;
                    t.base = std::uint8_t(base);
                    return true;
                }
                bool is_float = false;
                if (c0 != '.')
                {
                    if (read_digits(10, true) < 0)
                        return bad("decimal");
                }
                if (m_pos < m_src.size() && m_src[m_pos] == '.')
                {
                    is_float = true;
                    digits += '.';
                    ++m_pos;
                    if (m_pos < m_src.size() && (m_src[m_pos] - '0') >= 0 && (m_src[m_pos] - '0') < 10)
                        if (read_digits(10, false) < 0)
                            return bad("decimal");
                }
                if (m_pos < m_src.size() && (m_src[m_pos] | 32) == 'e')
                {
                    const std::size_t save = m_pos;
                    std::string save_digits = digits;
                    digits += 'e';
                    ++m_pos;
                    if (m_pos < m_src.size() && (m_src[m_pos] == '+' || m_src[m_pos] == '-'))
                        digits += m_src[m_pos++];
                    if (m_pos >= m_src.size() || unsigned(m_src[m_pos] - '0') >= 10u || read_digits(10, true) < 0)
                    {
                        m_pos = save;
                        return bad("decimal");
                    }
                    is_float = true;
                }
                if (m_pos < m_src.size() && (m_src[m_pos] | 32) == 'j')
                    return fail("complex numbers are not supported in NeuronLab's Python", line, col);
                if (m_pos < m_src.size() && is_ident_char(static_cast<unsigned char>(m_src[m_pos])))
                    return bad("decimal");
                if (!is_float && digits.size() > 1 && digits[0] == '0')
                {
                    for (char ch : digits)
                        if (ch != '0')
                            return fail("leading zeros in decimal integer literals are not permitted; use an 0o "
                                        "prefix for octal integers",
                                        line, col);
                }
                (void)start;
                Token& t = emit(is_float ? Tok::floating : Tok::integer, line, col);
                t.text = digits;
                return true;
            }

            bool string(int line, int col, bool raw, bool fmt, bool bytes)
            {
                const char q = m_src[m_pos];
                const bool triple = m_pos + 2 < m_src.size() && m_src[m_pos + 1] == q && m_src[m_pos + 2] == q;
                m_pos += triple ? 3 : 1;
                // The body as written (line ends normalised to \n); a backslash keeps
                // the next character from ending the string.
                std::string body;
                while (true)
                {
                    if (m_pos >= m_src.size())
                    {
                        if (triple)
                            return fail("unterminated triple-quoted string literal (detected at line " +
                                            std::to_string(m_line) + ")",
                                        line, col);
                        return fail("unterminated string literal (detected at line " + std::to_string(line) + ")", line,
                                    col);
                    }
                    const char c = m_src[m_pos];
                    if (c == q &&
                        (!triple || (m_pos + 2 < m_src.size() && m_src[m_pos + 1] == q && m_src[m_pos + 2] == q)))
                        break;
                    if (c == '\n' || c == '\r')
                    {
                        if (!triple)
                            return fail("unterminated string literal (detected at line " + std::to_string(line) + ")",
                                        line, col);
                        newline_char();
                        body += '\n';
                        continue;
                    }
                    body += c;
                    ++m_pos;
                    if (c == '\\' && m_pos < m_src.size())
                    {
                        const char n = m_src[m_pos];
                        if (n == '\n' || n == '\r')
                        {
                            newline_char();
                            body += '\n';
                        }
                        else
                        {
                            body += n;
                            ++m_pos;
                        }
                    }
                }
                m_pos += triple ? 3 : 1;
                std::string value;
                if (raw || fmt)
                    value = std::move(body);
                else
                {
                    std::string err;
                    if (!decode_escapes(body, value, err))
                        return fail(err, line, col);
                }
                Token& t = emit(fmt ? Tok::fstring : Tok::string, line, col);
                t.text = std::move(value);
                t.raw = raw;
                t.bytes = bytes;
                t.quote = q;
                return true;
            }

            bool punct(int line, int col)
            {
                const char c = m_src[m_pos];
                const char n = m_pos + 1 < m_src.size() ? m_src[m_pos + 1] : '\0';
                const char n2 = m_pos + 2 < m_src.size() ? m_src[m_pos + 2] : '\0';
                Tok k;
                int len = 1;
                switch (c)
                {
                case '(':
                case '[':
                case '{':
                    if (m_brackets.size() >= 200)
                        return fail("too many nested parentheses", line, col);
                    m_brackets.push_back({c, line, col});
                    k = c == '(' ? Tok::lpar : c == '[' ? Tok::lsqb : Tok::lbrace;
                    break;
                case ')':
                case ']':
                case '}':
                {
                    const char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                    if (m_brackets.empty())
                        return fail(std::string("unmatched '") + c + "'", line, col);
                    if (m_brackets.back().ch != open)
                    {
                        const auto& b = m_brackets.back();
                        std::string msg = std::string("closing parenthesis '") + c +
                                          "' does not match opening parenthesis '" + b.ch + "'";
                        if (b.line != line)
                            msg += " on line " + std::to_string(b.line);
                        return fail(msg, line, col);
                    }
                    m_brackets.pop_back();
                    k = c == ')' ? Tok::rpar : c == ']' ? Tok::rsqb : Tok::rbrace;
                    break;
                }
                case ',':
                    k = Tok::comma;
                    break;
                case ':':
                    if (n == '=')
                    {
                        k = Tok::walrus;
                        len = 2;
                    }
                    else
                        k = Tok::colon;
                    break;
                case ';':
                    k = Tok::semicolon;
                    break;
                case '.':
                    if (n == '.' && n2 == '.')
                    {
                        k = Tok::ellipsis;
                        len = 3;
                    }
                    else
                        k = Tok::dot;
                    break;
                case '+':
                    if (n == '=')
                    {
                        k = Tok::plus_eq;
                        len = 2;
                    }
                    else
                        k = Tok::plus;
                    break;
                case '-':
                    if (n == '=')
                    {
                        k = Tok::minus_eq;
                        len = 2;
                    }
                    else if (n == '>')
                    {
                        k = Tok::arrow;
                        len = 2;
                    }
                    else
                        k = Tok::minus;
                    break;
                case '*':
                    if (n == '*')
                    {
                        if (n2 == '=')
                        {
                            k = Tok::dstar_eq;
                            len = 3;
                        }
                        else
                        {
                            k = Tok::dstar;
                            len = 2;
                        }
                    }
                    else if (n == '=')
                    {
                        k = Tok::star_eq;
                        len = 2;
                    }
                    else
                        k = Tok::star;
                    break;
                case '/':
                    if (n == '/')
                    {
                        if (n2 == '=')
                        {
                            k = Tok::dslash_eq;
                            len = 3;
                        }
                        else
                        {
                            k = Tok::dslash;
                            len = 2;
                        }
                    }
                    else if (n == '=')
                    {
                        k = Tok::slash_eq;
                        len = 2;
                    }
                    else
                        k = Tok::slash;
                    break;
                case '%':
                    if (n == '=')
                    {
                        k = Tok::percent_eq;
                        len = 2;
                    }
                    else
                        k = Tok::percent;
                    break;
                case '@':
                    if (n == '=')
                    {
                        k = Tok::at_eq;
                        len = 2;
                    }
                    else
                        k = Tok::at;
                    break;
                case '&':
                    if (n == '=')
                    {
                        k = Tok::amp_eq;
                        len = 2;
                    }
                    else
                        k = Tok::amp;
                    break;
                case '|':
                    if (n == '=')
                    {
                        k = Tok::pipe_eq;
                        len = 2;
                    }
                    else
                        k = Tok::pipe;
                    break;
                case '^':
                    if (n == '=')
                    {
                        k = Tok::caret_eq;
                        len = 2;
                    }
                    else
                        k = Tok::caret;
                    break;
                case '~':
                    k = Tok::tilde;
                    break;
                case '<':
                    if (n == '<')
                    {
                        if (n2 == '=')
                        {
                            k = Tok::lshift_eq;
                            len = 3;
                        }
                        else
                        {
                            k = Tok::lshift;
                            len = 2;
                        }
                    }
                    else if (n == '=')
                    {
                        k = Tok::le;
                        len = 2;
                    }
                    else if (n == '>')
                        return fail("invalid syntax", line, col);
                    else
                        k = Tok::lt;
                    break;
                case '>':
                    if (n == '>')
                    {
                        if (n2 == '=')
                        {
                            k = Tok::rshift_eq;
                            len = 3;
                        }
                        else
                        {
                            k = Tok::rshift;
                            len = 2;
                        }
                    }
                    else if (n == '=')
                    {
                        k = Tok::ge;
                        len = 2;
                    }
                    else
                        k = Tok::gt;
                    break;
                case '=':
                    if (n == '=')
                    {
                        k = Tok::eq;
                        len = 2;
                    }
                    else
                        k = Tok::assign;
                    break;
                case '!':
                    if (n == '=')
                    {
                        k = Tok::ne;
                        len = 2;
                        break;
                    }
                    return fail("invalid syntax", line, col);
                case '$':
                case '?':
                case '`':
                    return fail(std::string("invalid syntax"), line, col);
                default:
                {
                    std::uint32_t cp = 0;
                    int l = 1;
                    decode_utf8(m_pos, cp, l);
                    if (cp == 0)
                        return fail("source code cannot contain null bytes", line, col);
                    return fail(invalid_char(cp), line, col);
                }
                }
                m_pos += std::size_t(len);
                emit(k, line, col);
                return true;
            }

            std::string_view m_src;
            std::vector<Token>& m_out;
            SyntaxIssue& m_issue;
            std::size_t m_pos = 0, m_line_start = 0;
            int m_line = 1;
            std::vector<Indent> m_indents;
            std::vector<Bracket> m_brackets;
            char m_bad_digit = 0;
        };
    }

    bool decode_escapes(std::string_view body, std::string& value, std::string& error)
    {
        std::size_t pos = 0;
        while (pos < body.size())
        {
            const char c = body[pos];
            if (c != '\\' || pos + 1 >= body.size())
            {
                value += c;
                ++pos;
                continue;
            }
            const char n = body[pos + 1];
            const std::size_t escape_start = pos;
            pos += 2;
            switch (n)
            {
            case '\n':
                break;
            case '\\':
                value += '\\';
                break;
            case '\'':
                value += '\'';
                break;
            case '"':
                value += '"';
                break;
            case 'a':
                value += '\a';
                break;
            case 'b':
                value += '\b';
                break;
            case 'f':
                value += '\f';
                break;
            case 'n':
                value += '\n';
                break;
            case 'r':
                value += '\r';
                break;
            case 't':
                value += '\t';
                break;
            case 'v':
                value += '\v';
                break;
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7':
            {
                unsigned v = unsigned(n - '0');
                for (int k = 0; k < 2 && pos < body.size() && unsigned(body[pos] - '0') < 8u; ++k)
                    v = v * 8 + unsigned(body[pos++] - '0');
                append_utf8(value, v);
                break;
            }
            case 'x':
            case 'u':
            case 'U':
            {
                const int len = n == 'x' ? 2 : n == 'u' ? 4 : 8;
                std::uint32_t v = 0;
                for (int k = 0; k < len; ++k)
                {
                    const char h = pos < body.size() ? body[pos] : '\0';
                    const int d = h >= '0' && h <= '9'                 ? h - '0'
                                  : (h | 32) >= 'a' && (h | 32) <= 'f' ? (h | 32) - 'a' + 10
                                                                       : -1;
                    if (d < 0)
                    {
                        const char* what = n == 'x'   ? "truncated \\xXX escape"
                                           : n == 'u' ? "truncated \\uXXXX escape"
                                                      : "truncated \\UXXXXXXXX escape";
                        error = "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                                std::to_string(escape_start) + "-" + std::to_string(pos - 1) + ": " + what;
                        return false;
                    }
                    v = v * 16 + std::uint32_t(d);
                    ++pos;
                }
                if (v > 0x10FFFF)
                {
                    error = "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
                            std::to_string(escape_start) + "-" + std::to_string(pos - 1) +
                            ": illegal Unicode character";
                    return false;
                }
                append_utf8(value, v);
                break;
            }
            case 'N':
                error = "\\N{...} escapes are not supported in NeuronLab's Python";
                return false;
            default:
                value += '\\';
                value += n;
            }
        }
        return true;
    }

    bool tokenize(std::string_view source, std::vector<Token>& out, SyntaxIssue& issue)
    {
        out.clear();
        return Lexer(source, out, issue).run();
    }

    const char* token_spelling(Tok t)
    {
        switch (t)
        {
        case Tok::lpar:
            return "(";
        case Tok::rpar:
            return ")";
        case Tok::lsqb:
            return "[";
        case Tok::rsqb:
            return "]";
        case Tok::lbrace:
            return "{";
        case Tok::rbrace:
            return "}";
        case Tok::comma:
            return ",";
        case Tok::colon:
            return ":";
        case Tok::semicolon:
            return ";";
        case Tok::dot:
            return ".";
        case Tok::assign:
            return "=";
        case Tok::arrow:
            return "->";
        default:
            return "?";
        }
    }
}
