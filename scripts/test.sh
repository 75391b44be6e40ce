#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite (CTest + GoogleTest). OpenGL tests run under a virtual
# X display with Mesa's software renderer. The `pg` label needs a PostgreSQL server: scripts/test-pg.sh
# runs it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/build.sh"
cd "$root/build"
export LIBGL_ALWAYS_SOFTWARE=1
xvfb-run -a -s "-screen 0 1920x1080x24" ctest --output-on-failure --parallel "$(nproc)" --label-exclude '^pg$' "$@"
