#!/usr/bin/env bash
# Makes sure this machine has what NeuronLab needs to build and test, then
# installs the npm devDependencies if node_modules is missing or stale.
#
# Debian packages, each checked by a fast probe (a command on PATH or a file):
#   emscripten (emcc), cmake, g++, xtensor-dev, xtl-dev, libxsimd-dev, catch2,
#   chromium, python3-numpy.  Node.js and npm are assumed: they run this script.
#
# If some are missing:
#   - as root: `apt-get update`, then
#     `DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends <pkgs>`;
#   - otherwise: print two lines to stderr and exit 2: what is missing, then
#     the command to run, alone on its line so it can be copied, with the
#     missing packages in the order of the list above, e.g.
#       sudo apt-get update && sudo apt-get install -y --no-install-recommends emscripten chromium
#     (tests/scripts/setup.test.mjs checks this exact format).
#
# Then `npm ci` runs only when node_modules is missing or package-lock.json is
# newer than node_modules/.package-lock.json (npm's record of what it installed).
#
# When everything is present this prints nothing, writes nothing and takes a few
# milliseconds: the checks use bash builtins only (no external commands, no HOME).
set -euo pipefail

# The repository root, from this script's own path (builtins only, no dirname).
script_path=${BASH_SOURCE[0]}
if [[ $script_path == */* ]]; then script_dir=${script_path%/*}; else script_dir=.; fi
cd "$script_dir/.."

# package name : probe. A probe starting with / is a file that must exist;
# anything else is a command that must be on PATH. Order matters: it is the
# order of the install line.
probes=(
  "emscripten:emcc"
  "cmake:cmake"
  "g++:g++"
  "xtensor-dev:/usr/include/xtensor/xarray.hpp"
  "xtl-dev:/usr/include/xtl/xtl_config.hpp"
  "libxsimd-dev:/usr/include/xsimd/xsimd.hpp"
  "catch2:/usr/include/catch2/catch.hpp"
  "chromium:chromium"
  "python3-numpy:/usr/lib/python3/dist-packages/numpy/__init__.py"
)

missing_packages() {
  local entry pkg probe
  missing=()
  for entry in "${probes[@]}"; do
    pkg=${entry%%:*}
    probe=${entry#*:}
    if [[ $probe == /* ]]; then
      [[ -e $probe ]] || missing+=("$pkg")
    else
      command -v -- "$probe" >/dev/null 2>&1 || missing+=("$pkg")
    fi
  done
}

missing_packages
if ((${#missing[@]} > 0)); then
  # EUID is the real effective uid (a bash builtin variable, not settable by the
  # environment), so a test exercises this path by really running as non-root.
  if ((EUID != 0)); then
    echo "NeuronLab needs these Debian packages: ${missing[*]}. Install them with:" >&2
    echo "sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 2
  fi
  echo "setup: installing Debian packages: ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  hash -r
  missing_packages
  if ((${#missing[@]} > 0)); then
    echo "setup: still missing after apt-get install: ${missing[*]}" >&2
    exit 1
  fi
fi

# npm devDependencies. `-nt` is also true when the right-hand file is missing.
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
  # Mark the install as current even if npm left the hidden lockfile's mtime
  # behind package-lock.json's (never create it: npm must write its content).
  touch -c node_modules/.package-lock.json
fi
