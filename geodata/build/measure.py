#!/usr/bin/python3
"""Print geodesic (WGS84, pyproj.Geod) areas of every feature in the layers,
then the calibration against official figures (DATA.md §3).

usage: measure.py [LAYER_DIR]     (default: ../karabakh/layers)
"""
import json
import os
import sys

from shapely.geometry import shape
from pyproj import Geod

GEOD = Geod(ellps="WGS84")
HERE = os.path.dirname(os.path.abspath(__file__))

# (layer, feature id, label, official km², source of the official figure)
CALIBRATION = [
    ("borders", "arm", "Armenia", 29743, "DATA.md [1,2]"),
    ("borders", "aze", "Azerbaijan", 86600, "DATA.md [3,4]"),
    ("nkao", "nkao", "NKAO", 4388, "brief; ≈4,400 Britannica [5]"),
    ("control_1994", "held", "1994 Armenian-held", 11458, "realkarabakh [17]"),
    ("districts", "syunik", "Syunik", 4506, "DATA.md [14]"),
    ("districts", "kalbajar", "Kalbajar", 3054, "virtualkarabakh [6]"),
    ("districts", "lachin", "Lachin", 1840, "virtualkarabakh [6]"),
    ("districts", "qubadli", "Qubadli", 802, "virtualkarabakh [6]"),
    ("districts", "zangilan", "Zangilan", 707, "virtualkarabakh [6]"),
    ("districts", "jabrayil", "Jabrayil", 1050, "virtualkarabakh [6]"),
    ("districts", "fuzuli", "Fuzuli", 1390, "virtualkarabakh [6]"),
    ("districts", "agdam", "Agdam", 1150, "virtualkarabakh [6]"),
    ("districts", "khojaly", "Khojaly", 1000, "Wikipedia [9]"),
    ("districts", "khojavend", "Khojavend", 1458, "news.az [8]"),
    ("districts", "shusha", "Shusha rayon (+city)", 289, "virtualkarabakh [6]"),
    ("districts", "tartar", "Tartar", 960, "[11]"),
    ("districts", "khankendi", "Khankendi", 8.8, "virtualkarabakh [12]"),
]


def area_km2(geom):
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6


def load(d, layer):
    p = os.path.join(d, layer + ".geojson")
    if not os.path.exists(p):
        return None
    with open(p, encoding="utf-8") as fh:
        return {f["id"]: f for f in json.load(fh)["features"]}


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "karabakh", "layers")
    areas = {}
    for layer in ("borders", "districts", "nkao", "control_1994", "places", "rivers", "lakes"):
        feats = load(d, layer)
        if feats is None:
            continue
        print("== %s (%d features)" % (layer, len(feats)))
        for fid, f in sorted(feats.items()):
            g = shape(f["geometry"])
            if g.geom_type in ("Polygon", "MultiPolygon"):
                a = areas[(layer, fid)] = area_km2(g)
                print("  %-16s %12.1f km²  %s" % (fid, a, f["properties"].get("name", "")))
            elif "LineString" in g.geom_type:
                print("  %-16s %12.1f km   %s" % (fid, GEOD.geometry_length(g) / 1e3,
                                                 f["properties"].get("name", "")))
    print("\n== calibration (geodesic WGS84 km²)")
    print("| Unit | Official | Measured | Δ |")
    print("|---|---:|---:|---:|")
    for layer, fid, label, official, src in CALIBRATION:
        a = areas.get((layer, fid))
        if a is None:
            continue
        if fid == "shusha" and ("districts", "shusha-city") in areas:
            a += areas[("districts", "shusha-city")]
        print("| %s | %s (%s) | %s | %+.1f %% |" % (
            label, "{:,}".format(official), src, "{:,.1f}".format(a), 100.0 * (a - official) / official))


if __name__ == "__main__":
    main()
