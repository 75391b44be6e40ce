#!/usr/bin/python3
"""Compose the dated Karabakh control layers and corridors from the base layers and the
hand-authored pieces in this folder.  Deterministic: the same inputs give the same bytes.

Inputs  (../layers/):  nkao.geojson, control_1994.geojson, districts.geojson (ids agdam,
        kalbajar, lachin)
        (./):          war_losses_2020.geojson, corridor_routes.geojson, tripp_aras.geojson
Outputs (../layers/):  control_2020-11-10.geojson, control_2020-11-20.geojson,
        control_2020-11-25.geojson, control_2020-12-01.geojson, control_2022-08-26.geojson,
        lachin_corridor.geojson, zangezur_corridor.geojson

Overlay is done with shapely in lon/lat (planar on degrees; the inputs are small, so this is
only a topology step); buffers are computed in a Lambert azimuthal equal-area projection
centred on the region; every area and length printed is geodesic on WGS84.

usage: /usr/bin/python3 compose.py [--check]   (--check: compute and verify, write nothing)
Needs Debian python3-shapely (1.8) and python3-pyproj.
"""
import json
import os
import sys

from pyproj import Geod, Transformer
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, mapping, shape
from shapely.ops import transform, unary_union

HERE = os.path.dirname(os.path.abspath(__file__))
LAYERS = os.path.normpath(os.path.join(HERE, "..", "layers"))
GEOD = Geod(ellps="WGS84")
LAEA = "+proj=laea +lat_0=39.8 +lon_0=46.6 +datum=WGS84 +units=m +no_defs"
CORRIDOR_HALF_WIDTH_M = 2500.0          # 5 km-wide corridor [20]
MIN_PART_KM2 = 0.01                     # drop slivers smaller than 1 ha left by overlay

# ---------------------------------------------------------------- io helpers

def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


def feature_geom(features, fid):
    for f in features:
        if str(f.get("id", f["properties"].get("id"))) == fid:
            return shape(f["geometry"])
    raise SystemExit("feature %r not found" % fid)


def r6(geom):
    """Round to 6 decimals (formats.md) and make sure the result is still valid."""
    def rnd(x, y, z=None):
        return (round(x, 6), round(y, 6))
    for _ in range(3):
        out = transform(rnd, geom)
        if out.is_valid:
            return out
        geom = out.buffer(0)
    raise SystemExit("could not make a valid geometry after rounding")


def polygonal(geom):
    """Keep only the polygon parts (overlay can emit lines/points), drop slivers, sort."""
    parts = []
    for g in getattr(geom, "geoms", [geom]):
        if g.geom_type == "Polygon":
            parts.append(g)
        elif g.geom_type in ("MultiPolygon", "GeometryCollection"):
            parts.extend(p for p in getattr(g, "geoms", []) if p.geom_type == "Polygon")
    parts = [p for p in parts if area_km2(p) >= MIN_PART_KM2]
    parts.sort(key=lambda p: (-round(area_km2(p), 6), p.bounds))
    if not parts:
        raise SystemExit("empty result")
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def area_km2(geom):
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6


def length_km(geom):
    return GEOD.geometry_length(geom) / 1000.0


def gj_geom(geom):
    m = mapping(geom)

    def lists(c):
        if isinstance(c, (list, tuple)) and c and isinstance(c[0], (int, float)):
            return [round(c[0], 6), round(c[1], 6)]
        return [lists(x) for x in c]
    return {"type": m["type"], "coordinates": lists(m["coordinates"])}


def write(name, features):
    fc = {"type": "FeatureCollection", "name": name, "features": features}
    text = json.dumps(fc, ensure_ascii=False, separators=(",", ":"))
    text = text.replace('{"type":"Feature",', '\n{"type":"Feature",')
    with open(os.path.join(LAYERS, name + ".geojson"), "w", encoding="utf-8",
              newline="\n") as f:
        f.write(text + "\n")


def feat(fid, geom, **props):
    p = {"id": fid}
    p.update({k: str(v) for k, v in props.items()})
    return {"type": "Feature", "id": fid, "properties": p, "geometry": gj_geom(geom)}

# ---------------------------------------------------------------- geometry helpers

