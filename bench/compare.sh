#!/usr/bin/env bash
# frontline against the tools analysts use today, side by side in one run (bench/RESULTS.md).
#   bench/compare.sh [N=100 snapshots] [V=5000 vertices] [RUNS=5] [FRAMES=30]   (after scripts/build.sh)
#   PEERS=0 bench/compare.sh 500 …   only frontline and the GDAL limits (the Python peers take minutes at 500)
#   BEFORE=/tmp/frontline-before …    also an older frontline binary, in the same rotation (keep a copy
#                                     of build/src/frontline before changing anything)
#   SERIES=front bench/compare.sh 200 3000 5 0   real-like days (bench/make_front_series.py, seed 1): a
#                                     border, a coast and a front of V vertices, >= 96 % of the edges
#                                     shared from one day to the next; the default, SERIES=random, makes
#                                     snapshots that share no edge (frontline_make_snapshots, seed 42)
#   FRAMES: a 4th argument 0 skips the frames and the microbenchmarks; FRONTLINE=BINARY measures that
#                                     binary instead of build/src/frontline
# Peers (Debian packages): GeoPandas + pyproj, GDAL's SQLite dialect (SpatiaLite ST_Area(geom, 1)),
# matplotlib; the limits: GDAL reading the files computing nothing, PNG encoding of a 1080p frame.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count=${1:-100}; vertices=${2:-5000}; runs=${3:-5}; frames=${4:-30}; peers=${PEERS:-1}; before=${BEFORE:-}
series=${SERIES:-random}
frontline=${FRONTLINE:-$root/build/src/frontline}
python=/usr/bin/python3
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time > /dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }

case "$series" in
  random) "$root/build/bench/frontline_make_snapshots" "$work/s" "$count" "$vertices" 42 ;;
  front) "$python" "$root/bench/make_front_series.py" "$work/s" "$count" "$vertices" 1 ;;
  *) echo "SERIES is random or front, not '$series'" >&2; exit 2 ;;
