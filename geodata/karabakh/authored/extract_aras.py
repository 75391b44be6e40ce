#!/usr/bin/python3
"""One-off extraction of the TRIPP/Zangezur reference line (not run by compose.py).

Needs Debian `gmt` and `gmt-gshhg-high` (GSHHG 2.3.7, LGPL-3+) and npm world-atlas@2.0.2
(countries-10m, Natural Earth 10m, public domain) converted as in shared/DATA.md section 6 step 1.
Writes authored/tripp_aras.geojson: the GSHHG-high Aras river line from the point nearest to
Aghband to the point nearest to the Armenia-Nakhchivan-Iran tripoint of Natural Earth.

usage: extract_aras.py COUNTRIES_GEOJSON  (run from this folder)
"""
import json, subprocess, sys
from shapely.geometry import LineString, Point, box, shape
from shapely.ops import linemerge, unary_union, substring

AGHBAND = (46.567, 38.90)              # [46] (lon, lat)
BBOX = (45.95, 38.75, 46.70, 39.05)

def gshhg_aras():
    txt = subprocess.run(["gmt", "coast", "-R45.9/46.7/38.7/39.1", "-Dh", "-Ia", "-M"],
                         check=True, capture_output=True, text=True).stdout
    segs, cur = [], []
    for line in txt.splitlines():
        if line.startswith(">"):
            if len(cur) > 1:
                segs.append(LineString(cur))
            cur = []
        else:
            x, y = map(float, line.split()[:2])
            cur.append((x, y))
    if len(cur) > 1:
        segs.append(LineString(cur))
    bb = box(*BBOX)
    m = linemerge(unary_union([s.intersection(bb) for s in segs if s.intersects(bb)]))
    parts = list(m.geoms) if m.geom_type == "MultiLineString" else [m]
    return max(parts, key=lambda p: p.length)          # the Aras is the long one

def main():
    countries = {f["properties"]["name"]: shape(f["geometry"])
                 for f in json.load(open(sys.argv[1]))["features"]}
    shared = countries["Armenia"].boundary.intersection(countries["Iran"].boundary)
    shared = linemerge(shared) if shared.geom_type == "MultiLineString" else shared
    ends = [Point(shared.coords[0]), Point(shared.coords[-1])]
    west = min(ends, key=lambda p: p.x)                 # tripoint with Nakhchivan
    east = max(ends, key=lambda p: p.x)                 # tripoint with mainland Azerbaijan
    aras = gshhg_aras()
    a = aras.project(Point(AGHBAND)); w = aras.project(west); e = aras.project(east)
    line = substring(aras, min(a, w), max(a, w))
    if line.coords[0][0] < line.coords[-1][0]:          # run east -> west, Aghband first
        line = LineString(list(line.coords)[::-1])
    coords = [[round(x, 6), round(y, 6)] for x, y in line.coords]
    fc = {"type": "FeatureCollection", "name": "tripp_aras", "features": [{
        "type": "Feature", "id": "aras-aghband-nakhchivan",
        "properties": {
            "id": "aras-aghband-nakhchivan",
            "name": "Aras (GSHHG-high river line) from Aghband to the Armenia-Nakhchivan-Iran tripoint",
            "source": "GSHHG 2.3.7 high (LGPL-3+); tripoints: Natural Earth 10m via world-atlas@2.0.2; Aghband [46]",
            "uncertainty_m": "3000",
            "east_tripoint": "%.6f,%.6f" % (east.x, east.y),
            "west_tripoint": "%.6f,%.6f" % (west.x, west.y),
            "method": "gmt coast -Dh -Ia river segments, clipped to 45.95-46.70E 38.75-39.05N, line-merged; cut between the projections of Aghband and of the NE Armenia/Nakhchivan/Iran tripoint onto the river."},
        "geometry": {"type": "LineString", "coordinates": coords}}]}
    s = json.dumps(fc, ensure_ascii=False, separators=(",", ":"))
    open("tripp_aras.geojson", "w", encoding="utf-8").write(s + "\n")

if __name__ == "__main__":
    main()
