// What one run of a program may use. Each limit stops the program with a clear
// error (Python's, where Python has one); the interpreter is then ready for the
// next run.
#pragma once

#include <cstddef>
#include <cstdint>

namespace nl::py::limits
{
    /// Python frames at once, the module's included (sys.getrecursionlimit()).
    inline constexpr int recursion = 1000;
    /// Nested calls from C++ back into Python (sorted's key, map...): each one is a
    /// C++ frame, so it is kept well below what a browser's stack holds.
    inline constexpr int native_reentry = 64;
    /// Bytes held by Python objects (arrays included).
    inline constexpr std::size_t heap_bytes = std::size_t(512) << 20;
    /// Elements of one NumPy array.
    inline constexpr std::size_t array_elements = 10'000'000;
    /// Text a program may print, in bytes and in lines.
    inline constexpr std::size_t output_bytes = std::size_t(1) << 20;
    inline constexpr std::size_t output_lines = 10'000;
    /// Bytecode instructions per run by default: about a second of work in a browser.
    inline constexpr std::uint64_t default_budget = 150'000'000;
    /// Values on the interpreter's own stack (locals and temporaries of all frames).
    inline constexpr std::size_t stack_values = std::size_t(1) << 18;
    /// Python 3.11's limit on decimal digits when converting int <-> str.
    inline constexpr std::size_t int_max_str_digits = 4300;
}
