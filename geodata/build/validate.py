#!/usr/bin/python3
"""Validate derived layers: OGR/GEOS validity, RFC 7946 ring orientation,
bbox, ≤ 6 decimals, unique string ids sorted, `id`/`name`/`source` present.

usage: validate.py LAYER_DIR layer [layer ...]
"""
import json
import os
import sys

from osgeo import ogr

import geo

ogr.UseExceptions()


def ring_ccw(coords):
    s = 0.0
    for (x1, y1), (x2, y2) in zip(coords, coords[1:]):
        s += (x2 - x1) * (y2 + y1)
    return s < 0


def check_rings(fid, gj, errs):
    polys = []
    if gj["type"] == "Polygon":
        polys = [gj["coordinates"]]
    elif gj["type"] == "MultiPolygon":
        polys = gj["coordinates"]
    for rings in polys:
        if not ring_ccw(rings[0]):
            errs.append("%s: exterior ring not counter-clockwise" % fid)
        for h in rings[1:]:
            if ring_ccw(h):
                errs.append("%s: hole not clockwise" % fid)


def main(argv):
    d, layers = argv[1], argv[2:]
    errs = []
    for layer in layers:
        path = os.path.join(d, layer + ".geojson")
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        fc = json.loads(text)
        ids = [f["id"] for f in fc["features"]]
        if ids != sorted(ids) or len(set(ids)) != len(ids):
            errs.append("%s: ids not unique and sorted" % layer)
        for f in fc["features"]:
            p = f["properties"]
            for k in ("id", "name", "source"):
                if not isinstance(p.get(k), str) or not p[k]:
                    errs.append("%s/%s: missing %s" % (layer, f["id"], k))
            if p.get("id") != f["id"] or not f["id"].isascii() or f["id"] != f["id"].lower():
                errs.append("%s/%s: bad id" % (layer, f["id"]))
            check_rings("%s/%s" % (layer, f["id"]), f["geometry"], errs)
        ds = ogr.Open(path)
        lyr = ds.GetLayer(0)
        n = 0
        for feat in lyr:
            n += 1
            g = feat.GetGeometryRef()
            if g is None or not g.IsValid():
                errs.append("%s/%s: OGR says invalid" % (layer, feat.GetField("id")))
            x0, x1, y0, y1 = g.GetEnvelope()
            b = geo.BBOX
            if x0 < b[0] or x1 > b[2] or y0 < b[1] or y1 > b[3]:
                errs.append("%s/%s: outside bbox" % (layer, feat.GetField("id")))
        if n != len(ids):
            errs.append("%s: OGR read %d features, JSON has %d" % (layer, n, len(ids)))
        print("validate: %-14s %3d features ok" % (layer, n) if not errs else "validate: %s checked" % layer)
    if errs:
        sys.stderr.write("\n".join(errs) + "\n")
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv)
