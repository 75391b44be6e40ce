#!/usr/bin/env python3
"""Writes a daily series of snapshots shaped like real control maps, one GeoJSON file per date:

    make_front_series.py OUT_DIR DAYS [VERTICES] [SEED] [CONTEXT_FILE]

The held area is bounded by a straight national border on the west (long edges, few vertices), a
coast on the south (long, gently curving edges) and a front of VERTICES vertices. Each day one or two
stretches of the front (at most 4 % of its vertices) advance or fall back by up to 3 km; everything
else is the day before's, vertex for vertex, as in the daily maps analysts trace (>= 96 % of the
edges shared with the day before).
Files are held_YYYYMMDD.geojson from 2022-03-01; CONTEXT_FILE, when given, gets the border and the
coast as lines (the reference lines of the front). Deterministic for a seed. Standard library only.
"""
import datetime
import json
import math
import os
import random
import sys


def main():
    out, days = sys.argv[1], int(sys.argv[2])
    vertices = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    os.makedirs(out, exist_ok=True)
    west, south, north = 36.0, 46.5, 50.0  # border along 36°E, coast near 46.5°N
    km_lon = 111.32 * math.cos(math.radians(48.0))
    # The front runs from the border's north end to the coast, bulging east.
    front = []
    for i in range(vertices):
        t = i / (vertices - 1)
        lat = north - t * (north - south)
        bulge = 2.2 * math.sin(math.pi * t) + 0.15 * math.sin(11 * math.pi * t) + 0.03 * math.sin(97 * math.pi * t)
        front.append([west + 0.3 + bulge, lat])
    # The coast: a long edge every ~20 km back to the border, with a gentle curve.
    steps = 12
    start = front[-1][0]
    coast = [[start - (start - west) * k / steps, south - 0.08 * math.sin(math.pi * k / steps)] for k in range(1, steps)]
    if len(sys.argv) > 5:
        border = [[west, north + 0.5], [west, north], [west, south], [west, south - 0.3]]
        shore = [[west - 0.5, south]] + [[west, south]] + list(reversed(coast)) + [[start, south], [start + 1.0, south]]
        lines = [{"type": "Feature", "properties": {"name": name}, "geometry": {"type": "LineString", "coordinates": line}}
                 for name, line in (("border", border), ("coast", shore))]
        with open(sys.argv[5], "w") as f:
            json.dump({"type": "FeatureCollection", "features": lines}, f, separators=(",", ":"))
    date = datetime.date(2022, 3, 1)
    for day in range(days):
        if day > 0:
            for _ in range(rng.randint(1, 2)):
                width = rng.randint(vertices // 300, vertices // 100)
                centre = rng.randint(width, vertices - width - 1)
                push_km = rng.uniform(-3.0, 3.0)
                for j in range(centre - width, centre + width + 1):
                    weight = math.cos(0.5 * math.pi * (j - centre) / width) ** 2
                    front[j][0] = round(front[j][0] + weight * push_km / km_lon, 6)
        ring = [[west, north]] + [[round(x, 6), round(y, 6)] for x, y in front] + coast + [[west, south]]
        ring.append(ring[0])
        # Counter-clockwise as RFC 7946 asks: the ring above runs clockwise (north, east side, south, west).
        ring.reverse()
        feature = {"type": "Feature", "properties": {"date": date.isoformat()},
                   "geometry": {"type": "Polygon", "coordinates": [ring]}}
        path = os.path.join(out, "held_%s.geojson" % date.strftime("%Y%m%d"))
        with open(path, "w") as f:
            json.dump({"type": "FeatureCollection", "features": [feature]}, f, separators=(",", ":"))
        date += datetime.timedelta(days=1)


if __name__ == "__main__":
    main()
