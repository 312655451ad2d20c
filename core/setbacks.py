"""Sunlight setbacks (日照间距): coefficient-method zones, exact zones and spacing checks.

Coefficient method (系数法, DOMAIN.md section 2): the required spacing north of a
building of height H for a receiver sill dh above the same ground is::

    L = k(N) * (H - dh) * f(theta)

with k(N) = cot h cos A at hour angle 7.5 deg * N and f the GB 50180-93 orientation
reduction for a building turned theta from due south. Its zone is the ground swept
by the footprint moved north by up to L (less the footprint itself).

Exact zone: the ground at sill height that gets fewer than N hours because of the
building alone, i.e. its N-hour isochrone computed with the sunlight engine.
"""
from __future__ import annotations

import numpy as np
import shapely

from .errors import Cancelled, SunSpaceError
from .ground import ground_sunlight, grid_polygons
from .standards import orientation_factor, spacing_coefficient
from .sunlight import _envelopes, _sun_basis, _sun_up_window, check_latitude, prepare_obstructors

__all__ = ["building_orientation", "coefficient_zones", "exact_zones", "spacing_checks", "zone_hour_angles"]


def building_orientation(footprints) -> np.ndarray:
    """Angle (degrees, 0-90) between the main facade's normal and due south.

    The main facades are the long sides of the minimum rotated rectangle; a slab
    running east-west faces south (0), one running north-south faces east/west (90).
    """
    geoms = np.asarray(footprints, dtype=object)
    out = np.zeros(geoms.shape)
    rects = shapely.oriented_envelope(geoms)
    for i, r in enumerate(rects):
        if r is None or r.geom_type != "Polygon":
            continue
        xy = np.asarray(r.exterior.coords)
        e = np.diff(xy[:3], axis=0)
        long = e[np.argmax(np.hypot(e[:, 0], e[:, 1]))]
        ang = np.degrees(np.arctan2(long[1], long[0])) % 180.0  # long-side direction from east
        out[i] = min(ang, 180.0 - ang)  # long side east-west -> facade faces south
    return out


def _sweep_north(geom, length):
    """The ground swept by ``geom`` moved north by 0..length (Minkowski sum with a north segment)."""
    parts = []
    for poly in shapely.get_parts(geom):
        rings = [np.asarray(poly.exterior.coords)[:, :2]] + [np.asarray(r.coords)[:, :2] for r in poly.interiors]
        for xy in rings:
            a, b = xy[:-1], xy[1:]
            quads = np.stack([a, b, b + [0, length], a + [0, length]], axis=1)
            parts.append(shapely.make_valid(shapely.polygons(quads)))
    parts.append(np.array([geom, shapely.affinity.translate(geom, 0, length)], dtype=object))
    return shapely.union_all(np.concatenate([np.atleast_1d(p) for p in parts]))


def coefficient_zones(footprints, heights, latitude, declination, hours, sill=0.9, base=0.0):
    """Coefficient-method setback zones and their numbers.

    Returns
    -------
    dict with ``zone`` (shapely polygons: swept ground minus the footprint), ``k``, ``theta``
    (orientation from south), ``factor`` (orientation reduction) and ``spacing`` (L, metres).
    """
    fps = np.asarray(footprints, dtype=object)
    h = np.asarray(heights, float)
    k = float(spacing_coefficient(latitude, declination, hours))
    theta = building_orientation(fps)
    f = orientation_factor(theta)
    eff = np.maximum(h - sill, 0.0)
    L = k * eff * f
    zones = np.empty(fps.size, dtype=object)
    for i, g in enumerate(fps):
        zones[i] = None if g is None or L[i] <= 0 else _sweep_north(g, L[i]).difference(g)
    return {"zone": zones, "k": np.full(fps.size, k), "theta": theta, "factor": f, "spacing": L}


#: For rules that fragment or select segments, shadows longer than this many times the building's
#: height above the sill (sun below about 2.9 deg) are not followed by :func:`exact_zones`.
FRAGMENTING_RULES_MAX_COT = 20.0


