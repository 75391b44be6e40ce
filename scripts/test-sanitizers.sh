#!/usr/bin/env bash
# Builds frontline and its tests a second time with AddressSanitizer, UndefinedBehaviorSanitizer and
# LeakSanitizer (-fsanitize=address,undefined -fno-sanitize-recover=all) into build-asan/ and runs the
# test suite there. Fails on any sanitizer report, including one in a process whose exit code a test
# does not look at: reports go to files, which must not exist at the end.
# The `gl` label (Mesa's llvmpipe under Xvfb) runs in a second pass without LeakSanitizer: Mesa's DRI
# driver leaks from a module it has unloaded by exit, which LSan cannot name and so cannot suppress
# narrowly (README, "Sanitizers and fuzzing"). ASan and UBSan stay on for it. The `pg` label (a
# PostgreSQL server, scripts/test-pg.sh) is not run here. Xvfb runs with -noreset (scripts/test.sh says why).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/install-deps.sh"
build="$root/build-asan"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFRONTLINE_SANITIZE=address,undefined > /dev/null

reports="$build/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"
# exitcode 86: a sanitizer failure must not look like frontline's own 1 (check failed) or 2 (bad input).
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:exitcode=86:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:log_path=$reports/asan"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=86:log_path=$reports/ubsan"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
# The build runs the test binaries (gtest_discover_tests), so it is sanitized too.
cmake --build "$build" --parallel "$(nproc)"

cd "$build"
status=0
ctest --output-on-failure --parallel "$(nproc)" --label-exclude '^(gl|pg)$' "$@" || status=$?
export LIBGL_ALWAYS_SOFTWARE=1
ASAN_OPTIONS="${ASAN_OPTIONS/detect_leaks=1/detect_leaks=0}" \
    xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" ctest --output-on-failure --parallel "$(nproc)" --label-regex gl "$@" || status=$?
if compgen -G "$reports/*" > /dev/null; then
    echo "frontline: sanitizer reports:" >&2
    for report in "$reports"/*; do echo "== $report" >&2; cat "$report" >&2; done
    status=1
fi
exit "$status"
