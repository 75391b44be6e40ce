#!/usr/bin/env python3
"""1920x1080 PNG frames of a snapshot series drawn with GeoPandas + matplotlib, as an analyst would:
one frame per snapshot, the held area filled, a title with the date and the geodesic area.
   frames_matplotlib.py OUT_DIR FILE...      (prints frames/s)"""
import os
import re
import sys
import time

import matplotlib

matplotlib.use("Agg")
import geopandas as gpd
import matplotlib.pyplot as plt
import pyproj

out = sys.argv[1]
files = sorted(sys.argv[2:])
os.makedirs(out, exist_ok=True)
geod = pyproj.Geod(ellps="WGS84")
start = time.perf_counter()
for i, path in enumerate(files):
    frame = gpd.read_file(path)
    area = sum(abs(geod.geometry_area_perimeter(g)[0]) for g in frame.geometry) / 1e6
    fig, ax = plt.subplots(figsize=(19.2, 10.8), dpi=100)
    frame.plot(ax=ax, color="#d98c82", edgecolor="#7b241c", linewidth=1)
    ax.set_xlim(45.6, 47.8)
    ax.set_ylim(39.0, 40.6)
    date = re.search(r"(\d{8})", path).group(1)
    ax.set_title(f"{date}  held: {area:.3f} km²", fontsize=24)
    fig.savefig(os.path.join(out, f"frame_{i:05d}.png"))
    plt.close(fig)
elapsed = time.perf_counter() - start
print(f"{len(files)} frames in {elapsed:.2f} s: {len(files) / elapsed:.2f} frames/s")
