// The embedding API: make an interpreter, tell it where output goes, run
// programs. Each run starts from a fresh heap and globals and frees everything
// when it ends; a run stopped by a limit leaves the interpreter ready for the
// next one. Nothing here prints: text leaves through the callbacks.
//
//     nl::py::Interpreter py;
//     py.on_stdout([](std::string_view s) { ... });
//     py.on_stderr([](std::string_view s) { ... });  // the traceback, if any
//     nl::py::RunResult r = py.run("print(1 + 1)\n", "prog.py");
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace nl::py
{
    struct Value;

    /// How a run ended.
    struct RunResult
    {
        bool ok = true;
        /// On an uncaught error: the traceback exactly as Python prints it on stderr.
        std::string traceback;
    };

    class Interpreter
    {
    public:
        Interpreter();
        ~Interpreter();
        Interpreter(const Interpreter&) = delete;
        Interpreter& operator=(const Interpreter&) = delete;

        /// Where the program's stdout goes (in pieces, in order). Default: dropped.
        void on_stdout(std::function<void(std::string_view)> callback);
        /// Where a traceback goes (once, at the end of a failed run). Default: dropped.
        void on_stderr(std::function<void(std::string_view)> callback);
        /// Bytecode instructions a run may execute before it is stopped
        /// (limits::default_budget unless set).
        void set_budget(std::uint64_t steps);
        std::uint64_t budget() const { return m_budget; }
        /// Tests: run the collector at every safe point, so that a value some C++
        /// code holds without rooting it is freed at once (and ASan reports it).
        void set_collect_always(bool on) { m_collect_always = on; }

        /// Compiles and runs one program.
        RunResult run(std::string_view source, std::string_view filename = "prog.py");

    private:
        std::function<void(std::string_view)> m_out, m_err;
        std::uint64_t m_budget;
        bool m_collect_always = false;
        std::unique_ptr<Value[]> m_stack;
    };
}
