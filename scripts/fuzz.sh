#!/usr/bin/env bash
# Fuzzes the interpreter (tests/fuzz/fuzz_py.cpp) with libFuzzer under ASan and
# UBSan for SECONDS (default 60), starting from the conformance corpus.
#
#   bash scripts/fuzz.sh [SECONDS]
#
# Builds build/fuzz (clang++-14, every source instrumented) incrementally; keeps
# what libFuzzer finds in build/fuzz/corpus and any crashing input in
# build/fuzz/artifacts. Prints libFuzzer's final line: runs, coverage, exec/s.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-60}
dir=build/fuzz
if ! command -v clang++-14 >/dev/null 2>&1; then
  echo "fuzz.sh: clang++-14 is missing (Debian package clang-14): cannot fuzz" >&2
  exit 1
fi
if [[ ! -f $dir/build.ninja && ! -f $dir/Makefile ]]; then
  generator=()
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  CXX=clang++-14 cmake -S . -B "$dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DNL_FUZZ=ON \
    "-DCMAKE_CXX_FLAGS=-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined" \
    >/dev/null
fi
cmake --build "$dir" --target nlpy_fuzz -j"${NL_BUILD_JOBS:-2}"
mkdir -p "$dir/corpus" "$dir/seeds" "$dir/artifacts"
# Seeds: every program of the corpus (limits/ too: they must stop here as well).
for program in tests/py/*/*.py; do
  area=${program#tests/py/}
  cp "$program" "$dir/seeds/${area//\//_}"
done
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
"$dir/nlpy_fuzz" -max_total_time="$seconds" -max_len=8192 -timeout=20 -rss_limit_mb=3072 \
  -artifact_prefix="$dir/artifacts/" -print_final_stats=1 "$dir/corpus" "$dir/seeds" 2>&1 |
  tee "$dir/last-run.log" | grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' | tail -n 3
grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb' "$dir/last-run.log" || true
