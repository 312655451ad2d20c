"""Generate the bundled sample district: data/sample_district.gpkg (deterministic).

A fictional residential district in south Xi'an (around 108.95 E, 34.22 N) in
CGCS2000 / 3-degree Gauss-Krueger CM 108E (EPSG:4545). Twenty-one parcels on a
street grid rotated 8 degrees, with perturbed corners, a river cutting the
north-east corner (pentagons and a triangle) and two parcels sharing a line
with a shop across it. Every category (低层 ... 高层Ⅲ类) and both forms (slab
rows, point towers) appear; some parcels deliberately break the sunlight
spacing (rows at 60-70 % of k*H) or the concentrated-green requirement.

Two parcels are laid out exactly so tests can check hand-computed indicators:
- XA-01: a 180 m x 200 m rectangle (on the rotated grid) with six 6-storey
  slabs of 60 m x 12 m and a 40 m x 30 m green.
- XA-18: a 150 m x 160 m rectangle with four 11-storey slabs of 60 m x 12 m,
  a 36 m x 30 m green and half of a 40 m x 20 m two-storey shop whose other
  half lies in XA-19 (the shared line is the parcel's east edge).

Run:  .venv/bin/python tools/make_sample.py [output.gpkg]
"""
from __future__ import annotations

import math
import os
import sys

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, Polygon, box

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))  # parent of the plugin folder
try:
    from sunspace.core.standards import spacing_coefficient
except ImportError:  # running from a checkout not named sunspace
    sys.path.insert(0, os.path.dirname(HERE))
    from core.standards import spacing_coefficient

EPSG = 4545
ORIGIN_LONLAT = (108.95, 34.215)
ROTATION = 8.0  # degrees, grid x axis counter-clockwise from east
ROAD = 24.0  # city road width between parcels, m
SETBACK = 8.0  # building setback from parcel line, m
FLOOR_H = 3.0
SILL = 0.9
K2 = float(spacing_coefficient(34.22, -20.2, 2.0))  # Xi'an, 大寒日 2 h

COLS = [180.0, 200.0, 240.0, 210.0, 190.0]
ROWS = [200.0, 180.0, 220.0, 190.0]

# (category wanted, form, floors, row-spacing ratio to k*H (<1 breaks sunlight), green ratio to the
# 0.5 m2/person requirement (<1 breaks green), building length, depth)
SCHEMES = {
    (0, 0): ("mid1", "slab", 6, 1.05, 2.0, 60, 12),  # XA-01, exact layout below
    (1, 0): ("low", "slab", 3, 1.10, 3.0, 36, 11),
    (2, 0): ("low", "tower", 3, 1.20, 2.5, 14, 12),
    (3, 0): ("mid1", "slab", 6, 0.65, 1.5, 60, 12),  # breaks sunlight
    (4, 0): ("mid2", "slab", 9, 1.05, 0.4, 60, 13),  # breaks green
    (0, 1): ("mid2", "slab", 8, 1.05, 1.5, 54, 12),
    (1, 1): ("high1", "slab", 11, 1.05, 1.2, 60, 13),
    (2, 1): ("high1", "tower", 18, 1.05, 1.2, 26, 24),
    (3, 1): ("high1", "slab", 17, 0.70, 1.2, 70, 14),  # breaks sunlight
    (4, 1): ("high2", "tower", 24, 1.00, 1.1, 28, 24),
    (0, 2): ("high2", "slab", 25, 1.02, 1.0, 66, 14),
    (1, 2): ("high2", "tower", 26, 0.60, 0.3, 28, 26),  # breaks both
    (2, 2): ("high3", "tower", 32, 1.00, 1.1, 30, 26),
    (3, 2): ("mixed", "mixed", 18, 1.05, 1.2, 60, 13),
    (4, 2): ("nonres", "school", 4, 1.0, 0.0, 70, 18),
    (0, 3): ("high3", "tower", 33, 0.65, 0.5, 30, 26),  # breaks both
    (1, 3): ("mid1", "slab", 5, 1.05, 1.5, 50, 12),
    (2, 3): ("exact17", "slab", 11, 1.0, 1.0, 60, 12),  # XA-17 / XA-18 split cell
    (3, 3): ("high1", "tower", 16, 1.00, 1.3, 24, 22),
    (4, 3): ("high3", "mixed", 30, 1.00, 1.0, 30, 26),
}


class Grid:
    """Local design frame (u east, v north along the rotated grid) -> EPSG:4545."""

    def __init__(self):
        from pyproj import Transformer

        tr = Transformer.from_crs("EPSG:4326", f"EPSG:{EPSG}", always_xy=True)
        self.x0, self.y0 = (round(c, 0) for c in tr.transform(*ORIGIN_LONLAT))

    def place(self, geom):
        g = affinity.rotate(geom, ROTATION, origin=(0, 0))
        return affinity.translate(g, self.x0, self.y0)


def grid_nodes(rng):
    xs = np.concatenate([[0.0], np.cumsum([c + ROAD for c in COLS])])
    ys = np.concatenate([[0.0], np.cumsum([r + ROAD for r in ROWS])])
    jitter = rng.uniform(-12.0, 12.0, size=(len(xs), len(ys), 2))
    return xs, ys, jitter


