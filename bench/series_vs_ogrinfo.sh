#!/usr/bin/env bash
# `frontline series` on N daily snapshots of V vertices, next to the read limit: GDAL's ogrinfo
# summarising the same files (-al -so parses every file in full, computing nothing). Runs alternate,
# RUNS each; prints every time and the medians and their ratio.
#   bench/series_vs_ogrinfo.sh [N=500] [V=5000] [RUNS=5]      (after scripts/build.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count=${1:-500}; vertices=${2:-5000}; runs=${3:-5}
per_file=${PER_FILE:-0}   # PER_FILE=1 also times one ogrinfo process per file (slow: process start-up dominates)
frontline="$root/build/src/frontline"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

"$root/build/bench/frontline_make_snapshots" "$work/snapshots" "$count" "$vertices" 42
files=("$work"/snapshots/*.geojson)
# One ogrinfo process over all files, through a VRT that lists each file as a layer.
{
  echo "<OGRVRTDataSource>"
  i=0; for f in "${files[@]}"; do
    echo "<OGRVRTLayer name=\"s$i\"><SrcDataSource>$f</SrcDataSource><SrcLayer>$(basename "$f" .geojson)</SrcLayer></OGRVRTLayer>"
    i=$((i+1))
  done
  echo "</OGRVRTDataSource>"
} > "$work/all.vrt"
echo "$count files, $vertices vertices each, $(du -sh "$work/snapshots" | cut -f1); $(nproc) cores; $(date -u +%F)"

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
declare -a series_t ogr_one_t ogr_each_t
for ((r = 0; r < runs; r++)); do
  t0=$(now); "$frontline" series --format csv "${files[@]}" > "$work/series.csv"; t1=$(now)
  series_t+=("$(awk -v a="$t0" -v b="$t1" "BEGIN {print b - a}")")
  t0=$(now); ogrinfo -ro -al -so -q "$work/all.vrt" > /dev/null; t1=$(now)
  ogr_one_t+=("$(awk -v a="$t0" -v b="$t1" "BEGIN {print b - a}")")
  if [ "$per_file" = 1 ]; then
    t0=$(now); for f in "${files[@]}"; do ogrinfo -ro -al -so -q "$f" > /dev/null; done; t1=$(now)
  else
    t0=0; t1=0
  fi
  ogr_each_t+=("$(awk -v a="$t0" -v b="$t1" "BEGIN {print b - a}")")
  echo "run $((r+1)): series ${series_t[-1]} s, ogrinfo (one process) ${ogr_one_t[-1]} s, ogrinfo (per file) ${ogr_each_t[-1]} s"
done
s=$(printf '%s\n' "${series_t[@]}" | median)
o=$(printf '%s\n' "${ogr_one_t[@]}" | median)
e=$(printf '%s\n' "${ogr_each_t[@]}" | median)
echo "median: frontline series $s s | ogrinfo -al -so, one process $o s | ogrinfo per file $e s"
echo "ratio series / ogrinfo one process: $(awk -v a="$s" -v b="$o" "BEGIN {printf \"%.2f\", a / b}")"
echo "rows: $(($(wc -l < "$work/series.csv") - 1))"
