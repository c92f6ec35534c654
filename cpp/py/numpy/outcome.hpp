// outcome<T>: a value, or the Python exception NumPy would raise instead (its
// class name and message, worded exactly as NumPy words it). The ndarray library
// never throws, so it works with or without C++ exceptions in the wasm build.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace nl::py
{
    /// A Python exception to raise: "ValueError", "operands could not be ...".
    struct py_error
    {
        std::string type;
        std::string message;
    };

    inline py_error value_error(std::string m) { return {"ValueError", std::move(m)}; }
    inline py_error type_error(std::string m) { return {"TypeError", std::move(m)}; }
    inline py_error index_error(std::string m) { return {"IndexError", std::move(m)}; }
    /// What this subset refuses rather than computing something NumPy would not.
    inline py_error unsupported(std::string m) { return {"NotImplementedError", std::move(m)}; }

    template <class T>
    class outcome
    {
    public:
        outcome(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
        outcome(py_error e) : m_state(std::in_place_index<1>, std::move(e)) {}

        bool ok() const { return m_state.index() == 0; }
        explicit operator bool() const { return ok(); }
        const T& value() const& { return std::get<0>(m_state); }
        T& value() & { return std::get<0>(m_state); }
        T&& value() && { return std::get<0>(std::move(m_state)); }
        const T& operator*() const& { return value(); }
        T& operator*() & { return value(); }
        const T* operator->() const { return &value(); }
        T* operator->() { return &value(); }
        const py_error& error() const { return std::get<1>(m_state); }

    private:
        std::variant<T, py_error> m_state;
    };

    /// Success or an exception, for operations with no value.
    class status
    {
    public:
        status() = default;
        status(py_error e) : m_error(std::move(e)), m_failed(true) {}
        bool ok() const { return !m_failed; }
        explicit operator bool() const { return ok(); }
        const py_error& error() const { return m_error; }

    private:
        py_error m_error;
        bool m_failed = false;
    };
}

/// Returns the error of an outcome/status expression from the enclosing function.
#define NL_TRY(expr)                         \
    do                                       \
    {                                        \
        auto&& nl_try_result_ = (expr);      \
        if (!nl_try_result_.ok())            \
            return nl_try_result_.error();   \
    } while (0)
