#!/usr/bin/env bash
# Fails when an #include breaks the one-way flow of ../shared/ARCHITECTURE.md:
#   core includes no other room and no C library (GDAL, GEOS, PROJ, SFML, libpng, libpq);
#   geo, io and analysis never include render, export or app; render never export or app;
#   export never app.
# Usage: scripts/check-includes.sh [SRC_DIR]   (default: src/ of this tree)
set -euo pipefail
src="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/src}"
status=0
forbid() {  # ROOM REGEX WHAT
    local room="$1" pattern="$2" what="$3" hits
    [ -d "$src/$room" ] || return 0
    hits="$(grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($pattern)" -r "$src/$room" --include='*.hpp' --include='*.cpp' --include='*.h' || true)"
    if [ -n "$hits" ]; then
        while IFS= read -r hit; do echo "include boundary: ${hit#"$src"/}: $room must not include $what"; done <<< "$hits"
        status=1
    fi
}
forbid core '(geo|io|analysis|render|export|app)/' 'another room'
forbid core '(gdal|ogr|cpl_|geos|proj|SFML/|png|libpq|pg_config)' 'a C library'
for room in geo io analysis; do forbid "$room" '(render|export|app)/' 'render, export or app'; done
forbid render '(export|app)/' 'export or app'
forbid export 'app/' 'app'
[ "$status" -eq 0 ] && echo "include boundaries: ok ($(find "$src" -name '*.[ch]pp' | wc -l) files)"
exit "$status"
