// The live NumPy oracle for the interpreter's number tests: runs a Python script
// under Debian's /usr/bin/python3 (with NumPy 1.24) on an input file and hands
// back its output lines. Native builds only: under Node (wasm) there is no
// process to spawn, and the tests use the committed samples instead.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace py_oracle
{
    /// True when /usr/bin/python3 runs and imports numpy (native builds only).
    inline bool available()
    {
#ifdef __EMSCRIPTEN__
        return false;
#else
        static const bool ok = std::system("/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1") == 0;
        return ok;
#endif
    }

    /// Runs `script` with stdin from `input`; returns stdout split into lines
    /// (empty when the script fails).
    inline std::vector<std::string> run(const std::string& script, const std::string& input)
    {
        std::vector<std::string> lines;
#ifndef __EMSCRIPTEN__
        char dir_template[] = "/tmp/nl_py_oracle_XXXXXX";
        const char* dir = mkdtemp(dir_template);
        if (!dir)
            return lines;
        const std::string d = dir, py = d + "/script.py", in = d + "/in.txt", out = d + "/out.txt";
        std::ofstream(py) << script;
        std::ofstream(in) << input;
        const std::string cmd = "/usr/bin/python3 " + py + " < " + in + " > " + out;
        if (std::system(cmd.c_str()) == 0)
        {
            std::ifstream o(out);
            for (std::string line; std::getline(o, line);)
                lines.push_back(line);
        }
        std::remove(py.c_str());
        std::remove(in.c_str());
        std::remove(out.c_str());
        std::remove(d.c_str());
#else
        (void)script;
        (void)input;
#endif
        return lines;
    }

    /// The whole text of a committed data file.
    inline std::string read_file(const std::string& path)
    {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    }

    /// splitmix64: a seeded stream of 64-bit values, the same on every platform.
    class bits
    {
    public:
        explicit bits(std::uint64_t seed) : m_state(seed) {}
        std::uint64_t next()
        {
            std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ull);
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
            return z ^ (z >> 31);
        }
        /// Uniform in [0, n).
        std::uint64_t below(std::uint64_t n) { return next() % n; }

    private:
        std::uint64_t m_state;
    };

    inline double from_bits(std::uint64_t b)
    {
        double x;
        std::memcpy(&x, &b, sizeof x);
        return x;
    }

    inline std::uint64_t to_bits(double x)
    {
        std::uint64_t b;
        std::memcpy(&b, &x, sizeof b);
        return b;
    }

    inline std::string hex(std::uint64_t b)
    {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(b));
        return buf;
    }
}
