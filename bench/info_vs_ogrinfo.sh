#!/usr/bin/env bash
# `frontline info FILE` against `ogrinfo -al FILE > /dev/null` (issue #14, item 5): wall time and peak RSS,
# the peers run alternately, RUNS times each, medians reported. The machine is shared, so the load
# average is printed before and after.
#
#   bench/info_vs_ogrinfo.sh [FILE] [RUNS]
#
# FILE defaults to /tmp/districts100.geojson, written by bench/make_districts.py (100 MB) when missing;
# RUNS defaults to 3. FRONTLINE names the binary (default build/src/frontline); BEFORE, when set, names
# a second frontline binary (e.g. a build of the commit before) run in the same rotation.
# Needs GNU time (/usr/bin/time; Debian: apt-get install time) and ogrinfo (gdal-bin).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
file=${1:-/tmp/districts100.geojson}
runs=${2:-3}
frontline=${FRONTLINE:-$here/../build/src/frontline}
before=${BEFORE:-}

for tool in /usr/bin/time ogrinfo "$frontline" ${before:+"$before"}; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done
if [[ ! -f $file ]]; then
    /usr/bin/python3 "$here/make_districts.py" "$file" 100
fi

declare -A peers=([info]="$frontline info $file" [ogrinfo]="ogrinfo -al $file")
order=(info ogrinfo)
if [[ -n $before ]]; then
    peers[before]="$before info $file"
    order=(info before ogrinfo)
fi

log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

echo "file: $file ($(du -m "$file" | cut -f1) MB), $runs runs each, alternating"
echo "load at start: $(uptime)"
for ((run = 1; run <= runs; ++run)); do
    for peer in "${order[@]}"; do
        # shellcheck disable=SC2086  # the command line is split on purpose
        /usr/bin/time -v -o "$log/$peer.$run" ${peers[$peer]} >/dev/null
        seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0;
                  for (i = 1; i <= n; ++i) s = s * 60 + t[i]; print s}' "$log/$peer.$run")
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log/$peer.$run")
        echo "$seconds $kb" >>"$log/$peer"
        printf '  run %d %-8s %7.2f s %6d MiB   load %s\n' "$run" "$peer" "$seconds" $((kb / 1024)) \
            "$(cut -d' ' -f1-3 /proc/loadavg)"
    done
done
echo "load at end: $(uptime)"

median() { sort -g | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
ogrSeconds=$(cut -d' ' -f1 "$log/ogrinfo" | median)
echo
echo "| peer | median s | median peak MiB | × ogrinfo time |"
echo "|---|---:|---:|---:|"
for peer in "${order[@]}"; do
    seconds=$(cut -d' ' -f1 "$log/$peer" | median)
    mib=$(cut -d' ' -f2 "$log/$peer" | median | awk '{printf "%d", $1 / 1024}')
    printf '| %s | %.2f | %s | %.2f |\n' "$peer" "$seconds" "$mib" "$(awk -v a="$seconds" -v b="$ogrSeconds" 'BEGIN {print a / b}')"
done
