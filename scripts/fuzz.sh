#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang-14, ASan and UBSan into build-fuzz/ and runs each
# for SECONDS seconds (default 12) from the seed corpora in tests/fuzz/corpus. New inputs go to
# build-fuzz/corpus/, crashes to build-fuzz/crashes/; any crash fails the script.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET…]   (targets: scenario claims events date expression)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-12}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(scenario claims events date expression)

bash "$root/scripts/install-deps.sh"
if ! dpkg-query -W -f='${Status}' clang-14 libclang-rt-14-dev 2>/dev/null | grep -q "install ok installed"; then
    as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends clang-14 libclang-rt-14-dev
fi
build="$root/build-fuzz"
CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFRONTLINE_FUZZ=ON \
    -DFRONTLINE_TESTS=OFF -DFRONTLINE_SANITIZE=address,undefined,fuzzer-no-link > /dev/null
cmake --build "$build" --parallel "$(nproc)" --target fuzzers

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
mkdir -p "$build/crashes"
export FRONTLINE_FUZZ_SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/frontline-fuzz.XXXXXX")"
trap 'rm -rf "$FRONTLINE_FUZZ_SCRATCH"' EXIT
status=0
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target"
    mkdir -p "$corpus"
    log="$build/fuzz_$target.log"
    if "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
        -artifact_prefix="$build/crashes/$target-" -print_final_stats=1 "$corpus" "$root/tests/fuzz/corpus/$target" > "$log" 2>&1; then
        echo "fuzz_$target: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs in ${seconds} s, no crash, corpus $(ls "$corpus" | wc -l) inputs"
    else
        echo "fuzz_$target: FAILED; log $log" >&2
        grep -E "^==[0-9]+==ERROR|SUMMARY|runtime error|Test unit written" "$log" >&2 || tail -20 "$log" >&2
        status=1
    fi
done
exit "$status"