def cell_polygon(xs, ys, jitter, i, j):
    """Parcel polygon of cell (i, j): corners perturbed, inset by half a road."""
    h = ROAD / 2.0
    corners = []
    for (a, b), (du, dv) in zip(((i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)), ((h, h), (-h, h), (-h, -h), (h, -h))):
        corners.append((xs[a] + jitter[a, b, 0] + du, ys[b] + jitter[a, b, 1] + dv))
    return Polygon(corners)


def rows_of_buildings(area, length, depth, floors, ratio, gap_x, stagger=0.0):
    """Rows of footprints from the north edge of ``area`` southwards.

    Rows are ``ratio * k * (H - sill)`` apart (k for Xi'an, 大寒日 2 h); within a
    row, footprints are placed west to east wherever they fit, ``gap_x`` apart.
    ``stagger`` shifts every other row east by that many metres (tower lattices).
    """
    height = floors * FLOOR_H
    spacing = ratio * K2 * (height - SILL)
    xmin, ymin, xmax, ymax = area.bounds
    out = []
    v = ymax - depth
    row = 0
    while v >= ymin:
        u = xmin + (stagger if row % 2 else 0.0)
        placed = False
        while u + length <= xmax:
            fp = box(u, v, u + length, v + depth)
            if area.contains(fp):
                out.append(fp)
                placed = True
                u += length + gap_x
            else:
                u += 2.0
        if placed:
            v -= depth + spacing
            row += 1
        else:
            v -= 2.0
    return out, height


