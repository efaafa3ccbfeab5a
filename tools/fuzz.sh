#!/usr/bin/env bash
# Runs every libFuzzer target briefly (CI runs it after the tests): builds them with clang-14, AddressSanitizer and
# UndefinedBehaviorSanitizer into build-fuzz/, then fuzzes each for SECONDS (default 20) from a copy of its
# checked-in corpus. Exits non-zero, leaving the crashing input in build-fuzz/findings/, when a target fails.
#
#   tools/fuzz.sh [SECONDS]
#
# Needs clang-14 and libclang-rt-14-dev (tools/setup.sh installs them).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${LIYUAN_FUZZ_BUILD_DIR:-$root/build-fuzz}
seconds=${1:-20}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DLIYUAN_FUZZ=ON >/dev/null
fi
cmake --build "$build" --target fuzz_scene_parser fuzz_pack_reader -- --quiet

findings="$build/findings"
mkdir -p "$findings"
run_target() {
  local target=$1 corpus=$2
  shift 2
  local work
  work=$(mktemp -d)
  cp "$corpus"/* "$work"/
  echo "liyuan-fuzz: $target for ${seconds}s"
  if ! (cd "$findings" && "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 "$@" "$work" 2>"$findings/$target.log"); then
    tail -n 40 "$findings/$target.log"
    echo "liyuan-fuzz: $target failed; the input is in $findings"
    rm -rf "$work"
    return 1
  fi
  grep -E "stat::number_of_executed_units|cov:" "$findings/$target.log" | tail -n 2 || true
  rm -rf "$work"
}
run_target fuzz_scene_parser "$root/tests/fuzz/corpus" -max_len=4096 -dict="$root/tests/fuzz/scene.dict"
run_target fuzz_pack_reader "$root/tests/fuzz/pack_reader_corpus"
