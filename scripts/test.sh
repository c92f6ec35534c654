#!/usr/bin/env bash
# Runs every test suite in order and stops at the first failing stage, naming it.
# Expects scripts/build.sh to have run (`npm test` runs setup, build, then this).
#
#   native   ctest in build/native (Catch2, g++); no tests found is an error
#   wasm     ctest in build/wasm   (the same Catch2 tests under Node)
#   js       node --test tests/js/*.test.mjs tests/scripts/*.test.mjs tests/py/*.test.mjs
#            (tests/py: the interpreter's conformance corpus, native and wasm)
#   fuzz     scripts/fuzz.sh: the interpreter under libFuzzer, 30 s
#   browser  node --test tests/browser/   (playwright-core + /usr/bin/chromium)
#
# Each stage's wall time is printed; the exit code is the failing stage's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
shopt -s nullglob

# Milliseconds since the epoch, from bash's EPOCHREALTIME (no external command).
now_ms() {
  local t=${EPOCHREALTIME/[.,]/}
  echo $((10#$t / 1000))
}

fmt_ms() {
  printf '%d.%02d s' $(($1 / 1000)) $(($1 % 1000 / 10))
}

total_start=$(now_ms)

# stage <name> <command...>
stage() {
  local name=$1
  shift
  echo "=== test stage: $name: $*"
  local start rc=0 elapsed
  start=$(now_ms)
  "$@" || rc=$?
  elapsed=$(($(now_ms) - start))
  if ((rc != 0)); then
    echo "test.sh: FAILED at stage '$name' (exit $rc, $(fmt_ms "$elapsed")): $*" >&2
    exit "$rc"
  fi
  echo "=== test stage: $name: ok ($(fmt_ms "$elapsed"))"
}

stage native ctest --test-dir build/native --output-on-failure --no-tests=error
stage wasm ctest --test-dir build/wasm --output-on-failure --no-tests=error

js_tests=(tests/js/*.test.mjs tests/scripts/*.test.mjs tests/py/*.test.mjs)
if ((${#js_tests[@]} == 0)); then
  echo "test.sh: no test files in tests/js or tests/scripts: skipping stage 'js'"
else
  stage js node --test "${js_tests[@]}"
fi

# The interpreter under libFuzzer (ASan + UBSan) for a bounded time; longer runs:
# bash scripts/fuzz.sh SECONDS.
stage fuzz bash scripts/fuzz.sh "${NL_FUZZ_SECONDS:-30}"

browser_tests=(tests/browser/*.test.mjs tests/browser/**/*.test.mjs)
if ((${#browser_tests[@]} == 0)); then
  echo "test.sh: notice: no *.test.mjs files in tests/browser yet"
fi
stage browser node --test tests/browser/

echo "=== all test stages passed ($(fmt_ms $(($(now_ms) - total_start))))"
