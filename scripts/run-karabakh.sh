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
