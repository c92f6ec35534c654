#include "interpreter.hpp"

#include "vm.hpp"

namespace nl::py
{
    Interpreter::Interpreter() : m_budget(limits::default_budget), m_stack(new Value[limits::stack_values]) {}

    Interpreter::~Interpreter() = default;

    void Interpreter::on_stdout(std::function<void(std::string_view)> callback) { m_out = std::move(callback); }

    void Interpreter::on_stderr(std::function<void(std::string_view)> callback) { m_err = std::move(callback); }

    void Interpreter::set_budget(std::uint64_t steps) { m_budget = steps; }

    RunResult Interpreter::run(std::string_view source, std::string_view filename)
    {
        VmConfig config;
        config.budget = m_budget;
        config.out = m_out;
        config.stack = m_stack.get();
        config.collect_always = m_collect_always;
        RunResult result;
        {
            Vm vm(std::move(config));
            result.ok = vm.run(source, filename, result.traceback);
        }
        if (!result.ok && m_err)
            m_err(result.traceback);
        return result;
    }
}