def make(path):
    from osgeo import ogr, osr

    rng = np.random.default_rng(20250708)
    grid = Grid()
    xs, ys, jitter = grid_nodes(rng)
    river = Polygon([(900, 1000), (1200, 700), (1200, 1000)])  # cuts the north-east corner

    parcels, buildings, greens, roads = [], [], [], []
    pid = 0
    tallest = {}  # (i, j) -> tallest height, for shadows reaching across the road
    for j in range(len(ROWS)):
        for i in range(len(COLS)):
            cat, form, floors, ratio, green_ratio, length, depth = SCHEMES[(i, j)]
            poly = cell_polygon(xs, ys, jitter, i, j)
            if cat in ("mid1",) and (i, j) == (0, 0):
                x0, y0 = xs[0] + ROAD / 2, ys[0] + ROAD / 2
                poly = box(x0, y0, x0 + 180.0, y0 + 200.0)
            poly = poly.difference(river)
            if poly.area < 4000:
                continue
            split = [poly]
            if cat == "exact17":
                x0, y0 = xs[i] + ROAD / 2, ys[j] + ROAD / 2
                left = box(x0, y0, x0 + 150.0, y0 + 160.0)
                right = Polygon([(x0 + 150.0, y0), (xs[i + 1] - ROAD / 2 + jitter[i + 1, j, 0], y0),
                                 (xs[i + 1] - ROAD / 2 + jitter[i + 1, j + 1, 0], y0 + 160.0), (x0 + 150.0, y0 + 160.0)])
                split = [left, right]
            for part_no, parcel in enumerate(split):
                pid += 1
                code = f"XA-{pid:02d}"
                parcels.append({"geom": parcel, "parcel_id": code, "name": f"{code} 地块", "landuse": "R2" if cat != "nonres" else "A33"})
                south_h = tallest.get((i, j - 1), 0.0)
                reserve = max(0.0, K2 * (south_h - SILL) - (ROAD + 2 * SETBACK)) if ratio >= 1 else 0.0
                inner = parcel.buffer(-SETBACK, join_style=2)
                made = []
                if cat == "exact17" and part_no == 1:
                    # XA-18: a shop across the shared line with XA-17 and one tower
                    shop = box(x0 + 130.0, y0 + 60.0, x0 + 170.0, y0 + 80.0)
                    buildings.append({"geom": shop, "floors": 2, "use": "commercial", "name": "邻里商业"})
                    tower = box(x0 + 175.0, y0 + 120.0, x0 + 175.0 + 22, y0 + 120.0 + 22)
                    if parcel.buffer(-2).contains(tower):
                        made.append(("residential", tower, 11))
                    greens.append({"geom": box(x0 + 175.0, y0 + 20.0, x0 + 195.0, y0 + 50.0), "name": f"{code} 组团绿地"})
                elif cat == "exact17":
                    for r in range(2):
                        for c in range(2):
                            u = x0 + 10.0 + c * 70.0
                            v = y0 + 140.0 - 12.0 - r * (12.0 + 58.0)
                            made.append(("residential", box(u, v, u + 60.0, v + 12.0), 11))
                    greens.append({"geom": box(x0 + 10.0, y0 + 10.0, x0 + 46.0, y0 + 40.0), "name": f"{code} 组团绿地"})
                elif (i, j) == (0, 0):
                    for r in range(3):
                        for c in range(2):
                            u = x0 + 20.0 + c * 80.0
                            v = y0 + 200.0 - 20.0 - 12.0 - r * 54.0
                            made.append(("residential", box(u, v, u + 60.0, v + 12.0), 6))
                    greens.append({"geom": box(x0 + 70.0, y0 + 8.0, x0 + 110.0, y0 + 38.0), "name": f"{code} 组团绿地"})
                elif cat == "nonres":
                    fp = box(*inner.centroid.buffer(1).bounds).buffer(0)
                    c = inner.centroid
                    made.append(("school", box(c.x - 35, c.y - 9, c.x + 35, c.y + 9), floors))
                    made.append(("school", box(c.x - 35, c.y - 60, c.x - 17, c.y - 20), 3))
                else:
                    # green first, on the sunny south side; then rows from the north edge
                    gx0, gy0, gx1, gy1 = inner.bounds
                    area_build = inner
                    if reserve > 0:
                        area_build = area_build.intersection(box(gx0, gy0 + reserve, gx1, gy1))
                    specs = []
                    if form == "mixed":
                        half = box(gx0, gy0, (gx0 + gx1) / 2, gy1)
                        specs.append((area_build.intersection(half), 60, 13, 18 if cat == "mixed" else 27, ratio, 13, 0.0))
                        specs.append((area_build.difference(half), 26, 24, 11 if cat == "mixed" else 30, 0.55 * ratio, 30, 28.0))
                    elif form == "tower":
                        # point towers cast narrow, moving shadows: staggered lattice at about half k*H
                        specs.append((area_build, length, depth, floors, 0.55 * ratio, 1.2 * length, 1.1 * length))
                    else:
                        specs.append((area_build, length, depth, floors, ratio, 13.0, 0.0))
                    for region, ln, dp, fl, rt, gp, st in specs:
                        if region.is_empty:
                            continue
                        fps, _ = rows_of_buildings(region, ln, dp, fl, rt, gp, st)
                        made += [("residential", f, fl) for f in fps]
                    # concentrated green sized against the requirement, in the largest gap
                    res_gfa = sum(f.area * fl for _, f, fl in made)
                    need = 0.5 * res_gfa / 30.0 * green_ratio
                    if need > 0:
                        free = inner.difference(shapely.union_all([f.buffer(6.0) for _, f, _ in made])) if made else inner
                        free = max(getattr(free, "geoms", [free]), key=lambda g: g.area)
                        c = free.representative_point()
                        side = math.sqrt(need)
                        for _ in range(8):  # grow the patch until what fits reaches the intended area
                            g = box(c.x - side * 0.6, c.y - side / 2.4, c.x + side * 0.6, c.y + side / 2.4).intersection(free)
                            if g.area >= need:
                                break
                            side *= 1.15
                        if not g.is_empty:
                            greens.append({"geom": g, "name": f"{code} 组团绿地"})
                for use, fp, fl in made:
                    buildings.append({"geom": fp, "floors": fl, "use": use, "name": ""})
                tallest[(i, j)] = max([fl * FLOOR_H for _, _, fl in made], default=0.0)
                # estate road: a 4 m spine along the inner west edge
                ix0, iy0, ix1, iy1 = inner.bounds
                spine = LineString([(ix0 + 3, iy0), (ix0 + 3, iy1)]).intersection(inner)
                if not spine.is_empty and spine.geom_type == "LineString":
                    roads.append({"geom": spine, "width": 4.0, "kind": "estate"})
    # a corner shop that crosses a parcel line into the road (part of it lies in no parcel)
    p = parcels[2]["geom"]
    bx, by = p.bounds[0], p.bounds[1]
    buildings.append({"geom": box(bx - 6.0, by + 30.0, bx + 14.0, by + 50.0), "floors": 1, "use": "commercial", "name": "街角商铺"})

    for n, b in enumerate(buildings, 1):
        b["bldg_id"] = f"B{n:03d}"
        b["height"] = round(b["floors"] * FLOOR_H, 2)

    if os.path.exists(path):
        os.remove(path)
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)

    def write(name, gtype, rows, fields):
        lyr = ds.CreateLayer(name, srs, gtype, options=["FID=fid"])
        for fname, ftype in fields:
            lyr.CreateField(ogr.FieldDefn(fname, ftype))
        for r in rows:
            f = ogr.Feature(lyr.GetLayerDefn())
            for fname, _ in fields:
                f.SetField(fname, r[fname])
            geom = grid.place(r["geom"])
            geom = shapely.set_precision(geom, 0.001)
            f.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geom)))
            lyr.CreateFeature(f)

    S, R, I = ogr.OFTString, ogr.OFTReal, ogr.OFTInteger
    write("parcels", ogr.wkbPolygon, parcels, [("parcel_id", S), ("name", S), ("landuse", S)])
    write("buildings", ogr.wkbPolygon, buildings, [("bldg_id", S), ("floors", I), ("height", R), ("use", S), ("name", S)])
    write("green", ogr.wkbPolygon, greens, [("name", S)])
    write("roads", ogr.wkbLineString, roads, [("width", R), ("kind", S)])
    ds = None
    print(f"{path}: {len(parcels)} parcels, {len(buildings)} buildings, {len(greens)} green, {len(roads)} roads")


if __name__ == "__main__":
    make(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(HERE), "data", "sample_district.gpkg"))
