// libFuzzer target: any bytes as a program, lexed, parsed, compiled and run with
// a small step budget. Built with ASan and UBSan (scripts/fuzz.sh); a crash, a
// sanitizer report, a leak or a run that does not stop is a bug. One interpreter
// serves every input, so each run also checks that the previous one, however it
// ended, left it ready.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "interpreter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static nl::py::Interpreter* py = []()
    {
        auto* p = new nl::py::Interpreter();
        p->set_budget(200'000);
        return p;
    }();
    py->run(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.py");
    return 0;
}
