#!/usr/bin/env python3
"""The series job as an analyst would script it: GeoPandas reads each snapshot, pyproj.Geod gives the
geodesic area on WGS84, gained/lost come from overlays in an equal-area CRS (LAEA on the data).
Prints the same CSV as `frontline series --format csv`.   series_geopandas.py FILE...
(Debian: python3-geopandas, python3-pyproj; run with /usr/bin/python3.)"""
import re
import sys

import geopandas as gpd
import pyproj
from shapely.ops import unary_union

geod = pyproj.Geod(ellps="WGS84")
date_re = re.compile(r"(\d{4}-\d{2}-\d{2}|\d{8})")


def iso(text):
    return text if "-" in text else f"{text[:4]}-{text[4:6]}-{text[6:]}"


snapshots = []
for path in sys.argv[1:]:
    frame = gpd.read_file(path)
    held = unary_union(frame.geometry.values)
    snapshots.append((iso(date_re.search(path.rsplit("/", 1)[-1]).group(1)), held))
snapshots.sort(key=lambda s: s[0])

centre = snapshots[0][1].centroid
laea = pyproj.CRS.from_proj4(f"+proj=laea +lat_0={centre.y} +lon_0={centre.x} +datum=WGS84 +units=m")
projected = gpd.GeoSeries([s[1] for s in snapshots], crs="EPSG:4326").to_crs(laea)

print("date,area_km2,gained_km2,lost_km2,net_km2")
previous_area = None
for i, (date, held) in enumerate(snapshots):
    area = abs(geod.geometry_area_perimeter(held)[0]) / 1e6
    if i == 0:
        print(f"{date},{area:.3f},,,")
    else:
        gained = projected.iloc[i].difference(projected.iloc[i - 1]).area / 1e6
        lost = projected.iloc[i - 1].difference(projected.iloc[i]).area / 1e6
        print(f"{date},{area:.3f},{gained:.3f},{lost:.3f},{area - previous_area:.3f}")
    previous_area = area
