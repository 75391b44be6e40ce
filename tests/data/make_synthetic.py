#!/usr/bin/env python3
"""Writes the synthetic test scenario and the expected numbers, independently of frontline.

Every shape is a union of lon/lat cells: meridian edges (geodesics) and parallel edges densified every
0.005 degrees, so its area follows from the closed-form area of an ellipsoidal zone,
    A = dlon * b^2/2 * [q(phi2) - q(phi1)],  q(phi) = sin(phi)/(1 - e^2 sin^2 phi) + artanh(e sin phi)/e,
with no GEOS, PROJ or GDAL involved. (The densified parallels deviate from true parallels by under
1e-7 relative in area at these sizes.) Pure Python; run from anywhere:  python3 tests/data/make_synthetic.py
"""
import json
import math
import os

A = 6378137.0
F = 1 / 298.257223563
E2 = F * (2 - F)
E = math.sqrt(E2)
B2 = A * A * (1 - E2)
STEP = 0.005  # degrees between vertices along parallels and meridians

HERE = os.path.dirname(os.path.abspath(__file__))


def q(lat_deg):
    s = math.sin(math.radians(lat_deg))
    return s / (1 - E2 * s * s) + math.atanh(E * s) / E


def cell_km2(w, s, e, n):
    return math.radians(e - w) * B2 / 2 * (q(n) - q(s)) / 1e6


def edge(x0, y0, x1, y1):
    count = max(1, round(max(abs(x1 - x0), abs(y1 - y0)) / STEP))
    return [[round(x0 + (x1 - x0) * i / count, 6), round(y0 + (y1 - y0) * i / count, 6)] for i in range(count)]


def ring(w, s, e, n, ccw=True):
    pts = edge(w, s, e, s) + edge(e, s, e, n) + edge(e, n, w, n) + edge(w, n, w, s)
    if not ccw:
        pts.reverse()
    return pts + [pts[0]]


def feature(fid, polygons, **props):
    """polygons: list of (outer_cell, [hole_cells])."""
    coords = [[ring(*outer)] + [ring(*h, ccw=False) for h in holes] for outer, holes in polygons]
    geometry = {"type": "Polygon", "coordinates": coords[0]} if len(coords) == 1 else {"type": "MultiPolygon", "coordinates": coords}
    return {"type": "Feature", "id": fid, "properties": dict(name=props.pop("name", fid), **props), "geometry": geometry}


def write(path, features):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, separators=(",", ":"))
        f.write("\n")


# The shapes (west, south, east, north).
REGION = (44, 39, 47, 42)
WEST, EAST = (44, 39, 45.5, 42), (45.5, 39, 47, 42)
A_CELL = (44, 40, 46, 41)                        # 2000-01-01
B_OUTER, B_HOLE = (44, 40, 45.5, 41.5), (44.5, 40.5, 45, 41)   # 2001-03-15
C_MAIN, C_ISLAND = (44, 40, 45, 41.5), (46, 41, 46.5, 41.5)    # 2002-07-01
# 2003-01-01: nothing held

area_a = cell_km2(*A_CELL)
area_b = cell_km2(*B_OUTER) - cell_km2(*B_HOLE)
area_c = cell_km2(*C_MAIN) + cell_km2(*C_ISLAND)
# A -> B: gained the strip north of 41N; lost the east strip and the hole.
gain_ab = cell_km2(44, 41, 45.5, 41.5)
lost_ab = cell_km2(45.5, 40, 46, 41) + cell_km2(*B_HOLE)
# B -> C: gained the hole back and the island; lost the strip east of 45E.
gain_bc = cell_km2(*B_HOLE) + cell_km2(*C_ISLAND)
lost_bc = cell_km2(45, 40, 45.5, 41.5)

layers = os.path.join(HERE, "synthetic", "layers")
write(os.path.join(layers, "region.geojson"), [feature("region", [(REGION, [])], name="Test region")])
write(os.path.join(layers, "halves.geojson"), [feature("west", [(WEST, [])], name="West half"),
                                               feature("east", [(EAST, [])], name="East half")])
write(os.path.join(layers, "held_2000.geojson"), [feature("held", [(A_CELL, [])])])
write(os.path.join(layers, "held_2001.geojson"), [feature("held", [(B_OUTER, [B_HOLE])])])
write(os.path.join(layers, "held_2002.geojson"), [feature("held", [(C_MAIN, []), (C_ISLAND, [])])])

# The same states as a series of snapshot files (both file-name date forms, and a date property).
write(os.path.join(HERE, "series", "held_20000101.geojson"), [feature("held", [(A_CELL, [])])])
write(os.path.join(HERE, "series", "held_2001-03-15.geojson"), [feature("held", [(B_OUTER, [B_HOLE])])])
write(os.path.join(HERE, "series", "held_20020701.geojson"), [feature("held", [(C_MAIN, []), (C_ISLAND, [])])])
for name, date, polys in [("a", "2000-01-01", [(A_CELL, [])]), ("b", "2001-03-15", [(B_OUTER, [B_HOLE])]),
                          ("c", "2002-07-01", [(C_MAIN, []), (C_ISLAND, [])])]:
    write(os.path.join(HERE, "series_field", f"snapshot_{name}.geojson"), [feature("held", polys, date=date)])

rows = [("2000-01-01", area_a, None, None, None),
        ("2001-03-15", area_b, gain_ab, lost_ab, gain_ab - lost_ab),
        ("2002-07-01", area_c, gain_bc, lost_bc, gain_bc - lost_bc),
        ("2003-01-01", 0.0, 0.0, area_c, -area_c)]


def fmt(v):
    return "" if v is None else f"{v:.6f}"


expected = os.path.join(HERE, "..", "expected")
os.makedirs(expected, exist_ok=True)
with open(os.path.join(expected, "synthetic_stats.csv"), "w") as f:
    f.write("date,area_km2,gained_km2,lost_km2,net_km2\n")
    for r in rows:
        f.write(",".join([r[0]] + [fmt(v) for v in r[1:]]) + "\n")
with open(os.path.join(expected, "synthetic_series.csv"), "w") as f:
    f.write("date,area_km2,gained_km2,lost_km2,net_km2\n")
    for r in rows[:3]:
        f.write(",".join([r[0]] + [fmt(v) for v in r[1:]]) + "\n")
with open(os.path.join(expected, "synthetic_by_halves_2001.csv"), "w") as f:
    # Held on 2001-03-15 split over the two halves: all of B lies in the west half.
    f.write("feature,feature_km2,held_km2\n")
    f.write(f"west,{cell_km2(*WEST):.6f},{area_b:.6f}\n")
    f.write(f"east,{cell_km2(*EAST):.6f},0.000000\n")
print("area A", area_a, "B", area_b, "C", area_c)