def zone_hour_angles(latitude, declination, window, rules, hours):
    """Hour angles (radians) whose shadows can put a point below ``hours``: ``(lo, hi)``.

    The counted hours are the window clipped to the sun above ``max(min_altitude, 0)``:
    ``[lo0, hi0]``, ``T = hi0 - lo0``. For plain cumulative counting (no minimum segment, no
    longest-segments or continuity rule) a point that fails is shaded for more than ``T - N``
    (by steps: more than ``S - R`` of the ``S`` counted step middles, ``R`` the required steps),
    so it is shaded at some instant of the middle part ``[lo0 + d, hi0 - d]`` with
    ``d = (T - N) / 2 - 2 step - 1 min`` (>= 0): only those shadows are needed, and the sun is
    high then. Other rules use the whole ``[lo0, hi0]``.

    Raises
    ------
    SunSpaceError
        when the open sky itself gets fewer than ``hours`` counted hours.
    """
    win = _sun_up_window(latitude, declination, window, rules.min_altitude)
    T = 0.0 if win is None else np.degrees(win[1] - win[0]) / 15.0
    if T < hours - 1e-9:
        raise SunSpaceError("At latitude {latitude:.2f}°N the sun is up for only {avail:.2f} h of the counting window "
                            "{w0:g}-{w1:g} h, less than the required {hours:g} h: there is no setback zone to draw.",
                            latitude=float(latitude), avail=T, w0=window[0], w1=window[1], hours=hours)
    lo, hi = win
    plain = not rules.continuous and rules.longest_segments is None and rules.min_segment_minutes <= 0
    if plain:
        step = (rules.step_minutes or 0.0) / 60.0
        d = max(0.0, (T - hours) / 2.0 - 2.0 * step - 1.0 / 60.0)
        dw = np.radians(15.0 * d)
        lo, hi = lo + dw, hi - dw
    return lo, hi, plain


def exact_zones(footprints, heights, latitude, declination, window, rules, hours, sill=0.9, resolution=1.0,
                base=None, progress=None, is_canceled=None, workers=1):
    """Each building's exact setback zone: ground at sill height with < ``hours`` of sun because of it alone.

    The zone is searched inside the building's shadow envelope over :func:`zone_hour_angles`
    (the middle hours for cumulative counting; for rules that fragment or select segments the
    whole sunlit window, with shadows longer than :data:`FRAGMENTING_RULES_MAX_COT` times the
    height not followed).

    Raises
    ------
    SunSpaceError
        for an unsupported latitude or a window without ``hours`` of sun.
    Cancelled
        when ``is_canceled()`` becomes true.
    """
    check_latitude(latitude, declination)
    fps = np.asarray(footprints, dtype=object)
    h = np.asarray(heights, float)
    base = np.zeros(fps.size) if base is None else np.asarray(base, float)
    A, B, C = _sun_basis(latitude, declination)
    w0, w1, plain = zone_hour_angles(latitude, declination, window, rules, hours)
    out = np.empty(fps.size, dtype=object)
    for i, g in enumerate(fps):
        if is_canceled is not None and is_canceled():
            raise Cancelled()
        if g is None or h[i] <= sill:
            out[i] = None
            continue
        obs = prepare_obstructors([g], [base[i]], [h[i]])
        cap = None if plain else FRAGMENTING_RULES_MAX_COT * (h[i] - sill)
        env = _envelopes(obs, A, B, C, w0, w1, base[i] + sill, cap=cap)[0]
        grid = ground_sunlight(obs, env, resolution, base[i] + sill, latitude, declination, window, rules, hours,
                               is_canceled=is_canceled, workers=workers)
        mask = np.isfinite(grid.values) & (grid.values < hours * 60.0 - 1e-9)
        out[i] = grid_polygons(mask, grid.x0, grid.y0, grid.spacing).difference(g)
        if progress is not None:
            progress((i + 1) / fps.size)
    return out


def _north_gap(south, north, xs):
    """Per x, the north-south gap between the top of ``south`` and the bottom of ``north`` (NaN if a line misses one)."""
    gaps = np.full(len(xs), np.nan)
    ymin = min(south.bounds[1], north.bounds[1]) - 1
    ymax = max(south.bounds[3], north.bounds[3]) + 1
    lines = shapely.linestrings(np.stack([np.c_[xs, np.full(len(xs), ymin)], np.c_[xs, np.full(len(xs), ymax)]], axis=1))
    a = shapely.intersection(lines, south)
    b = shapely.intersection(lines, north)
    for j in range(len(xs)):
        if a[j].is_empty or b[j].is_empty:
            continue
        top = shapely.get_coordinates(a[j])[:, 1].max()
        bottom = shapely.get_coordinates(b[j])[:, 1].min()
        gaps[j] = bottom - top
    return gaps