_to_m = Transformer.from_crs("EPSG:4326", LAEA, always_xy=True).transform
_to_ll = Transformer.from_crs(LAEA, "EPSG:4326", always_xy=True).transform


def buffer_m(line, dist_m):
    """Buffer a lon/lat line by dist_m metres, computed in the equal-area projection."""
    return transform(_to_ll, transform(_to_m, line).buffer(dist_m, resolution=16))

# ---------------------------------------------------------------- main

# (lon, lat) reference points and the state each control layer must give them.
# True = held, False = not held, None = not checked.
CHECKS = {
    #                       11-10  11-20  11-25  12-01  2022
    "Stepanakert": ((46.7528, 39.8177), (True, True, True, True, True)),
    "Shosh":       ((46.78472, 39.77), (True, True, True, True, True)),
    "Askeran":     ((46.8316, 39.9391), (True, True, True, True, True)),
    "Khojaly":     ((46.7921, 39.9136), (True, True, True, True, True)),
    "Martuni":     ((47.1117, 39.7950), (True, True, True, True, True)),
    "Martakert":   ((46.8128, 40.2153), (True, True, True, True, True)),
    "Lisagor":     ((46.6431, 39.6875), (True, True, True, True, True)),
    "Mets Shen":   ((46.60194, 39.65833), (True, True, True, True, True)),
    "Lachin":      ((46.5498, 39.6374), (True, True, True, True, False)),
    "Aghavno":     ((46.5433, 39.5897), (True, True, True, True, False)),
    "Agdam":       ((46.9274, 39.9910), (True, False, False, False, False)),
    "Kalbajar":    ((46.0445, 40.1098), (True, True, False, False, False)),
    "Lachin district W": ((46.35, 39.85), (True, True, True, False, False)),
    "Shusha":      ((46.7499, 39.7601), (False,) * 5),
    "Karintak":    ((46.74917, 39.74167), (False,) * 5),
    "Avetaranots": ((46.8306, 39.7031), (False,) * 5),
    "Sargsashen":  ((46.895, 39.69194), (False,) * 5),
    "Shekher":     ((46.97917, 39.64639), (False,) * 5),
    "Hadrut":      ((47.0300, 39.5167), (False,) * 5),
    "Talish":      ((46.7408, 40.3814), (False,) * 5),
    "Sugovushan":  ((46.7294, 40.3314), (False,) * 5),
    "Fuzuli":      ((47.1453, 39.6009), (False,) * 5),
    "Jabrayil":    ((47.0284, 39.3992), (False,) * 5),
    "Qubadli":     ((46.5818, 39.3444), (False,) * 5),
    "Zangilan":    ((46.6599, 39.0837), (False,) * 5),
}


RESIDUAL = {}


