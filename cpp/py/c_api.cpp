// A plain C API over Interpreter, for the wasm build (JavaScript calls these
// exports directly; no Embind). One interpreter per module instance; the output
// of the last run is kept until the next one.
#include <cstddef>
#include <string>

#include "interpreter.hpp"
#include "limits.hpp"

namespace
{
    struct State
    {
        nl::py::Interpreter py;
        std::string out, err;
        State()
        {
            py.on_stdout([this](std::string_view s) { out.append(s); });
            py.on_stderr([this](std::string_view s) { err.append(s); });
        }
    };

    State& state()
    {
        static State s;
        return s;
    }
}

extern "C"
{
    /// Runs `len` bytes of UTF-8 source named `filename` with a step budget (0: the
    /// default). Returns 0 when the program finished, 1 on an uncaught error.
    int nlpy_run(const char* source, std::size_t len, const char* filename, double budget)
    {
        State& s = state();
        s.out.clear();
        s.err.clear();
        s.py.set_budget(budget > 0 ? static_cast<std::uint64_t>(budget) : nl::py::limits::default_budget);
        const nl::py::RunResult r = s.py.run(std::string_view(source, len), filename);
        return r.ok ? 0 : 1;
    }

    /// The last run's stdout and stderr (valid until the next run).
    const char* nlpy_stdout_data() { return state().out.data(); }
    std::size_t nlpy_stdout_size() { return state().out.size(); }
    const char* nlpy_stderr_data() { return state().err.data(); }
    std::size_t nlpy_stderr_size() { return state().err.size(); }
}