def spacing_checks(footprints, heights, residential, latitude, declination, hours, sill=0.9, base=None,
                   min_overlap=3.0, search_factor=1.5):
    """North-south spacing between facing residential buildings against the coefficient method.

    For each residential building B and each building A to its south whose east-west
    extent overlaps B's by at least ``min_overlap`` metres and stands no farther than
    ``search_factor`` times the spacing A requires, the actual spacing is the smallest
    north-south gap over the overlap; the required spacing is
    ``k(N) * (H_A + base_A - base_B - sill) * f(theta_B)``. Only the nearest southern
    obstructor over each part of B's south side is kept (a building hidden behind a
    nearer one is not reported).

    Returns
    -------
    dict of arrays: ``south``, ``north`` (building indices), ``actual``, ``required``,
    ``deficit`` (required - actual, > 0 fails), ``passed``, and ``line`` (shapely
    LineStrings drawn where the gap is smallest).
    """
    fps = np.asarray(footprints, dtype=object)
    h = np.asarray(heights, float)
    res = np.asarray(residential, bool)
    base = np.zeros(fps.size) if base is None else np.asarray(base, float)
    k = float(spacing_coefficient(latitude, declination, hours))
    theta = building_orientation(fps)
    f = orientation_factor(theta)
    bounds = shapely.bounds(fps)
    tree = shapely.STRtree(fps)
    cols = {c: [] for c in ("south", "north", "actual", "required", "line")}
    for bi in np.flatnonzero(res):
        if fps[bi] is None:
            continue
        bx0, by0, bx1, by1 = bounds[bi]
        reach = k * max(np.max(h + base) - base[bi] - sill, 0.0) * search_factor
        cand = tree.query(shapely.box(bx0, by0 - reach, bx1, by0 + 0.5 * (by1 - by0)))
        found = []
        for ai in cand:
            if ai == bi or fps[ai] is None:
                continue
            ax0, ay0, ax1, ay1 = bounds[ai]
            lo, hi = max(ax0, bx0), min(ax1, bx1)
            if hi - lo < min_overlap or (ay0 + ay1) >= (by0 + by1):
                continue
            xs = np.linspace(lo + 0.01, hi - 0.01, max(3, int((hi - lo) / 0.5)))
            gaps = _north_gap(fps[ai], fps[bi], xs)
            if not np.isfinite(gaps).any() or np.nanmin(gaps) < 0:
                continue
            found.append((ai, xs, gaps))
        if not found:
            continue
        # keep A only where it is the nearest southern obstructor for some part of the overlap
        for ai, xs, gaps in found:
            others = [np.interp(xs, xs2, gaps2, left=np.inf, right=np.inf) for aj, xs2, gaps2 in found if aj != ai]
            nearer = np.nanmin(np.vstack(others), axis=0) if others else np.full(len(xs), np.inf)
            if not np.any(np.isfinite(gaps) & ~(nearer < gaps - 1e-6)):
                continue
            j = int(np.nanargmin(gaps))
            required = k * max(h[ai] + base[ai] - base[bi] - sill, 0.0) * f[bi]
            actual = float(gaps[j])
            if actual > search_factor * required:
                continue
            ytop = shapely.get_coordinates(shapely.intersection(
                shapely.LineString([(xs[j], bounds[ai][1] - 1), (xs[j], bounds[ai][3] + 1)]), fps[ai]))[:, 1].max()
            cols["south"].append(ai)
            cols["north"].append(bi)
            cols["actual"].append(actual)
            cols["required"].append(required)
            cols["line"].append(shapely.LineString([(xs[j], ytop), (xs[j], ytop + actual)]))
    out = {c: np.asarray(v) for c, v in cols.items()}
    out["line"] = np.asarray(cols["line"], dtype=object)
    if out["actual"].size == 0:
        out = {"south": np.empty(0, int), "north": np.empty(0, int), "actual": np.empty(0), "required": np.empty(0),
               "line": np.empty(0, dtype=object)}
    out["deficit"] = out["required"] - out["actual"]
    out["passed"] = out["deficit"] <= 1e-9
    return out
