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

# Places (a point file for --places): which state holds each follows from the boxes alone.
PLACES = [("core", "Core", 44.25, 40.25), ("hole", "Hole", 44.75, 40.75), ("edge", "Edge", 45.55, 40.5),
          ("north", "North", 44.25, 41.25), ("island", "Island", 46.25, 41.25), ("far", "Far", 47.5, 39.5),
          ("rim", "Rim", 46.0, 40.5)]  # rim: on A's east side
write(os.path.join(HERE, "places", "towns.geojson"),
      [{"type": "Feature", "id": pid, "properties": {"name": name, "name_alt": pid.upper()},
        "geometry": {"type": "Point", "coordinates": [x, y]}} for pid, name, x, y in PLACES])


def inside(box, x, y):  # the outline counts as inside
    w, s, e, n = box
    return w <= x <= e and s <= y <= n


def on_outline(box, x, y):
    w, s, e, n = box
    return inside(box, x, y) and (x in (w, e) or y in (s, n))


# Each state as (outer boxes, holes, uncertainty km); held_2002 states 1000 m, the others none.
STATES = [("2000-01-01", [A_CELL], [], 0.0), ("2001-03-15", [B_OUTER], [B_HOLE], 0.0),
          ("2002-07-01", [C_MAIN, C_ISLAND], [], 1.0), ("2003-01-01", [], [], 0.0)]


def held(state, x, y):
    _, outers, holes, _ = state
    in_hole = any(inside(h, x, y) and not on_outline(h, x, y) for h in holes)
    return any(inside(b, x, y) for b in outers) and not in_hole


def on_line(state, x, y):
    # Every side of these boxes is front (no reference lines). Distances in km from degrees, which is
    # plenty here: no place is within 5 km of a side but the rim, which is on one.
    _, outers, holes, u = state
    km_lon, km_lat = 111.32 * math.cos(math.radians(y)), 110.6
    for w, s, e, n in outers + holes:
        d = min([abs(x - v) * km_lon for v in (w, e) if s <= y <= n] +
                [abs(y - v) * km_lat for v in (s, n) if w <= x <= e] +
                [math.hypot((x - cx) * km_lon, (y - cy) * km_lat) for cx in (w, e) for cy in (s, n)])
        if d <= u:
            return True
    return False


with open(os.path.join(expected, "synthetic_places_timeline.csv"), "w") as f:
    f.write("place,name_alt,held_at_start,changes,held_at_end\n")
    rows = []
    for pid, name, x, y in PLACES:
        changes = []
        for before, after in zip(STATES, STATES[1:]):
            if held(before, x, y) != held(after, x, y):
                line = on_line(before, x, y) or on_line(after, x, y)
                changes.append(after[0] + (" gained" if held(after, x, y) else " lost") + (" (on the line)" if line else ""))
        if changes:
            yes = lambda v: "yes" if v else "no"
            rows.append(f"{name},{pid.upper()},{yes(held(STATES[0], x, y))},{'; '.join(changes)},{yes(held(STATES[-1], x, y))}\n")
    f.writelines(sorted(rows))

# Every state's held area split over the halves, with a total row per date.
with open(os.path.join(expected, "synthetic_by_halves.csv"), "w") as f:
    f.write("date,feature,feature_km2,held_km2\n")
    for date, outers, holes, _ in STATES:
        total = 0.0
        for fid, half in (("west", WEST), ("east", EAST)):
            def clip(b):
                w, s, e, n = max(b[0], half[0]), max(b[1], half[1]), min(b[2], half[2]), min(b[3], half[3])
                return cell_km2(w, s, e, n) if w < e and s < n else 0.0
            km2 = sum(clip(b) for b in outers) - sum(clip(h) for h in holes)
            total += km2
            f.write(f"{date},{fid},{cell_km2(*half):.6f},{km2:.6f}\n")
        f.write(f"{date},total,{cell_km2(*REGION):.6f},{total:.6f}\n")
# diff --by halves from A to B: gained the north strip (west half), lost the hole (west) and the east strip.
with open(os.path.join(expected, "synthetic_diff_by_halves.csv"), "w") as f:
    f.write("feature,gained_km2,lost_km2,net_km2\n")
    west_gain, west_loss, east_loss = cell_km2(44, 41, 45.5, 41.5), cell_km2(*B_HOLE), cell_km2(45.5, 40, 46, 41)
    f.write(f"west,{west_gain:.6f},{west_loss:.6f},{west_gain - west_loss:.6f}\n")
    f.write(f"east,0.000000,{east_loss:.6f},{-east_loss:.6f}\n")
    f.write("outside,0.000000,0.000000,0.000000\n")
    f.write(f"total,{gain_ab:.6f},{lost_ab:.6f},{gain_ab - lost_ab:.6f}\n")
print("area A", area_a, "B", area_b, "C", area_c)
