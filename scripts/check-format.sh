#!/usr/bin/env bash
# Fails when a C++ file of src/, tests/ or bench/ does not follow .clang-format (clang-format 14, as
# Debian 12 ships it). `scripts/check-format.sh --fix` rewrites them instead.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v clang-format >/dev/null || bash scripts/install-deps.sh
mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'bench/*.hpp')
if [ "${1:-}" = "--fix" ]; then
    clang-format -i "${files[@]}"
    exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}" 2> /tmp/frontline-format.$$; then
    grep -E "error:" /tmp/frontline-format.$$ | sed 's/^/format: /' | head -50
    echo "format: $(grep -c 'error:' /tmp/frontline-format.$$) findings; run scripts/check-format.sh --fix"
    rm -f /tmp/frontline-format.$$
    exit 1
fi
rm -f /tmp/frontline-format.$$
echo "format: ok (${#files[@]} files)"
