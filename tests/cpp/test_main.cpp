// The one Catch2 main shared by every test file (one per module of cpp/nn).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
