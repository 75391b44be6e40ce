#!/usr/bin/env bash
# Export frames/s of the bundled scenario, whole process, side by side with an older binary (issue #14):
# the 250-frame 1080p animation (--duration 25 --fps 10: every state, its transitions and holds) as a
# PNG sequence and as an MP4. Runs alternate the binaries (and which goes first); medians at the end.
#   BEFORE=/tmp/frontline-before bash bench/export_fps.sh [RUNS=5]   (after scripts/build.sh)
# frames/s = 250 / wall time of `frontline export`, from loading the scenario to the last file written,
# Xvfb started by frontline itself (no DISPLAY), llvmpipe. The load average is printed with every run:
# on a shared machine it says what the numbers are worth.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${1:-5}; before=${BEFORE:-}
frontline="$root/build/src/frontline"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
frames=250
args=("$root/geodata/karabakh" --size 1920x1080 --duration 25 --fps 10 -q)
peers=(after); [ -z "$before" ] || peers+=(before)
binary() { if [ "$1" = after ]; then echo "$frontline"; else echo "$before"; fi; }
load() { cut -d' ' -f1 /proc/loadavg; }

echo "machine: $(nproc) cores; $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "after: $frontline${before:+; before: $before}"
for ((r = 1; r <= runs; r++)); do
  order=("${peers[@]}")
  # Alternate who goes first, so that a change of load during a run does not favour one binary.
  if ((r % 2 == 0)) && ((${#peers[@]} == 2)); then order=(before after); fi
  line="run $r:"
  for peer in "${order[@]}"; do
    for kind in png mp4; do
      out="$work/$peer-frames"; [ "$kind" = mp4 ] && out="$work/$peer.mp4"
      rm -rf "$out"
      l0=$(load); t0=$(date +%s.%N)
      env -u DISPLAY LIBGL_ALWAYS_SOFTWARE=1 "$(binary "$peer")" export "${args[@]}" --out "$out"
      t1=$(date +%s.%N)
      fps=$(awk -v a="$t0" -v b="$t1" -v n="$frames" 'BEGIN {printf "%.2f", n / (b - a)}')
      echo "$fps" >> "$work/$peer.$kind.fps"
      line+=" $peer $kind $fps (load $l0)"
    done
  done
  echo "$line"
done
# The last runs' outputs of both binaries, compared: the frames must be the same.
if ((${#peers[@]} == 2)); then
  same=yes
  for f in "$work"/after-frames/*.png; do cmp -s "$f" "$work/before-frames/$(basename "$f")" || same=no; done
  cmp -s "$work/after.mp4" "$work/before.mp4" || same="$same (PNG), MP4 differs"
  echo "outputs identical: $same"
fi
median() { sort -g | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
for peer in "${peers[@]}"; do
  for kind in png mp4; do
    echo "median $peer $kind: $(median < "$work/$peer.$kind.fps") frames/s ($(paste -sd' ' "$work/$peer.$kind.fps"))"
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
