"""Shared helpers for the frontline geodata recipe (deterministic GeoJSON I/O).

Run with the Debian interpreter (/usr/bin/python3) and Debian packages
python3-gdal, python3-shapely, python3-pyproj.
"""
import json
import sys

from osgeo import ogr
from shapely import wkb
from shapely.geometry import (LineString, MultiLineString, MultiPolygon,
                              Point, Polygon, box, mapping)
from shapely.geometry.polygon import orient
from shapely.validation import explain_validity
from pyproj import Geod

ogr.UseExceptions()

BBOX = (43.0, 37.5, 51.0, 42.5)          # lon_min, lat_min, lon_max, lat_max
CLIP = box(*BBOX)
GEOD = Geod(ellps="WGS84")
NDIGITS = 6


def die(msg):
    sys.stderr.write("geodata: ERROR: %s\n" % msg)
    sys.exit(1)


def read_ogr(path, layer, where=None):
    """Yield (attrs dict, shapely geometry) in FID order."""
    ds = ogr.Open(path)
    if ds is None:
        die("cannot open %s" % path)
    lyr = ds.GetLayerByName(layer)
    if lyr is None:
        die("no layer %s in %s" % (layer, path))
    if where:
        lyr.SetAttributeFilter(where)
    out = []
    for f in lyr:
        g = f.GetGeometryRef()
        attrs = {f.GetFieldDefnRef(i).GetName(): f.GetField(i)
                 for i in range(f.GetFieldCount())}
        attrs["_fid"] = f.GetFID()
        out.append((attrs, wkb.loads(bytes(g.ExportToWkb())) if g else None))
    out.sort(key=lambda t: t[0]["_fid"])
    return out


def geodesic_km2(geom):
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6


def geodesic_km(geom):
    return GEOD.geometry_length(geom) / 1e3


def polygons_of(geom):
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    # GeometryCollection: keep only areal parts
    return [p for g in getattr(geom, "geoms", []) for p in polygons_of(g)]


def _r(x):
    v = round(x, NDIGITS)
    return 0.0 if v == 0 else v


def _round_ring(coords):
    out = []
    for x, y in ((_r(c[0]), _r(c[1])) for c in coords):
        if not out or out[-1] != (x, y):
            out.append((x, y))
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def round_polygonal(geom):
    """Round to NDIGITS, drop repeated vertices and degenerate parts,
    orient exteriors counter-clockwise (RFC 7946 §3.1.6)."""
    polys = []
    for p in polygons_of(geom):
        ext = _round_ring(p.exterior.coords)
        if len(ext) < 4:
            continue
        holes = [h for h in (_round_ring(i.coords) for i in p.interiors)
                 if len(h) >= 4]
        q = Polygon(ext, holes)
        if q.area == 0:
            continue
        polys.append(orient(q, 1.0))
    if not polys:
        die("geometry vanished after rounding")
    g = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    if not g.is_valid:
        die("invalid geometry after rounding: %s" % explain_validity(g))
    return g


def round_point(p):
    return Point(_r(p.x), _r(p.y))


def round_lines(geom):
    lines = []
    parts = [geom] if isinstance(geom, LineString) else list(geom.geoms)
    for l in parts:
        c = []
        for x, y in ((_r(a[0]), _r(a[1])) for a in l.coords):
            if not c or c[-1] != (x, y):
                c.append((x, y))
        if len(c) >= 2:
            lines.append(LineString(c))
    return lines[0] if len(lines) == 1 else MultiLineString(lines)


def clip(geom):
    return geom.intersection(CLIP)


def _num(v):
    s = "%.*f" % (NDIGITS, v)
    s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _coords_json(obj):
    if isinstance(obj, (list, tuple)) and obj and isinstance(obj[0], (int, float)):
        return "[" + ",".join(_num(v) for v in obj[:2]) + "]"
    return "[" + ",".join(_coords_json(o) for o in obj) + "]"


def geometry_json(geom):
    m = mapping(geom)
    return '{"type":"%s","coordinates":%s}' % (m["type"], _coords_json(m["coordinates"]))


def write_fc(path, features, name):
    """features: list of (id, properties dict, shapely geometry).
    Writes one feature per line, sorted by id, properties as strings with
    sorted keys, so the bytes are identical on every run."""
    ids = [f[0] for f in features]
    if len(set(ids)) != len(ids):
        die("duplicate ids in %s" % path)
    lines = []
    for fid, props, geom in sorted(features, key=lambda f: f[0]):
        if not geom.is_valid:
            die("%s/%s invalid: %s" % (path, fid, explain_validity(geom)))
        p = {"id": fid}
        p.update({k: str(v) for k, v in props.items() if v is not None})
        lines.append('{"type":"Feature","id":%s,"properties":%s,"geometry":%s}' % (
            json.dumps(fid), json.dumps(p, ensure_ascii=False, sort_keys=True,
                                        separators=(",", ":")),
            geometry_json(geom)))
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{"type":"FeatureCollection","name":%s,"features":[\n' % json.dumps(name))
        fh.write(",\n".join(lines))
        fh.write("\n]}\n")
