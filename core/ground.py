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

from .errors import SunSpaceError
from .sunlight import (Obstructors, _sun_basis, _sun_up_window, check_latitude, count_sunlight,
                       sunlit_intervals)

__all__ = ["Grid", "ground_sunlight", "grid_polygons", "isochrones", "shadow_reach", "buildings_near"]


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


def shadow_reach(obstructors: Obstructors, height, latitude, declination, window, min_altitude=0.0, cap=None):
    """The longest shadow (metres, in plan) any obstructor casts on the plane ``z = height`` in the counted hours.

    ``max_b (top_b - height) * cot(h_min)``, with ``h_min`` the lowest sun altitude counted
    (at one end of the window clipped to the time the sun is above ``max(min_altitude, 0)``);
    ``cot h = |s_xy| / s_z``. Bounded by ``cap`` (metres) when the sun reaches the horizon
    (``cot h -> inf``) or when given. 0 when no sun is counted.
    """
    win = _sun_up_window(latitude, declination, window, min_altitude)
    if win is None or obstructors.n_buildings == 0:
        return 0.0
    A, B, C = _sun_basis(latitude, declination)
    w = np.array(win)
    s = A[:, None] + B[:, None] * np.cos(w) + C[:, None] * np.sin(w)
    with np.errstate(divide="ignore"):
        L = np.where(s[2] > 1e-12, np.hypot(s[0], s[1]) / np.maximum(s[2], 1e-300), np.inf).max()
    reach = float(np.max(obstructors.top) - height)
    if reach <= 0:
        return 0.0
    r = reach * L
    return float(min(r, cap)) if cap is not None else float(r)


def buildings_near(obstructors: Obstructors, bounds, distance):
    """Indices of the buildings whose footprint comes within ``distance`` metres (in x or y) of ``bounds``."""
    xmin, ymin, xmax, ymax = bounds
    fps = np.asarray(obstructors.footprints, dtype=object)
    ok = np.flatnonzero(~shapely.is_missing(fps))
    if ok.size == 0:
        return ok
    b = shapely.bounds(fps[ok])
    d = float(distance) + 1e-6
    near = (b[:, 0] <= xmax + d) & (b[:, 2] >= xmin - d) & (b[:, 1] <= ymax + d) & (b[:, 3] >= ymin - d)
    return ok[near]


def _cells_inside(polygons, grid):
    """Flat mask of the grid cells whose centre lies inside one of ``polygons``: each (prepared)
    polygon tests only the block of cells under its bounding box."""
    rows, cols = grid.values.shape
    mask = np.zeros((rows, cols), bool)
    sp = grid.spacing
    xs = grid.x0 + (np.arange(cols) + 0.5) * sp
    ys = grid.y0 + (np.arange(rows) + 0.5) * sp
    shapely.prepare(polygons)
    for g, (bx0, by0, bx1, by1) in zip(polygons, shapely.bounds(polygons)):
        c0, c1 = max(0, int(np.floor((bx0 - grid.x0) / sp - 0.5))), min(cols, int(np.ceil((bx1 - grid.x0) / sp + 0.5)))
        r0, r1 = max(0, int(np.floor((by0 - grid.y0) / sp - 0.5))), min(rows, int(np.ceil((by1 - grid.y0) / sp + 0.5)))
        if c1 <= c0 or r1 <= r0:
            continue
        mask[r0:r1, c0:c1] |= shapely.contains_xy(g, xs[c0:c1][None, :], ys[r0:r1][:, None])
    return mask.ravel()


def ground_sunlight(obstructors: Obstructors, area, spacing, height, latitude, declination, window, rules,
                    required_hours=1.0, grid_rotation=0.0, progress=None, is_canceled=None, max_cells=25_000_000,
                    workers=None, parallel="threads"):
    """Counted sunlit minutes on a grid over ``area`` (a polygon or bounds tuple) at ``height`` metres.

    Only the buildings within shadow reach of the area (:func:`shadow_reach`: the longest
    shadow at the lowest counted sun, bounded by the extent of the scene) are prepared; cells
    inside a footprint are found with the footprints that meet the area only. The cells a
    building may shade are found by scan lines: each grid row crosses a building's convex
    shadow envelope in one run of cells (``sunlit_intervals(..., grid=...)``).

    Parameters
    ----------
    workers : int or None, threads or processes (None: every core, 1: serial); the result does not depend on it
    parallel : ``"threads"`` or ``"processes"`` (see :func:`~sunspace.core.sunlight.sunlit_intervals`)
    is_canceled : callable() -> bool or None; raises :class:`~sunspace.core.errors.Cancelled`

    Returns
    -------
    Grid
        Minutes per cell (NaN outside ``area`` and inside footprints).
    """
    if not spacing > 0:
        raise SunSpaceError("Grid spacing must be positive, got {spacing}.", spacing=spacing)
    check_latitude(latitude, declination)
    if isinstance(area, tuple):
        area = shapely.box(*area)
    if area is None or area.is_empty:
        raise SunSpaceError("The analysis area is empty.")
    xmin, ymin, xmax, ymax = area.bounds
    x0 = np.floor(xmin / spacing) * spacing
    y0 = np.floor(ymin / spacing) * spacing
    cols = int(np.ceil((xmax - x0) / spacing))
    rows = int(np.ceil((ymax - y0) / spacing))
    if rows * cols > max_cells:
        raise SunSpaceError("The grid would have {cells:,} cells (more than {max_cells:,}); "
                            "use a larger spacing or a smaller area.", cells=rows * cols, max_cells=max_cells)
    grid = Grid(float(x0), float(y0), float(spacing), np.full((rows, cols), np.nan))
    X, Y = grid.centres()
    x, y = X.ravel(), Y.ravel()
    if shapely.equals(area, shapely.box(*area.bounds)):
        inside = (x > xmin) & (x < xmax) & (y > ymin) & (y < ymax)  # a rectangle (interior, as contains_xy)
    else:
        shapely.prepare(area)
        inside = shapely.contains_xy(area, x, y)
    # only the buildings whose shadow can reach the area matter
    fps_all = np.asarray(obstructors.footprints, dtype=object)
    if obstructors.n_buildings:
        ok = ~shapely.is_missing(fps_all)
        tb = shapely.total_bounds(fps_all[ok]) if ok.any() else np.array(area.bounds)
        ext = (min(tb[0], xmin), min(tb[1], ymin), max(tb[2], xmax), max(tb[3], ymax))
        cap = float(np.hypot(ext[2] - ext[0], ext[3] - ext[1])) + 1.0
        reach = shadow_reach(obstructors, height, latitude, declination, window, rules.min_altitude, cap=cap)
        obs = obstructors.subset(buildings_near(obstructors, area.bounds, reach))
    else:
        obs = obstructors
    fps = np.asarray(obs.footprints, dtype=object)
    fps = fps[~shapely.is_missing(fps)]
    if fps.size:
        fps = fps[shapely.intersects(fps, area)]
    if fps.size:
        inside &= ~_cells_inside(fps, grid)
    idx = np.flatnonzero(inside)
    rec = {"x": x[idx], "y": y[idx], "z": np.full(idx.size, float(height))}
    res = sunlit_intervals(rec, obs, latitude, declination, window, sweep_angle=0.0,
                           min_altitude=rules.min_altitude, grid_rotation=grid_rotation, progress=progress,
                           is_canceled=is_canceled, workers=workers, parallel=parallel,
                           grid=(grid.x0, grid.y0, grid.spacing))
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