def main():
    check_only = "--check" in sys.argv[1:]
    nkao = feature_geom(load(os.path.join(LAYERS, "nkao.geojson")), "nkao")
    held94 = feature_geom(load(os.path.join(LAYERS, "control_1994.geojson")), "held")
    districts = load(os.path.join(LAYERS, "districts.geojson"))
    agdam = feature_geom(districts, "agdam")
    kalbajar = feature_geom(districts, "kalbajar")
    lachin = feature_geom(districts, "lachin")

    pieces = load(os.path.join(HERE, "war_losses_2020.geojson"))
    routes = load(os.path.join(HERE, "corridor_routes.geojson"))
    aras = feature_geom(load(os.path.join(HERE, "tripp_aras.geojson")),
                        "aras-aghband-nakhchivan")

    lachin_out = lachin.difference(nkao)
    loss = {}
    for f in sorted(pieces, key=lambda f: f["properties"]["id"]):
        g = shape(f["geometry"]).intersection(held94).difference(lachin_out)
        loss[f["properties"]["id"]] = g
    war_loss = unary_union([loss[k] for k in sorted(loss)])

    route20 = feature_geom(routes, "route-2020")
    route22 = feature_geom(routes, "route-2022")
    corr20 = buffer_m(route20, CORRIDOR_HALF_WIDTH_M)
    corr22 = buffer_m(route22, CORRIDOR_HALF_WIDTH_M)

    s1110 = polygonal(held94.difference(war_loss))
    # Natural Earth's modern rayons do not tile the 1994 held area outside the NKAO with
    # only Agdam, Kalbajar and Lachin (the Soviet-era districts the statement names [20]):
    # parts fall in NE's Tartar, Khojaly, Khojavend, Shusha, Aghjabadi and in Armenian
    # marzes (border mismatch).  Each such residual part goes with the handover district it
    # shares the longest edge with; a part touching none goes on 2020-12-01, by which date
    # every district outside the NKAO had been handed over [17],[20],[24].
    hand = {"agdam": agdam.difference(nkao), "kalbajar": kalbajar.difference(nkao),
            "lachin": lachin_out}
    residual = s1110.difference(nkao).difference(unary_union(list(hand.values())))
    extra = {k: [] for k in hand}
    for part in getattr(residual, "geoms", [residual]):
        if part.geom_type != "Polygon" or part.is_empty:
            continue
        touch = {k: part.buffer(0.002).intersection(g).area for k, g in sorted(hand.items())}
        best = max(sorted(touch), key=lambda k: touch[k])
        extra[best if touch[best] > 0 else "lachin"].append(part)
    RESIDUAL.update({k: unary_union(v) if v else Polygon() for k, v in extra.items()})
    hand = {k: unary_union([g] + extra[k]) for k, g in hand.items()}
    s1120 = polygonal(s1110.difference(hand["agdam"]))
    s1125 = polygonal(s1120.difference(hand["kalbajar"]))
    # Lachin district outside the NKAO goes, except the 2020 corridor.
    s1201 = polygonal(s1125.difference(hand["lachin"].difference(corr20)))
    # 2022: the old corridor outside the NKAO goes; the new corridor outside the NKAO comes,
    # limited to the 1994 held area (so Armenia is never counted) and never over the
    # 2020 war losses.
    new22 = corr22.difference(nkao).intersection(held94).difference(war_loss)
    s2022 = polygonal(s1201.difference(corr20.difference(nkao)).union(new22))

    states = [
        ("control_2020-11-10", s1110, "2020-11-10", "2020-11-20",
         "Armenian-held area at the ceasefire of 10 Nov 2020 (before the handovers)",
         "[17],[20],[24],[27],[28],[29],[30],[45]; authored/war_losses_2020.geojson"),
        ("control_2020-11-20", s1120, "2020-11-20", "2020-11-25",
         "Armenian-held area after the Agdam district handover",
         "[17],[20],[24]; districts.geojson#agdam minus nkao"),
        ("control_2020-11-25", s1125, "2020-11-25", "2020-12-01",
         "Armenian-held area after the Kalbajar district handover",
         "[17],[20],[24]; districts.geojson#kalbajar minus nkao"),
        ("control_2020-12-01", s1201, "2020-12-01", "2022-08-26",
         "Armenian-held area after the Lachin district handover (peacekeeping-zone remainder and the 2020 Lachin corridor)",
         "[17],[20],[24],[30]; districts.geojson#lachin minus nkao; lachin_corridor.geojson#corridor-2020"),
        ("control_2022-08-26", s2022, "2022-08-26", "2023-09-20",
         "Armenian-held area after Lachin/Berdzor, Aghavno and Sus were handed over and the corridor moved to the new road",
         "[31],[32],[33]; lachin_corridor.geojson#corridor-2022"),
    ]

    # ---- checks
    failures = []
    for i, (name, geom, *_rest) in enumerate(states):
        geom = r6(geom)
        if not geom.is_valid:
            failures.append("%s invalid" % name)
        for place, ((lon, lat), want) in sorted(CHECKS.items()):
            if want[i] is None:
                continue
            got = geom.contains(Point(lon, lat))
            if got != want[i]:
                failures.append("%s: %s held=%s, expected %s" % (name, place, got, want[i]))
    for a, b in zip(states, states[1:]):
        grown = r6(b[1]).difference(r6(a[1]))
        if b[0] != "control_2022-08-26" and area_km2(grown) > 0.01:
            failures.append("%s grows by %.3f km2 over %s" % (b[0], area_km2(grown), a[0]))

    # ---- report
    a94 = area_km2(held94)
    print("control_1994                 %9.1f km2" % a94)
    for name, geom, *_r in states:
        print("%-28s %9.1f km2  (%d part(s))" % (name, area_km2(r6(geom)),
                                               len(getattr(geom, "geoms", [geom]))))
    print("war loss 1994 -> 2020-11-10  %9.1f km2   (published: about 3,800)"
          % (a94 - area_km2(r6(s1110))))
    print("handovers 11-10 -> 12-01     %9.1f km2   (published: another 4,700)"
          % (area_km2(r6(s1110)) - area_km2(r6(s1201))))
    for k in sorted(loss):
        print("  piece %-22s %9.1f km2 (clipped to control_1994, Lachin district excluded)"
              % (k, area_km2(loss[k])))
    print("  loss inside NKAO           %9.1f km2 of NKAO %.1f km2 (%.1f %%)"
          % (area_km2(war_loss.intersection(nkao)), area_km2(nkao),
             100 * area_km2(war_loss.intersection(nkao)) / area_km2(nkao)))
    print("  loss outside NKAO          %9.1f km2" % area_km2(war_loss.difference(nkao)))
    print("  12-01 held inside NKAO     %9.1f km2; outside NKAO %.1f km2"
          % (area_km2(s1201.intersection(nkao)), area_km2(s1201.difference(nkao))))
    for rid, line, poly in (("2020", route20, corr20), ("2022", route22, corr22)):
        print("route-%s %.1f km; corridor-%s %.1f km2 (outside NKAO and in control_1994: %.1f km2)"
              % (rid, length_km(line), rid, area_km2(poly),
                 area_km2(poly.difference(nkao).intersection(held94))))

    for k in sorted(RESIDUAL):
        print("  residual outside NKAO handed over with %-8s %6.1f km2"
              % (k, area_km2(RESIDUAL[k]) if not RESIDUAL[k].is_empty else 0.0))
    tripp = aras
    props = load(os.path.join(HERE, "tripp_aras.geojson"))[0]["properties"]
    tps = [Point(*map(float, props[k].split(","))) for k in ("east_tripoint", "west_tripoint")]
    d = sorted(tripp.project(p) for p in tps)
    from shapely.ops import substring
    arm = substring(tripp, d[0], d[1])
    print("tripp-2025 %.2f km (Armenian section between the NE tripoints %.2f km)"
          % (length_km(tripp), length_km(arm)))

    if failures:
        print("\n".join("FAIL " + f for f in failures))
        raise SystemExit(1)
    if check_only:
        return

    for name, geom, vf, vt, title, src in states:
        write(name, [feat("held", r6(geom), name=title, valid_from=vf, valid_to=vt,
                          source=src)])

    write("lachin_corridor", [
        feat("route-2020", r6(route20), name="Lachin corridor road, 2020 route (schematic)",
             valid_from="2020-12-01", valid_to="2022-08-26",
             source="[20],[30],[31]; authored/corridor_routes.geojson",
             length_km="%.1f" % length_km(route20)),
        feat("route-2022", r6(route22), name="Lachin corridor road, 2022 route (schematic)",
             valid_from="2022-08-26", valid_to="2023-09-20",
             source="[31],[32],[33],[35]; authored/corridor_routes.geojson",
             length_km="%.1f" % length_km(route22)),
        feat("corridor-2020", r6(corr20),
             name="Lachin corridor 2020-2022, 5 km wide (2.5 km each side of route-2020)",
             valid_from="2020-12-01", valid_to="2022-08-26", source="[20],[23],[30]",
             area_km2="%.1f" % area_km2(corr20)),
        feat("corridor-2022", r6(corr22),
             name="Lachin corridor 2022-2023, 5 km wide (2.5 km each side of route-2022)",
             valid_from="2022-08-26", valid_to="2023-09-20", source="[20],[31],[32],[33]",
             area_km2="%.1f" % area_km2(corr22)),
    ])
    write("zangezur_corridor", [
        feat("tripp-2025", r6(tripp),
             name="Trump Route for International Peace and Prosperity (TRIPP) / Zangezur route, along the Aras from Aghband to the Nakhchivan border",
             valid_from="2025-08-08", source="[38],[39],[41],[42],[43],[44],[46]; GSHHG 2.3.7",
             length_km="%.2f" % length_km(tripp),
             length_armenia_km="%.2f" % length_km(arm)),
    ])


if __name__ == "__main__":
    main()
