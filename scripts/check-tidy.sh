#!/usr/bin/env bash
# Fails on a clang-tidy finding (.clang-tidy: bugprone-*, performance-*, each exclusion explained there)
# in src/. Uses build/compile_commands.json, so run it after scripts/build.sh (CI runs it after the
# tests). clang-tidy 14, as Debian 12 ships it; both cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v clang-tidy >/dev/null || bash scripts/install-deps.sh
[ -f build/compile_commands.json ] || bash scripts/build.sh
mapfile -t files < <(git ls-files 'src/*.cpp')
log="$(mktemp "${TMPDIR:-/tmp}/frontline-tidy.XXXXXX")"
trap 'rm -f "$log"' EXIT
# One clang-tidy per file, two at a time; a finding is a "warning:" line under src/.
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 1 clang-tidy -p build --quiet 2>/dev/null > "$log" || true
findings="$(grep -E "^$root/src/.*(warning|error):" "$log" | sort -u || true)"
if [ -n "$findings" ]; then
    echo "$findings" | sed "s|^$root/|tidy: |"
    echo "tidy: $(echo "$findings" | wc -l) findings (details: clang-tidy -p build FILE)"
    exit 1
fi
echo "tidy: ok (${#files[@]} files)"
