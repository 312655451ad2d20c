"""Command line: window sunlight of a building layer by tiles, on this machine or a dask cluster.

    python -m sunspace.core.cluster buildings.geojson --height-field height --out windows.csv
    (every core of this machine: this process and one worker process per further core)
    python -m sunspace.core.cluster city.gpkg --layer buildings --height-field h \\
        --scheduler tcp://10.0.0.5:8786 --every-floor --out windows.csv

Reads GeoJSON (``--crs``, default EPSG:4326) or a GeoPackage layer (its own CRS) with json,
sqlite3, shapely and pyproj only; repairs invalid footprints as the plugin does (said on stderr);
writes one CSV row per window receiver: building (0-based feature order), floor, lon, lat, z,
minutes, passed. See :func:`sunspace.core.tiles.window_sunlight_tiled`.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sqlite3
import struct
import sys
import time

import numpy as np
import shapely

from .errors import SunSpaceError
from .validation import repair_polygons

_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def read_geojson(path, height_field, base_field=None):
    """Footprints, heights and bases of a GeoJSON FeatureCollection."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    feats = data["features"]
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in feats])
    height = np.array([_num(f["properties"].get(height_field)) for f in feats], float)
    base = np.array([_num(f["properties"].get(base_field)) if base_field else 0.0 for f in feats], float)
    return geoms, height, base


def _num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return np.nan


def read_gpkg(path, layer, height_field, base_field=None):
    """Footprints, heights, bases and the CRS (WKT or ``EPSG:n``) of a GeoPackage layer (sqlite3 only)."""
    con = sqlite3.connect(path)
    try:
        cur = con.cursor()
        if layer is None:
            layer = cur.execute("SELECT table_name FROM gpkg_geometry_columns LIMIT 1").fetchone()[0]
        col, srs_id = cur.execute("SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                                  (layer,)).fetchone()
        org, code, wkt = cur.execute("SELECT organization, organization_coordsys_id, definition "
                                     "FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,)).fetchone()
        crs = f"{org}:{code}" if org and org.upper() == "EPSG" else wkt
        fields = f'"{col}", "{height_field}"' + (f', "{base_field}"' if base_field else "")
        rows = cur.execute(f'SELECT {fields} FROM "{layer}"').fetchall()
    finally:
        con.close()
    geoms = np.array([_gpkg_geometry(r[0]) for r in rows], dtype=object)
    height = np.array([_num(r[1]) for r in rows], float)
    base = np.array([_num(r[2]) if base_field else 0.0 for r in rows], float)
    return geoms, height, base, crs


def _gpkg_geometry(blob):
    """Shapely geometry of a GeoPackage geometry blob (``GP`` header, optional envelope, then WKB)."""
    if blob is None:
        return None
    blob = bytes(blob)
    if blob[:2] != b"GP":
        raise SunSpaceError("Not a GeoPackage geometry.")
    flags = blob[3]
    if flags & 0x10:  # empty geometry
        return None
    env = _ENVELOPE_BYTES.get((flags >> 1) & 0x07, 0)
    struct.unpack("<i" if flags & 1 else ">i", blob[4:8])
    return shapely.from_wkb(blob[8 + env:])


def main(argv=None):
    from .solar import standard_day
    from .standards import counting_rules
    from .tiles import window_sunlight_tiled

    ap = argparse.ArgumentParser(prog="python -m sunspace.core.cluster", description=__doc__.split("\n\n")[0])
    ap.add_argument("path", help="GeoJSON or GeoPackage of building footprints")
    ap.add_argument("--layer", help="GeoPackage layer (default: the first)")
    ap.add_argument("--crs", default="EPSG:4326", help="CRS of a GeoJSON (default EPSG:4326)")
    ap.add_argument("--height-field", default="height")
    ap.add_argument("--base-field")
    ap.add_argument("--day", choices=("dahan", "dongzhi"), default="dahan")
    ap.add_argument("--year", type=int, default=2026)
    ap.add_argument("--hours", type=float, default=2.0)
    ap.add_argument("--window", type=float, nargs=2, default=None, help="true solar hours (default 8 16 / 9 15)")
    ap.add_argument("--preset", default="national", help="counting rules preset")
    ap.add_argument("--spacing", type=float, default=1.0)
    ap.add_argument("--sill", type=float, default=0.9)
    ap.add_argument("--floor-height", type=float, default=3.0)
    ap.add_argument("--every-floor", action="store_true")
    ap.add_argument("--south-only", action="store_true")
    ap.add_argument("--tile-size", type=float, default=2000.0, help="metres")
    ap.add_argument("--one-latitude", action="store_true", help="use the layer's centre latitude for every tile")
    ap.add_argument("--scheduler", default="processes",
                    help="'processes' (default: this process and worker processes, every core of this machine), "
                         "'none' (this process only, threads), 'local' (a dask LocalCluster) or a dask scheduler "
                         "address such as tcp://10.0.0.5:8786")
    ap.add_argument("--workers", type=int, default=None,
                    help="processes (this one included) or dask workers; default: every core")
    ap.add_argument("--out", required=True, help="CSV file to write")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    if a.path.lower().endswith(".gpkg"):
        geoms, height, base, crs = read_gpkg(a.path, a.layer, a.height_field, a.base_field)
    else:
        geoms, height, base = read_geojson(a.path, a.height_field, a.base_field)
        crs = a.crs
    # invalid footprints are repaired as in the plugin, and said (features by 0-based order)
    geoms, repaired = repair_polygons(geoms, np.arange(len(geoms)), os.path.basename(a.path))
    for template, values in repaired:
        print(template.format(**values), file=sys.stderr)
    ok = ~shapely.is_missing(geoms) & np.isfinite(height) & (height > 0) & np.isfinite(base)
    if not ok.all():
        print(f"skipping {int((~ok).sum())} feature(s) without geometry or a positive height", file=sys.stderr)
    idx = np.flatnonzero(ok)
    term = "大寒" if a.day == "dahan" else "冬至"
    dec = standard_day(term, a.year)["declination"]
    window = tuple(a.window) if a.window else ((8.0, 16.0) if a.day == "dahan" else (9.0, 15.0))
    rules = counting_rules(a.preset, a.day)
    res = window_sunlight_tiled(geoms[idx], base[idx], height[idx], crs, dec, window, rules, a.hours,
                                spacing=a.spacing, sill=a.sill, floor_height=a.floor_height,
                                every_floor=a.every_floor, south_only=a.south_only, tile_size_m=a.tile_size,
                                per_tile_latitude=not a.one_latitude,
                                scheduler=None if a.scheduler == "none" else a.scheduler, workers=a.workers)
    with open(a.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["building", "floor", "lon", "lat", "z", "minutes", "passed"])
        for row in zip(idx[res["building"]], res["floor"], np.round(res["lon"], 8), np.round(res["lat"], 8),
                       np.round(res["z"], 3), res["minutes"], res["passed"].astype(int)):
            w.writerow(row)
    n = len(res["minutes"])
    print(f"{n:,} windows in {len(res['tiles'])} tiles, {float(np.mean(res['passed'])) if n else 0:.1%} pass, "
          f"{time.perf_counter() - t0:.1f} s -> {a.out}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SunSpaceError as exc:
        sys.exit(f"error: {exc}")