esac
files=("$work"/s/*.geojson)
{ echo "<OGRVRTDataSource>"; i=0
  for f in "${files[@]}"; do
    echo "<OGRVRTLayer name=\"s$i\"><SrcDataSource>$f</SrcDataSource><SrcLayer>$(basename "$f" .geojson)</SrcLayer></OGRVRTLayer>"
    i=$((i + 1)); done
  echo "</OGRVRTDataSource>"; } > "$work/all.vrt"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; $(date -u +%FT%TZ); $count $series files x $vertices vertices ($(du -sh "$work/s" | cut -f1))"
echo "load at the start: $(uptime | sed 's/.*load average: //')"

# run NAME COMMAND… : one timed run; appends "seconds peak_kib cpu_seconds" to $work/NAME.times (CPU =
# user + system, which other work on the machine disturbs less than the wall time)
run() {
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/$name.last" "$@" > "$work/$name.out" 2> "$work/$name.err" || { cat "$work/$name.err" >&2; exit 1; }
  awk '{print $1, $2, $3 + $4}' "$work/$name.last" >> "$work/$name.times"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

for ((r = 1; r <= runs; r++)); do
  run frontline "$frontline" series --format csv "${files[@]}"
  [ -z "$before" ] || run before "$before" series --format csv "${files[@]}"
  if [ "$peers" = 1 ]; then
    run geopandas "$python" "$root/bench/peers/series_geopandas.py" "${files[@]}"
    run spatialite bash "$root/bench/peers/series_spatialite.sh" "$work/all.vrt" "$count"
  fi
  # The limits: GDAL opening the files (ogrinfo -so scans each file but builds no feature), and GDAL
  # reading every feature with its geometry, printing nothing of it.
  run gdal_open ogrinfo -ro -al -so -q "$work/all.vrt"
  run gdal_read ogrinfo -ro -al -q -geom=NO -fields=NO "$work/all.vrt"
  echo "run $r:$(for p in frontline before geopandas spatialite gdal_open gdal_read; do
    [ -f "$work/$p.last" ] && printf ' %s %s s' "$p" "$(cut -d' ' -f1 "$work/$p.last")"; done)"
done

echo; echo "series: area + gained/lost per date over $count snapshots (median of $runs, alternating)"
printf "%-12s %10s %14s %12s %12s\n" peer seconds peak_MiB "x frontline" cpu_seconds
f=$(cut -d' ' -f1 "$work/frontline.times" | median)
for peer in frontline before geopandas spatialite gdal_open gdal_read; do
  [ -f "$work/$peer.times" ] || continue
  s=$(cut -d' ' -f1 "$work/$peer.times" | median); m=$(cut -d' ' -f2 "$work/$peer.times" | median)
  c=$(cut -d' ' -f3 "$work/$peer.times" | median)
  printf "%-12s %10.2f %14.0f %12.2f %12.2f\n" "$peer" "$s" "$(awk -v k="$m" 'BEGIN {print k / 1024}')" "$(awk -v a="$s" -v b="$f" 'BEGIN {print a / b}')" "$c"
done

d=$(cut -d' ' -f1 "$work/gdal_read.times" | median)
echo "load at the end: $(uptime | sed 's/.*load average: //')"
echo "target: frontline takes $(awk -v a="$f" -v b="$d" 'BEGIN {printf "%.2f", a / b}')x the GDAL read (issue #14: within 1.3x)"
echo "rows: $(($(wc -l < "$work/frontline.out") - 1))"
[ "$peers" = 1 ] || exit 0
g=$(cut -d' ' -f1 "$work/geopandas.times" | median)
echo "target: frontline is $(awk -v a="$g" -v b="$f" 'BEGIN {printf "%.1f", a / b}')x faster than GeoPandas (issue #14: 15x)"

echo; echo "agreement (areas relative, gained/lost absolute km²):"
"$python" - "$work/frontline.out" "$work/geopandas.out" "$work/spatialite.out" <<'PY'
import csv, re, sys
ours = list(csv.DictReader(open(sys.argv[1])))
gpd = list(csv.DictReader(open(sys.argv[2])))
area_rel = max(abs(float(a["area_km2"]) - float(b["area_km2"])) / float(a["area_km2"]) for a, b in zip(ours, gpd))
gl = max(max(abs(float(a[k]) - float(b[k])) for k in ("gained_km2", "lost_km2")) for a, b in list(zip(ours, gpd))[1:])
print(f"  frontline vs geopandas: areas {area_rel:.2e} relative (printed to 1e-3 km2), gained/lost max {gl:.4f} km2 (LAEA planar vs geodesic)")
# SpatiaLite gives NULL for the area of an empty difference: nothing gained.
num = lambda text: 0.0 if text == "(null)" else float(text)
rows = [re.findall(r"= ([0-9.eE+-]+|\(null\))", block) for block in open(sys.argv[3]).read().split("OGRFeature")[1:]]
sl = [num(r[1]) for r in rows]
rel = max(abs(float(a["area_km2"]) - s) / s for a, s in zip(ours, sl))
gains = [(float(a["gained_km2"]), num(r[2]), float(a["lost_km2"]), num(r[3])) for a, r in list(zip(ours, rows))[1:]]
glsl = max(max(abs(g - h), abs(l - m)) for g, h, l, m in gains)
print(f"  frontline vs SpatiaLite: areas {rel:.2e} relative, gained/lost max {glsl:.4f} km2")
PY

[ "$frames" -gt 0 ] || exit 0
echo; echo "frames: $frames PNG frames at 1920x1080, one new state each (median of $runs, alternating)"
# The same snapshots as a scenario: one state per file; one frame per state.
{ echo "[scenario]"; echo "name = \"bench\""; i=0
  for f in "${files[@]:0:$frames}"; do
    d=$(basename "$f" .geojson); d=${d#held_}
    printf '[[layer]]\nid = "s%d"\npath = "%s"\nrole = "control"\n[[state]]\ndate = "%s-%s-%s"\nlayer = "s%d"\n' \
      "$i" "$f" "${d:0:4}" "${d:4:2}" "${d:6:2}" "$i"
    i=$((i + 1)); done; } > "$work/scenario.toml"
# exportRun NAME BINARY: frames/s of the whole process (loading and starting Xvfb included).
exportRun() {
  rm -rf "$work/frames_$1"
  local t0 t1 n
  t0=$(date +%s.%N)
  "$2" export "$work/scenario.toml" --out "$work/frames_$1" --size 1920x1080 --fps 1 --transition 0 --hold 1 -q
  t1=$(date +%s.%N)
  n=$(ls "$work/frames_$1" | wc -l)
  [ "$n" -eq "$frames" ] || { echo "$2 wrote $n frames, not $frames" >&2; exit 1; }
  awk -v a="$t0" -v b="$t1" -v n="$n" 'BEGIN {printf "%.2f\n", n / (b - a)}' >> "$work/fps_$1.times"
}
for ((r = 1; r <= runs; r++)); do
  exportRun frontline "$frontline"
  [ -z "$before" ] || exportRun before "$before"
  rm -rf "$work/mpl"
  "$python" "$root/bench/peers/frames_matplotlib.py" "$work/mpl" "${files[@]:0:$frames}" | grep -Eo '[0-9.]+ frames/s' | cut -d' ' -f1 >> "$work/fps_matplotlib.times"
  echo "run $r:$(for p in frontline before matplotlib; do [ -f "$work/fps_$p.times" ] && printf ' %s %s' "$p" "$(tail -1 "$work/fps_$p.times")"; done) frames/s"
done
m=$(median < "$work/fps_matplotlib.times")
for peer in frontline before matplotlib; do
  [ -f "$work/fps_$peer.times" ] || continue
  v=$(median < "$work/fps_$peer.times")
  printf "%-12s %8.2f frames/s %8.2fx matplotlib\n" "$peer" "$v" "$(awk -v a="$v" -v b="$m" 'BEGIN {print a / b}')"
done
echo "target: 20x matplotlib (issue #7)"
if [ -n "$before" ]; then
  differ=0
  for f in "$work"/frames_frontline/*.png; do cmp -s "$f" "$work/frames_before/$(basename "$f")" || differ=$((differ + 1)); done
  echo "frames differing between before and now: $differ of $frames"
fi
echo; echo "limits: PNG encoding of a 1080p frame and geometry kernels (GoogleBenchmark):"
"$root/build/bench/frontline_micro_bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true 2>/dev/null | grep -E "median|Benchmark"
