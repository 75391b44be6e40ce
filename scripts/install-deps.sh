#!/usr/bin/env bash
# Installs the Debian 12 packages frontline needs, only those missing. Needs root (or sudo).
# --pg adds the PostgreSQL 15 server with PostGIS 3 that scripts/test-pg.sh starts for the `pg` tests;
# the build and the other tests never need them.
# Usage: install-deps.sh [--pg]
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config clang-format clang-tidy
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-data
  libsfml-dev libx11-dev libpng-dev libfontconfig-dev fonts-dejavu-core
  libgtest-dev libgmock-dev libbenchmark-dev
  libcli11-dev libtomlplusplus-dev nlohmann-json3-dev libfmt-dev
  libglu1-mesa-dev ffmpeg libavformat-dev libavcodec-dev libswscale-dev libavutil-dev
  xvfb xauth libgl1-mesa-dri
)
if [ "${1:-}" = "--pg" ]; then
  packages+=(postgresql-15 postgresql-client-15 postgresql-15-postgis-3)
elif [ $# -gt 0 ]; then
  echo "usage: install-deps.sh [--pg]" >&2
  exit 2
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "frontline: installing ${missing[*]}" >&2
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
