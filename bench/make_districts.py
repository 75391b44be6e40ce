#!/usr/bin/env python3
"""Writes a GeoJSON FeatureCollection of districts for the `info` benchmark (never committed).

    bench/make_districts.py OUT.geojson [MEGABYTES] [SEED]

A grid of districts over the Caucasus in WGS84 lon/lat, as a real administrative layer looks: the
grid's corners are jittered, every border between two districts is a jagged line of 50 segments that
both neighbours share vertex for vertex (so the layer is a coverage: no gaps, no overlaps), and each
district has an id, a name, a population and a date. Columns of 150 cells of 0.05°; as many rows as
needed for about MEGABYTES MB (default 100: ~22,000 districts of ~200 vertices). Only the standard
library; the same SEED (default 16) writes the same bytes. Streams to the file row by row.
"""

import math
import random
import sys

COLUMNS = 150
CELL = 0.05  # degrees
WEST, SOUTH = 40.0, 36.0
SEGMENTS = 50  # per border
JITTER = 0.15 * CELL  # of a grid corner
AMPLITUDE = 0.12 * CELL  # of a border's sideways wander


def corner(seed, i, j):
    rng = random.Random(hash_key(seed, "c", i, j))
    return (WEST + i * CELL + rng.uniform(-JITTER, JITTER), SOUTH + j * CELL + rng.uniform(-JITTER, JITTER))


def hash_key(seed, *parts):
    # random.Random(str) is deterministic across runs (it hashes the string with SHA-512).
    return f"{seed}/" + "/".join(str(p) for p in parts)


def border(seed, a, b, key):
    """The jagged line from corner a to corner b, SEGMENTS + 1 points; its own random stream per border."""
    rng = random.Random(hash_key(seed, *key))
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    nx, ny = -dy / length, dx / length
    walk, points = 0.0, []
    for k in range(SEGMENTS + 1):
        t = k / SEGMENTS
        walk = max(-1.0, min(1.0, walk + rng.uniform(-0.35, 0.35)))
        # Tapered to nothing at both corners, so that the borders meeting at a corner cannot cross.
        offset = AMPLITUDE * math.sin(math.pi * t) * walk
        points.append((a[0] + t * dx + offset * nx, a[1] + t * dy + offset * ny))
    points[0], points[-1] = a, b
    return points


def text(point):
    return f"[{point[0]:.6f},{point[1]:.6f}]"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    target = float(sys.argv[2]) * 1e6 if len(sys.argv) > 2 else 100e6
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 16
    written = 0
    n = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        head = '{"type":"FeatureCollection","name":"districts","features":[\n'
        f.write(head)
        written += len(head)
        # Borders as formatted text, keyed by their corners: a district's neighbour reuses them reversed,
        # so shared vertices are equal to the last digit. Only the row below is kept.
        below = {}
        j = 0
        while written < target:
            corners = [corner(seed, i, j + 1) for i in range(COLUMNS + 1)]
            lower = [corner(seed, i, j) for i in range(COLUMNS + 1)]
            verticals = [[text(p) for p in border(seed, lower[i], corners[i], ("v", i, j))]
                         for i in range(COLUMNS + 1)]
            above = {}
            rng = random.Random(hash_key(seed, "row", j))
            lines = []
            for i in range(COLUMNS):
                south = below.get(i) or [text(p) for p in border(seed, lower[i], lower[i + 1], ("h", i, j))]
                north = [text(p) for p in border(seed, corners[i], corners[i + 1], ("h", i, j + 1))]
                above[i] = north
                # Counter-clockwise: south west→east, east south→north, north east→west, west north→south.
                ring = south + verticals[i + 1][1:] + north[::-1][1:] + verticals[i][::-1][1:]
                population = int(rng.lognormvariate(9.5, 1.0))
                founded = f"{rng.randint(1920, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                lines.append(
                    f'{"," if n else ""}{{"type":"Feature","id":"d{n}","properties":{{"name":"District {j}-{i}",'
                    f'"population":{population},"founded":"{founded}"}},'
                    f'"geometry":{{"type":"Polygon","coordinates":[[{",".join(ring)}]]}}}}\n')
                n += 1
            below = above
            chunk = "".join(lines)
            f.write(chunk)
            written += len(chunk)
            j += 1
        f.write("]}\n")
    print(f"{out}: {n} districts in {j} rows, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
