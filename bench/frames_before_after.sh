#!/usr/bin/env bash
# Two frontline binaries side by side on the frames benchmark of bench/compare.sh (one 5,000-vertex state
# per frame, 1920x1080 PNGs, --transition 0 --hold 1), runs alternating, medians; with the matplotlib
# peer (bench/peers/frames_matplotlib.py) in the same rotation, and the Tessellate/10000 micro benchmark
# of two frontline_micro_bench binaries when given.
#   bench/frames_before_after.sh OLD_FRONTLINE NEW_FRONTLINE [RUNS=5] [FRAMES=30] [OLD_MICRO NEW_MICRO]
# Keep the old binaries before changing anything: cp build/src/frontline /tmp/frontline-before.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
old=$1; new=$2; runs=${3:-5}; frames=${4:-30}; oldMicro=${5:-}; newMicro=${6:-}
python=/usr/bin/python3
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

# The snapshots and the scenario exactly as bench/compare.sh makes them.
"$root/build/bench/frontline_make_snapshots" "$work/s" 100 5000 42
files=("$work"/s/*.geojson)
{ echo "[scenario]"; echo "name = \"bench\""; i=0
  for f in "${files[@]:0:$frames}"; do
    d=$(basename "$f" .geojson); d=${d#held_}
    printf '[[layer]]\nid = "s%d"\npath = "%s"\nrole = "control"\n[[state]]\ndate = "%s-%s-%s"\nlayer = "s%d"\n' \
      "$i" "$f" "${d:0:4}" "${d:4:2}" "${d:6:2}" "$i"
    i=$((i + 1)); done; } > "$work/scenario.toml"
echo "machine: $(nproc) cores; $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg); $frames frames"

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

# frames/s as compare.sh measures it: whole process, including loading and starting Xvfb.
exportRun() {
  rm -rf "$work/frames"
  local t0 t1
  t0=$(date +%s.%N)
  "$1" export "$work/scenario.toml" --out "$work/frames" --size 1920x1080 --fps 1 --transition 0 --hold 1 -q
  t1=$(date +%s.%N)
  local n; n=$(ls "$work/frames" | wc -l)
  [ "$n" -eq "$frames" ] || { echo "$1 wrote $n frames, not $frames" >&2; exit 1; }
  awk -v a="$t0" -v b="$t1" -v n="$n" 'BEGIN {printf "%.3f %.2f\n", b - a, n / (b - a)}'
}

for ((r = 1; r <= runs; r++)); do
  exportRun "$old" >> "$work/old.times"
  exportRun "$new" >> "$work/new.times"
  rm -rf "$work/mpl"
  "$python" "$root/bench/peers/frames_matplotlib.py" "$work/mpl" "${files[@]:0:$frames}" | grep -Eo '[0-9.]+ frames/s' | cut -d' ' -f1 >> "$work/mpl.times"
  echo "run $r: old $(tail -1 "$work/old.times" | cut -d' ' -f2), new $(tail -1 "$work/new.times" | cut -d' ' -f2)," \
       "matplotlib $(tail -1 "$work/mpl.times") frames/s"
done
# The frames of both binaries, byte for byte (the last run of each).
"$old" export "$work/scenario.toml" --out "$work/old_frames" --size 1920x1080 --fps 1 --transition 0 --hold 1 -q
"$new" export "$work/scenario.toml" --out "$work/new_frames" --size 1920x1080 --fps 1 --transition 0 --hold 1 -q
differ=0
for f in "$work"/old_frames/frame_*.png; do cmp -s "$f" "$work/new_frames/$(basename "$f")" || differ=$((differ + 1)); done

echo; echo "medians of $runs alternating runs:"
printf "%-12s %10s %10s\n" peer seconds frames/s
printf "%-12s %10.2f %10.2f\n" old "$(cut -d' ' -f1 "$work/old.times" | median)" "$(cut -d' ' -f2 "$work/old.times" | median)"
printf "%-12s %10.2f %10.2f\n" new "$(cut -d' ' -f1 "$work/new.times" | median)" "$(cut -d' ' -f2 "$work/new.times" | median)"
printf "%-12s %10s %10.2f\n" matplotlib "" "$(median < "$work/mpl.times")"
echo "frames differing between old and new: $differ of $frames"

if [ -n "$oldMicro" ] && [ -n "$newMicro" ]; then
  echo; echo "Tessellate/10000 (CPU ms per call), $runs alternating runs:"
  for ((r = 1; r <= runs; r++)); do
    for which in old new; do
      binary=$oldMicro; [ "$which" = new ] && binary=$newMicro
      "$binary" --benchmark_filter='^Tessellate/10000$' --benchmark_format=csv 2>/dev/null |
        awk -F, '/^"Tessellate/ {print $4}' >> "$work/micro_$which.times"
    done
  done
  echo "old median $(median < "$work/micro_old.times") ms ($(tr '\n' ' ' < "$work/micro_old.times"))"
  echo "new median $(median < "$work/micro_new.times") ms ($(tr '\n' ' ' < "$work/micro_new.times"))"
fi
