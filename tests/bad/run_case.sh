#!/usr/bin/env bash
# Runs one case of cases.tsv: the command must end with the expected exit code, print the expected
# fragment on stderr ("-": nothing at all; $BAD and $DATA in it are expanded), print nothing on stderr that is not frontline's own
# ("frontline: …" lines: no GDAL/PROJ/ffmpeg chatter, no "terminate called", no sanitizer report), and
# leave no temporary or partial file in its working folder.
# Usage: run_case.sh FRONTLINE CASES_TSV NAME
set -uo pipefail
frontline="$(realpath "$1")" cases="$2" name="$3"
BAD="$(cd "$(dirname "$cases")" && pwd)"
DATA="$(cd "$BAD/../data" && pwd)"
line="$(awk -F'\t' -v n="$name" '$1 == n' "$cases")"
[ -n "$line" ] || { echo "no case '$name' in $cases"; exit 1; }
IFS=$'\t' read -r _ expected_exit _ fragment command <<< "$line"

fragment="${fragment//\$BAD/$BAD}"
fragment="${fragment//\$DATA/$DATA}"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/frontline-bad-$name.XXXXXX")"
trap 'rm -rf "$OUT"' EXIT
export FRONTLINE="$frontline" BAD DATA OUT
cd "$OUT"
bash -c "$command" > "$OUT/.stdout" 2> "$OUT/.stderr"
code=$?
stderr="$(cat "$OUT/.stderr")"
rm -f "$OUT/.stdout" "$OUT/.stderr"

fail() {
    echo "case $name: $1"
    echo "command: $command"
    echo "exit code: $code (expected $expected_exit)"
    echo "stderr:"; echo "$stderr" | sed 's/^/  | /'
    exit 1
}
[ "$code" = "$expected_exit" ] || fail "wrong exit code"
if [ "$fragment" = "-" ]; then
    [ -z "$stderr" ] || fail "expected nothing on stderr"
else
    grep -qF -- "$fragment" <<< "$stderr" || fail "stderr lacks: $fragment"
fi
if [ -n "$stderr" ] && grep -qv '^frontline: ' <<< "$stderr"; then fail "stderr has lines that are not frontline's own"; fi
leftovers="$(find "$OUT" -name '*.tmp-*' -o -name '*.partial-*' -o -name '*.palette.png')"
[ -z "$leftovers" ] || fail "left temporary files: $leftovers"
echo "case $name: ok"
