// result<T>: a value or an error message. The core reports bad input this way
// (never by throwing) so nothing it does can surface in JavaScript as a bare
// exception pointer.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace nl
{
    /// An error message, worded like NumPy's (it names the shapes involved).
    struct error
    {
        std::string message;
    };

    /// Either a value of type T or an error.
    template <class T>
    class result
    {
    public:
        result(T value) : m_state(std::move(value)) {}
        result(error e) : m_state(std::move(e)) {}

        bool ok() const { return m_state.index() == 0; }
        explicit operator bool() const { return ok(); }

        /// The value; only valid when ok().
        const T& value() const& { return std::get<0>(m_state); }
        T& value() & { return std::get<0>(m_state); }
        T&& value() && { return std::get<0>(std::move(m_state)); }

        /// The error message; empty when ok().
        const std::string& message() const
        {
            static const std::string none;
            return ok() ? none : std::get<1>(m_state).message;
        }

    private:
        std::variant<T, error> m_state;
    };

    /// A result with no value: success, or an error message.
    struct status
    {
        std::string message;  // empty on success
        bool ok() const { return message.empty(); }
        explicit operator bool() const { return ok(); }
    };
}
