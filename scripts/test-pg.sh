#!/usr/bin/env bash
# Runs the `pg` tests (tests/pg/) against a real PostgreSQL 15 + PostGIS 3 server that lives only for
# this run: installs the server packages if missing (install-deps.sh --pg), builds, creates a cluster
# in a fresh temporary folder, serves it on 127.0.0.1 only on a free port with scram-sha-256 password
# authentication for a test role, exports
#   FRONTLINE_PG="PG:host=127.0.0.1 port=… dbname=frontline user=frontline password=…"
# and runs `ctest -L pg` in build/. The server is stopped and its folder removed on any exit.
# Arguments go to ctest. initdb refuses to run as root, so as root (CI) the server runs as the
# `postgres` user the Debian package creates.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/install-deps.sh" --pg
bash "$root/scripts/build.sh"

bin=/usr/lib/postgresql/15/bin
as_server=()
[ "$(id -u)" -eq 0 ] && as_server=(runuser -u postgres --)

work="$(mktemp -d "${TMPDIR:-/tmp}/frontline-pg.XXXXXX")"
data="$work/data"
started=""
cleanup() {
    # Also a server pg_ctl gave up waiting for: it may still be starting. -m immediate: nothing in
    # this cluster is worth a checkpoint.
    if [ -f "$data/postmaster.pid" ]; then "${as_server[@]}" "$bin/pg_ctl" -D "$data" -m immediate -s stop || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A fresh random password each run: the tests check it never shows in frontline's output.
password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
[ ${#as_server[@]} -eq 0 ] || chown -R postgres: "$work"
# The superuser (the OS user running the server) connects only through the Unix socket in $work
# (peer authentication); TCP on 127.0.0.1 takes passwords only.
"${as_server[@]}" "$bin/initdb" -D "$data" --auth-local=peer --auth-host=scram-sha-256 \
    --no-instructions --no-sync -E UTF8 --locale=C.UTF-8 > "$work/initdb.log" ||
    { cat "$work/initdb.log" >&2; exit 1; }

# A free port: nothing answers on it now. Another process may still take it before the server
# binds, so a failed start tries the next candidate.
port_free() { ! (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    port_free "$port" || continue
    # fsync off: a throwaway cluster needs no durability, and it saves seconds on a shared disk.
    if "${as_server[@]}" "$bin/pg_ctl" -D "$data" -l "$work/server.log" -w -t 60 -s \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$work -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
        start; then
        started=yes
        break
    fi
done
[ -n "$started" ] || { echo "frontline: test-pg: the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
echo "frontline: test-pg: PostgreSQL 15 + PostGIS on 127.0.0.1:$port, cluster in $work" >&2

"${as_server[@]}" "$bin/psql" -h "$work" -p "$port" -d postgres -X -q -v ON_ERROR_STOP=1 > /dev/null <<SQL
CREATE ROLE frontline LOGIN PASSWORD '$password';
CREATE DATABASE frontline OWNER frontline;
\connect frontline
CREATE EXTENSION postgis;
SQL

export FRONTLINE_PG="PG:host=127.0.0.1 port=$port dbname=frontline user=frontline password=$password"
cd "$root/build"
log="$work/ctest.log"
status=0
ctest --output-on-failure --parallel "$(nproc)" --label-regex '^pg$' --no-tests=error "$@" 2>&1 | tee "$log" ||
    status=$?
# Under FRONTLINE_PG no pg test may skip: a skip would hide a test that never talked to the server.
if grep -q 'Skipped' "$log"; then
    echo "frontline: test-pg: tests were skipped although FRONTLINE_PG is set" >&2
    status=1
fi
exit "$status"
