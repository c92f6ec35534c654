#!/usr/bin/env bash
# Builds the native (g++) and wasm (em++) trees with CMake, incrementally, then
# the static site (scripts/build-site.mjs, when it exists).
#
#   build/native   cmake -DCMAKE_BUILD_TYPE=Release
#   build/wasm     emcmake cmake -DCMAKE_BUILD_TYPE=Release, with node as the
#                  crosscompiling emulator so ctest runs the wasm tests
#
# A tree is configured only when it has no CMakeCache.txt (or a failed configure
# left no build file behind); afterwards `cmake --build` re-runs CMake by itself
# whenever CMakeLists.txt changes. New trees use Ninja when it is installed
# (quicker no-op builds) unless CMAKE_GENERATOR is set in the environment; an
# existing tree keeps the generator recorded in its cache.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# emcc imports acorn from Debian's node module directory.
export NODE_PATH=/usr/share/nodejs
jobs=${NL_BUILD_JOBS:-2}

# configure_if_needed <build dir> <configure command...>
# The configure command is run with "-S . -B <dir>" and, for a new tree, -G Ninja
# appended.
configure_if_needed() {
  local dir=$1
  shift
  local cache=$dir/CMakeCache.txt
  if [[ -f $cache ]] && grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' "$cache" \
      && ! command -v ninja >/dev/null 2>&1; then
    echo "build: $dir was configured for Ninja, which is no longer installed: reconfiguring"
    rm -rf -- "$dir"
  fi
  if [[ -f $cache && ( -f $dir/build.ninja || -f $dir/Makefile ) ]]; then
    return 0
  fi
  local generator=()
  if [[ ! -f $cache && -z ${CMAKE_GENERATOR:-} ]] && command -v ninja >/dev/null 2>&1; then
    generator=(-G Ninja)
  fi
  echo "build: configuring $dir"
  "$@" -S . -B "$dir" "${generator[@]}"
}

configure_if_needed build/native cmake -DCMAKE_BUILD_TYPE=Release
cmake --build build/native -j"$jobs"

configure_if_needed build/wasm emcmake cmake -DCMAKE_BUILD_TYPE=Release \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=$(command -v node)"
cmake --build build/wasm -j"$jobs"

if [[ -f scripts/build-site.mjs ]]; then
  node scripts/build-site.mjs
fi
