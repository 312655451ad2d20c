"""Sunlight hours on a ground grid, isochrones (等时线) and the standard shadow line.

A regular grid of receivers at a height (the ground, or a sill plane) sees the
whole sky except where buildings block it; cells inside a footprint have no
ground and are NaN. Isochrone polygons are unions of whole cells, so their
edges are exact to half a cell.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .sunlight import Obstructors, count_sunlight, sunlit_intervals

__all__ = ["Grid", "ground_sunlight", "grid_polygons", "isochrones"]


@dataclass
class Grid:
    """Values on cell centres ``x0 + (j + 0.5) * spacing``, ``y0 + (i + 0.5) * spacing`` (row 0 at y0, south)."""

    x0: float
    y0: float
    spacing: float
    values: np.ndarray  # (rows, cols), minutes; NaN off the area or inside buildings

    @property
    def shape(self):
        return self.values.shape

    def centres(self):
        rows, cols = self.values.shape
        xs = self.x0 + (np.arange(cols) + 0.5) * self.spacing
        ys = self.y0 + (np.arange(rows) + 0.5) * self.spacing
        return np.meshgrid(xs, ys)


def ground_sunlight(obstructors: Obstructors, area, spacing, height, latitude, declination, window, rules,
                    required_hours=1.0, grid_rotation=0.0, progress=None, is_canceled=None, max_cells=25_000_000):
    """Counted sunlit minutes on a grid over ``area`` (a polygon or bounds tuple) at ``height`` metres.

    Returns
    -------
    Grid
        Minutes per cell (NaN outside ``area`` and inside footprints).
    """
    if not spacing > 0:
        raise ValueError("Grid spacing must be positive.")
    if isinstance(area, tuple):
        area = shapely.box(*area)
    xmin, ymin, xmax, ymax = area.bounds
    x0 = np.floor(xmin / spacing) * spacing
    y0 = np.floor(ymin / spacing) * spacing
    cols = int(np.ceil((xmax - x0) / spacing))
    rows = int(np.ceil((ymax - y0) / spacing))
    if rows * cols > max_cells:
        raise ValueError(f"The grid would have {rows * cols:,} cells (more than {max_cells:,}); "
                         f"use a larger spacing or a smaller area.")
    grid = Grid(float(x0), float(y0), float(spacing), np.full((rows, cols), np.nan))
    X, Y = grid.centres()
    x, y = X.ravel(), Y.ravel()
    inside = shapely.contains_xy(area, x, y)
    fps = np.asarray(obstructors.footprints, dtype=object)
    fps = fps[~shapely.is_missing(fps)]
    if fps.size:
        inside &= ~shapely.contains_xy(shapely.union_all(fps), x, y)
    idx = np.flatnonzero(inside)
    rec = {"x": x[idx], "y": y[idx], "z": np.full(idx.size, float(height))}
    res = sunlit_intervals(rec, obstructors, latitude, declination, window, sweep_angle=0.0,
                           min_altitude=rules.min_altitude, grid_rotation=grid_rotation, progress=progress,
                           is_canceled=is_canceled)
    minutes, _ = count_sunlight(res, rules, window, required_hours)
    grid.values.ravel()[idx] = minutes
    return grid


def grid_polygons(mask, x0, y0, spacing):
    """The union of the cells where ``mask`` is true, as one shapely geometry (rows merged into runs)."""
    mask = np.asarray(mask, bool)
    if not mask.any():
        return shapely.Polygon()
    padded = np.pad(mask, ((0, 0), (1, 1)))
    d = np.diff(padded.astype(np.int8), axis=1)
    r_start, c_start = np.nonzero(d == 1)
    r_end, c_end = np.nonzero(d == -1)
    boxes = shapely.box(x0 + c_start * spacing, y0 + r_start * spacing, x0 + c_end * spacing, y0 + (r_start + 1) * spacing)
    return shapely.union_all(boxes, grid_size=spacing / 1000.0)


def isochrones(grid: Grid, hours):
    """For each number of hours, the area (cells) that gets fewer than that many hours of sun."""
    out = []
    for h in hours:
        mask = np.isfinite(grid.values) & (grid.values < h * 60.0 - 1e-9)
        out.append(grid_polygons(mask, grid.x0, grid.y0, grid.spacing))
    return out
