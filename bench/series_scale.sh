#!/usr/bin/env bash
# Issue #12's done-when on a long daily series, side by side with an older binary: 769 daily maps of
# bench/make_front_series.py (3,000-vertex front, >= 96 % of the edges shared day to day) through
#   export FOLDER --out a.mp4 --size 1280x720 --duration 20   (target <= 120 s, <= 800 MB, 20 s of video)
#   view FOLDER --benchmark 30                                 (target: done, load included, in 30 s)
#   export FOLDER --at DATE --out x.png [--no-panel]           (a still: what it measures)
#     BEFORE=/tmp/frontline-before bash bench/series_scale.sh [RUNS=3] [DAYS=769]   (after scripts/build.sh)
# Every run alternates the binaries (and who goes first); wall time and peak RSS are GNU time's for the
# whole process (loading included), under xvfb-run with Mesa llvmpipe; the load average is printed
# with every number, since on a shared machine it says what the number is worth. Medians at the end;
# the last run's MP4 and stills of both binaries are compared byte for byte.
#   STEPS="export view still" (default all), SERIES=/tmp/fs769 (made once, kept), FRONTLINE=binary.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${1:-3}; days=${2:-769}; before=${BEFORE:-}
frontline=${FRONTLINE:-$root/build/src/frontline}
series=${SERIES:-/tmp/fs$days}
steps=${STEPS:-export view still}
still_date=2023-01-15
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
if [ ! -f "$series/.complete" ]; then
  rm -rf "$series"
  python3 "$root/bench/make_front_series.py" "$series" "$days" 3000 1
  touch "$series/.complete"
fi
peers=(after); [ -z "$before" ] || peers+=(before)
binary() { if [ "$1" = after ]; then echo "$frontline"; else echo "$before"; fi; }
load() { cut -d' ' -f1 /proc/loadavg; }
xvfb=(env LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24 -noreset")
# Runs the rest of the line under GNU time; appends "wall peak_MiB load" to $work/$1.
timed() {
  local name=$1; shift
  local l0; l0=$(load)
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/$name.out" 2> "$work/$name.err" ||
    { echo "$name failed:"; tail -5 "$work/$name.err"; exit 1; }
  read -r wall kb < <(tail -1 "$work/time")
  echo "$wall $((kb / 1024)) $l0" >> "$work/$name"
  echo -n " $name ${wall}s ${kb}KB->$((kb / 1024))MiB (load $l0)"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "series: $series ($(ls "$series" | wc -l) files); after: $frontline${before:+; before: $before}"
for ((r = 1; r <= runs; r++)); do
  order=("${peers[@]}")
  if ((r % 2 == 0)) && ((${#peers[@]} == 2)); then order=(before after); fi
  for peer in "${order[@]}"; do
    bin=$(binary "$peer")
    line="run $r $peer:"
    for step in $steps; do
      case $step in
        export)
          rm -f "$work/$peer.mp4"
          line+=$(timed "$peer.export" "${xvfb[@]}" "$bin" export "$series" --out "$work/$peer.mp4" --size 1280x720 \
            --duration 20 -q)
          video=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/$peer.mp4")
          echo "$video" >> "$work/$peer.video"
          line+=" video ${video}s" ;;
        view)
          line+=$(timed "$peer.view" "${xvfb[@]}" "$bin" view "$series" --benchmark 30 -q)
          line+=" [$(grep -o 'p50 [0-9.]*' "$work/$peer.view.out" || true) ms]" ;;
        still)
          line+=$(timed "$peer.still" "${xvfb[@]}" "$bin" export "$series" --out "$work/$peer.png" --at $still_date \
            --size 1280x720 -q)
          line+=$(timed "$peer.still-no-panel" "${xvfb[@]}" "$bin" export "$series" --out "$work/$peer-np.png" \
            --at $still_date --size 1280x720 --no-panel -q) ;;
      esac
    done
    echo "$line"
  done
done
if ((${#peers[@]} == 2)); then
  for f in after.mp4:before.mp4 after.png:before.png after-np.png:before-np.png; do
    a=${f%%:*}; b=${f##*:}
    [ -f "$work/$a" ] || continue
    if cmp -s "$work/$a" "$work/$b"; then echo "$a = $b: identical"; else echo "$a and $b DIFFER"; fi
  done
fi
median() { sort -g | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
for peer in "${peers[@]}"; do
  for name in export view still still-no-panel; do
    f="$work/$peer.$name"; [ -f "$f" ] || continue
    echo "median $peer $name: $(cut -d' ' -f1 "$f" | median) s, peak $(cut -d' ' -f2 "$f" | median) MiB" \
      "(runs: $(cut -d' ' -f1 "$f" | paste -sd' ') s; loads $(cut -d' ' -f3 "$f" | paste -sd' '))"
  done
  [ -f "$work/$peer.video" ] && echo "video $peer: $(paste -sd' ' "$work/$peer.video") s"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
