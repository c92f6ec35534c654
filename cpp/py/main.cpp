// nlpy FILE.py: runs a program with NeuronLab's Python. stdout is the program's,
// byte for byte; an uncaught error prints Python's traceback on stderr and exits
// with status 1. --budget N sets the step budget. NLPY_GC_STRESS=1 in the
// environment collects garbage at every safe point (for tests under ASan).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "interpreter.hpp"

int main(int argc, char** argv)
{
    const char* path = nullptr;
    unsigned long long budget = 0;
    for (int i = 1; i < argc; ++i)
    {
        if (std::strcmp(argv[i], "--budget") == 0 && i + 1 < argc)
            budget = std::strtoull(argv[++i], nullptr, 10);
        else if (!path)
            path = argv[i];
        else
        {
            std::fprintf(stderr, "usage: nlpy [--budget STEPS] FILE.py\n");
            return 2;
        }
    }
    if (!path)
    {
        std::fprintf(stderr, "usage: nlpy [--budget STEPS] FILE.py\n");
        return 2;
    }
    std::FILE* f = std::fopen(path, "rb");
    if (!f)
    {
        std::fprintf(stderr, "nlpy: can't open file '%s': [Errno 2] No such file or directory\n", path);
        return 2;
    }
    std::string source;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
        source.append(buf, n);
    std::fclose(f);

    nl::py::Interpreter py;
    if (budget)
        py.set_budget(budget);
    if (const char* stress = std::getenv("NLPY_GC_STRESS"); stress && *stress == '1')
        py.set_collect_always(true);
    py.on_stdout([](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); });
    py.on_stderr([](std::string_view s) { std::fwrite(s.data(), 1, s.size(), stderr); });
    const nl::py::RunResult r = py.run(source, path);
    std::fflush(stdout);
    return r.ok ? 0 : 1;
}
