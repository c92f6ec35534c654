// The native modules `import` can find: the one list of them.
#include "native.hpp"

namespace nl::py
{
    extern const NativeModuleDef native_math_module;   // builtins.cpp
    extern const NativeModuleDef native_numpy_module;  // numpy/module.cpp

    const std::vector<NativeModuleDef>& native_modules()
    {
        static const std::vector<NativeModuleDef> all = {native_math_module, native_numpy_module};
        return all;
    }
}
