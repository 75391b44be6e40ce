#!/usr/bin/python3
"""Compose the dated Karabakh control layers and corridors from the base layers and the
hand-authored pieces in this folder.  Deterministic: the same inputs give the same bytes.

Inputs  (../layers/):  nkao.geojson, control_1994.geojson, districts.geojson (ids agdam,
        kalbajar, lachin), borders.geojson (id arm: no state may overlap Armenia)
        (./):          war_losses_2020.geojson, corridor_routes.geojson, tripp_aras.geojson
Outputs (../layers/):  control_2020-11-10.geojson, control_2020-11-20.geojson,
        control_2020-11-25.geojson, control_2020-12-01.geojson, control_2020-12-12.geojson,
        control_2022-08-26.geojson, lachin_corridor.geojson, zangezur_corridor.geojson,
        schematic_2020.geojson (the extent of the invented pocket circle, drawn as schematic)

War-loss pieces (war_losses_2020.geojson) are clipped by their `clip` property:
  (none)            control_1994 minus the Lachin district outside the NKAO (held until 12-01)
  lachin-district   control_1994 and the Lachin district outside the NKAO, minus corridor-2020
  outside-nkao      control_1994 minus the NKAO and minus the Lachin district
  pocket            a circle of `radius_m` around the Point: held at the ceasefire although
                    inside the war-loss pieces, lost on its `valid_to` (2020-12-12)

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
T, F = True, False
CHECKS = {
    #                       11-10 11-20 11-25 12-01 12-12 2022
    "Stepanakert": ((46.7528, 39.8177), (T, T, T, T, T, T)),
    "Shosh":       ((46.78472, 39.77), (T, T, T, T, T, T)),
    "Askeran":     ((46.8316, 39.9391), (T, T, T, T, T, T)),
    "Khojaly":     ((46.7921, 39.9136), (T, T, T, T, T, T)),
    "Martuni":     ((47.1117, 39.7950), (T, T, T, T, T, T)),
    "Martakert":   ((46.8128, 40.2153), (T, T, T, T, T, T)),
    "Lisagor":     ((46.6431, 39.6875), (T, T, T, T, T, T)),
    "Mets Shen":   ((46.60194, 39.65833), (T, T, T, T, T, T)),
    "Lachin":      ((46.5498, 39.6374), (T, T, T, T, T, F)),
    "Aghavno":     ((46.5433, 39.5897), (T, T, T, T, T, F)),
    # in the old-road corridor until 26 Aug 2022 [33] (DATA.md section 7)
    "Sus":         ((46.5128, 39.6269), (T, T, T, T, T, F)),
    "Agdam":       ((46.9274, 39.9910), (T, F, F, F, F, F)),
    # Agdam district: handed over on 20 Nov 2020, not lost in the war (Wikipedia "Gülablı")
    "Vazgenashen": ((46.9472, 39.8808), (T, F, F, F, F, F)),
    "Kalbajar":    ((46.0445, 40.1098), (T, T, F, F, F, F)),
    "Lachin district W": ((46.35, 39.85), (T, T, T, F, F, F)),
    # southern Lachin district, taken in the war (trend.az 3381056)
    "Gulabird":    ((46.6086, 39.4800), (F,) * 6),
    "Lachin district S": ((46.62, 39.52), (F,) * 6),
    # pocket held at the ceasefire, taken 11-13 Dec 2020
    "Hin Tagher":  ((46.8236, 39.5075), (T, T, T, T, F, F)),
    # 1994-held strip SE of Martuni outside the NKAO: lost in the war, not handed over
    "Martuni SE strip": ((47.15, 39.715), (F,) * 6),
    "Shusha":      ((46.7499, 39.7601), (F,) * 6),
    "Karintak":    ((46.74917, 39.74167), (F,) * 6),
    "Avetaranots": ((46.8306, 39.7031), (F,) * 6),
    "Sargsashen":  ((46.895, 39.69194), (F,) * 6),
    "Shekher":     ((46.97917, 39.64639), (F,) * 6),
    "Hadrut":      ((47.0300, 39.5167), (F,) * 6),
    "Talish":      ((46.7408, 40.3814), (F,) * 6),
    "Sugovushan":  ((46.7294, 40.3314), (F,) * 6),
    "Fuzuli":      ((47.1453, 39.6009), (F,) * 6),
    "Jabrayil":    ((47.0284, 39.3992), (F,) * 6),
    "Qubadli":     ((46.5818, 39.3444), (F,) * 6),
    "Zangilan":    ((46.6599, 39.0837), (F,) * 6),
    # an Armenian village on the Goris road; inside Natural Earth's Azerbaijan, not OSM's (DATA.md §7)
    "Kornidzor":   ((46.5305, 39.5476), (F,) * 6),
}
MAX_IN_ARMENIA_KM2 = 0.5                # overlap of a state with borders#arm (rounding only)


RESIDUAL = {}


def main():
    check_only = "--check" in sys.argv[1:]
    nkao = feature_geom(load(os.path.join(LAYERS, "nkao.geojson")), "nkao")
    held94 = feature_geom(load(os.path.join(LAYERS, "control_1994.geojson")), "held")
    districts = load(os.path.join(LAYERS, "districts.geojson"))
    agdam = feature_geom(districts, "agdam")
    kalbajar = feature_geom(districts, "kalbajar")
    lachin = feature_geom(districts, "lachin")
    armenia = feature_geom(load(os.path.join(LAYERS, "borders.geojson")), "arm")

    pieces = load(os.path.join(HERE, "war_losses_2020.geojson"))
    routes = load(os.path.join(HERE, "corridor_routes.geojson"))
    aras = feature_geom(load(os.path.join(HERE, "tripp_aras.geojson")),
                        "aras-aghband-nakhchivan")

    lachin_out = lachin.difference(nkao)
    route20 = feature_geom(routes, "route-2020")
    route22 = feature_geom(routes, "route-2022")
    corr20 = buffer_m(route20, CORRIDOR_HALF_WIDTH_M)
    corr22 = buffer_m(route22, CORRIDOR_HALF_WIDTH_M)

    loss, pockets, pocket_pieces = {}, {}, []
    for f in sorted(pieces, key=lambda f: f["properties"]["id"]):
        fid, clip = f["properties"]["id"], f["properties"].get("clip", "")
        g = shape(f["geometry"])
        if clip == "":
            loss[fid] = g.intersection(held94).difference(lachin_out)
        elif clip == "lachin-district":
            loss[fid] = g.intersection(held94).intersection(lachin_out).difference(corr20)
        elif clip == "outside-nkao":
            loss[fid] = g.intersection(held94).difference(nkao).difference(lachin_out)
        elif clip == "pocket":
            if f["properties"].get("valid_to") != "2020-12-12":
                raise SystemExit("%s: a pocket must end on 2020-12-12" % fid)
            pockets[fid] = buffer_m(g, float(f["properties"]["radius_m"])).intersection(held94)
            pocket_pieces.append((fid, g, f["properties"]))
        else:
            raise SystemExit("%s: unknown clip %r" % (fid, clip))
    pocket = unary_union([pockets[k] for k in sorted(pockets)])
    war_loss = unary_union([loss[k] for k in sorted(loss)]).difference(pocket)
    # pieces whose ground stayed in the corridor-2022 (the southern Lachin piece) do not stop it
    loss_not_corridor = unary_union([loss[k] for k in sorted(loss)
                                     if dict((f["properties"]["id"], f["properties"].get("clip", ""))
                                             for f in pieces)[k] != "lachin-district"])

    s1110 = polygonal(held94.difference(war_loss))
    # Natural Earth's modern rayons do not tile the 1994 held area outside the NKAO with
    # only Agdam, Kalbajar and Lachin (the Soviet-era districts the statement names [20]):
    # parts fall in NE's Tartar, Khojaly, Khojavend, Shusha, Aghjabadi and in Armenian
    # marzes (border mismatch).  Each such residual part goes with the handover district it
    # shares the longest edge with.  A part touching none of them has no handover date in any
    # source: compose.py fails on it (it must be assigned by an authored war-loss piece);
    # only overlay slivers under MIN_PART_KM2 are still dropped on 2020-12-01.
    hand = {"agdam": agdam.difference(nkao), "kalbajar": kalbajar.difference(nkao),
            "lachin": lachin_out}
    residual = s1110.difference(nkao).difference(unary_union(list(hand.values())))
    extra = {k: [] for k in hand}
    for part in getattr(residual, "geoms", [residual]):
        if part.geom_type != "Polygon" or part.is_empty:
            continue
        touch = {k: part.buffer(0.002).intersection(g).area for k, g in sorted(hand.items())}
        best = max(sorted(touch), key=lambda k: touch[k])
        if touch[best] <= 0 and area_km2(part) < MIN_PART_KM2:
            extra["lachin"].append(part)        # overlay noise (< 1 ha), no area to speak of
            continue
        if touch[best] <= 0:
            raise SystemExit("residual part of %.3f km2 at %s touches no handover district"
                             % (area_km2(part), [round(b, 3) for b in part.bounds]))
        extra[best].append(part)
    RESIDUAL.update({k: unary_union(v) if v else Polygon() for k, v in extra.items()})
    hand = {k: unary_union([g] + extra[k]) for k, g in hand.items()}
    s1120 = polygonal(s1110.difference(hand["agdam"]))
    s1125 = polygonal(s1120.difference(hand["kalbajar"]))
    # Lachin district outside the NKAO goes, except the 2020 corridor.
    s1201 = polygonal(s1125.difference(hand["lachin"].difference(corr20)))
    # 11-13 Dec 2020: the Hin Tagher / Khtsaberd pocket is taken.
    s1212 = polygonal(s1201.difference(pocket))
    # 2022: the old corridor outside the NKAO goes; the new corridor outside the NKAO comes,
    # limited to the 1994 held area (so Armenia is never counted) and never over the
    # 2020 war losses, except the southern Lachin piece, which the new road crosses.
    new22 = corr22.difference(nkao).intersection(held94).difference(loss_not_corridor)
    s2022 = polygonal(s1212.difference(corr20.difference(nkao)).union(new22))

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
        ("control_2020-12-01", s1201, "2020-12-01", "2020-12-12",
         "Armenian-held area after the Lachin district handover (peacekeeping-zone remainder, the 2020 Lachin corridor and the Hin Tagher pocket)",
         "[17],[20],[24],[30]; districts.geojson#lachin minus nkao; lachin_corridor.geojson#corridor-2020"),
        ("control_2020-12-12", s1212, "2020-12-12", "2022-08-26",
         "Armenian-held area after the Hin Tagher / Khtsaberd pocket was taken (11-13 Dec 2020)",
         "[A12],[A13],[A14]; authored/war_losses_2020.geojson#pocket-hin-tagher"),
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
    for name, geom, *_rest in [("control_1994", held94)] + states:
        in_arm = area_km2(r6(geom).intersection(armenia))
        if in_arm > MAX_IN_ARMENIA_KM2:
            failures.append("%s overlaps borders#arm by %.2f km2" % (name, in_arm))
    if area_km2(war_loss.intersection(hand["agdam"])) > 0.01:
        failures.append("a war-loss piece overlaps the Agdam district outside the NKAO (handed over on 11-20)")
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
    a = {n: area_km2(r6(g)) for n, g, *_r in states}
    print("  handover split: Agdam %.1f (published 842), Kalbajar %.1f (1,936), Lachin %.1f (1,835) km2"
          % (a["control_2020-11-10"] - a["control_2020-11-20"],
             a["control_2020-11-20"] - a["control_2020-11-25"],
             a["control_2020-11-25"] - a["control_2020-12-01"]))
    print("  split of control_1994: war %.1f %%, ceded %.1f %%, left %.1f %% on 12-01, %.1f %% on 12-12"
          " (Mikaelian [18]: 32.5 / 39.85 / 27.7)"
          % (100 * (a94 - a["control_2020-11-10"]) / a94,
             100 * (a["control_2020-11-10"] - a["control_2020-12-01"]) / a94,
             100 * a["control_2020-12-01"] / a94, 100 * a["control_2020-12-12"] / a94))
    for k in sorted(pockets):
        print("  pocket %-21s %9.1f km2 (held 11-10 ... 12-12)" % (k, area_km2(pockets[k])))
    for k in sorted(loss):
        clip = dict((f["properties"]["id"], f["properties"].get("clip", "")) for f in pieces)[k]
        print("  piece %-22s %9.1f km2 (clip: %s)"
              % (k, area_km2(loss[k]), clip or "control_1994 minus the Lachin district"))
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

    # Schematic extents (scenario.toml `schematic = true`): each pocket's point grown to its stated
    # uncertainty. It must take the whole of the held circle and nothing else held, so that a map
    # drawing a state's held area inside it as schematic marks exactly the invented circle.
    schematic = [(fid, buffer_m(g, float(props["uncertainty_m"])), props)
                 for fid, g, props in pocket_pieces]
    extent = unary_union([e for _, e, _ in schematic])
    for name, geom, vf, vt, title, src in states:
        inside = area_km2(geom.intersection(extent)) if not geom.is_empty else 0.0
        held_pocket = area_km2(geom.intersection(pocket)) if not geom.is_empty else 0.0
        if abs(inside - held_pocket) > MIN_PART_KM2:
            failures.append("%s: the schematic extent takes %.2f km2, the held pocket %.2f km2"
                            % (name, inside, held_pocket))
    print("schematic extents: %s" % ", ".join("%s %.1f km2" % (fid, area_km2(e))
                                              for fid, e, _ in schematic))

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
    resolution = ("The Armenian river section is 35.4 km in Natural Earth 10m (the Armenia-Iran border), "
                  "36.4 km in GSHHG 2.3.7 high (this line) and 50.4 km in OpenStreetMap (DATA.md "
                  "section 7): a length claim needs a resolution interval of about 35-50 km")
    write("schematic_2020", [
        feat(fid, r6(e), name="Schematic extent: " + props["name"].split(":")[0] + " (position approximate)",
             valid_from=props["valid_from"], valid_to=props["valid_to"],
             source="authored/war_losses_2020.geojson#%s" % fid,
             method="The point of %s grown by its uncertainty (%s m): the held circle of radius %s m "
                    "is invented (the sources name villages, not an outline), and a map draws the held "
                    "area inside this extent as schematic" % (fid, props["uncertainty_m"], props["radius_m"]))
        for fid, e, props in schematic])
    write("zangezur_corridor", [
        feat("tripp-2025", r6(tripp),
             name="Trump Route for International Peace and Prosperity (TRIPP) / Zangezur route, along the Aras from Aghband to the Nakhchivan border",
             valid_from="2025-08-08", source="[38],[39],[41],[42],[43],[44],[46]; GSHHG 2.3.7",
             length_km="%.2f" % length_km(tripp),
             length_armenia_km="%.2f" % length_km(arm),
             note="Starts at Aghband, about 7.5 km inside Azerbaijan; the 42-43 km of [38],[39] are for the Armenian section, feature tripp-2025-armenia"),
        feat("tripp-2025-armenia", r6(arm),
             name="TRIPP / Zangezur route, Armenian section along the Aras (between Natural Earth's two Armenia-Iran tripoints)",
             valid_from="2025-08-08", source="[38],[39]; GSHHG 2.3.7; tripoints Natural Earth 10m",
             length_km="%.2f" % length_km(arm), resolution_note=resolution),
    ])


if __name__ == "__main__":
    main()
