#!/usr/bin/env bash
# Areas with GDAL's SQLite dialect (SpatiaLite ST_Area(geometry, 1): on the ellipsoid), one ogrinfo
# process over a VRT of all files; gained/lost with ST_Difference of consecutive layers.
#   series_spatialite.sh VRT_FILE LAYER_COUNT
set -euo pipefail
vrt=$1; count=$2
sql="SELECT 0 AS i, ST_Area(geometry, 1) / 1e6 AS area_km2, NULL AS gained_km2, NULL AS lost_km2 FROM s0"
for ((i = 1; i < count; i++)); do
  sql+=" UNION ALL SELECT $i, (SELECT ST_Area(geometry, 1) / 1e6 FROM s$i),"
  sql+=" (SELECT ST_Area(ST_Difference(b.geometry, a.geometry), 1) / 1e6 FROM s$i b, s$((i - 1)) a),"
  sql+=" (SELECT ST_Area(ST_Difference(a.geometry, b.geometry), 1) / 1e6 FROM s$i b, s$((i - 1)) a)"
done
ogrinfo -ro -q -dialect SQLite -sql "$sql" "$vrt"
