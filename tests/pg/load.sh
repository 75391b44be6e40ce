#!/usr/bin/env bash
# The set-up of the `pg` tests (a CTest fixture): loads tests/data layers into the PostGIS database of
# $FRONTLINE_PG ("PG:host=… port=… dbname=… user=… password=…", keyword form) with ogr2ogr, replacing
# the tables an earlier run left. Skips (exit 77) when FRONTLINE_PG is not set; fails when it is set
# and the server cannot be reached.
# Usage: load.sh TEST_DATA_DIR
set -euo pipefail
if [ -z "${FRONTLINE_PG:-}" ]; then
    echo "FRONTLINE_PG is not set (scripts/test-pg.sh starts a server and sets it)"
    exit 77
fi
data="$1"
# ogr2ogr and psql would wait for ever on a server that accepts and never answers.
export PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-10}"

# Geometry column `geom` for every table, so that the tests' own SQL can name it.
load() { ogr2ogr -f PostgreSQL "$FRONTLINE_PG" "$1" -nln "$2" -overwrite -lco GEOMETRY_NAME=geom "${@:3}"; }

for year in 2000 2001 2002; do load "$data/synthetic/layers/held_$year.geojson" "held_$year"; done
# The GeoJSON driver types the ISO strings of "date" as OFTDate: the columns are of SQL type date.
for snapshot in a b c; do load "$data/series_field/snapshot_$snapshot.geojson" "snapshot_$snapshot"; done
# The same polygon stored projected: ogr2ogr moves the vertices, frontline must move them back.
load "$data/synthetic/layers/held_2000.geojson" held_2000_3857 -t_srs EPSG:3857
load "$data/synthetic/layers/held_2000.geojson" held_2000_utm -t_srs EPSG:32638

# SRID 0: a geometry column that declares no CRS at all.
psql "${FRONTLINE_PG#PG:}" -X -q -v ON_ERROR_STOP=1 <<'SQL'
DROP TABLE IF EXISTS no_srid;
CREATE TABLE no_srid AS SELECT id, ST_SetSRID(geom, 0)::geometry(Polygon, 0) AS geom FROM held_2000;
-- Edges of 15-22 degrees, where the geodesic and the straight lon/lat line are far apart.
DROP TABLE IF EXISTS long_edges;
CREATE TABLE long_edges AS
    SELECT 1 AS id, ST_GeomFromText('POLYGON((30 30, 52 31, 49 46, 28 44, 30 30))', 4326)::geometry(Polygon, 4326) AS geom;
SQL
echo "loaded 10 tables"
