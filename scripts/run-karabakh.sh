#!/usr/bin/env bash
# The main job on the bundled Karabakh scenario: set up, build, then measure the control states and
# check the published claims against the geometry.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/build.sh"
frontline="$root/build/src/frontline"
scenario="$root/geodata/karabakh"

echo; echo "== Armenian-held area per control state (km², geodesic WGS84) =="
"$frontline" stats "$scenario"
echo; echo "== Published claims checked against the geometry and the timeline =="
"$frontline" check "$scenario"
echo; echo "== Calibration against official areas =="
"$frontline" check "$scenario" --calibration
echo; echo "== The animated map, 1994 → 2023 (headless: Xvfb is started when there is no display) =="
mkdir -p "$root/out"
"$frontline" export "$scenario" --out "$root/out/karabakh-2020-11-10.png" --at 2020-11-10 --size 1920x1080
"$frontline" export "$scenario" --out "$root/out/karabakh.mp4" --size 1280x720
echo "wrote $root/out/karabakh-2020-11-10.png and $root/out/karabakh.mp4"
