"""Window sunlight hours: exact sunlit intervals of receivers among prism obstructors.

Model
-----
Obstructors are vertical prisms: a footprint polygon (non-convex, with holes,
multi-part), a base elevation ``zb`` and a top ``zt = zb + height``. A building
stands on solid ground (terrain or podium), so it blocks every ray that passes
through its footprint below its top; the base raises the top and the building's
own window sills. Receivers are points
``(x, y, z)`` in a local metric frame (x east, y north, z up) with, for windows,
the outward facade normal ``(nx, ny)``.

For one standard day the sun's declination ``dec`` is held fixed (the practice
of the standards and of commercial sunlight software), so the unit vector to the
sun at hour angle ``w`` (true solar time ``t``: ``w = 15 deg * (t - 12 h)``) is::

    s(w) = A + B cos w + C sin w
    A = (0, cos(phi) sin(dec), sin(phi) sin(dec))
    B = (0, -sin(phi) cos(dec), cos(phi) cos(dec))
    C = (-cos(dec), 0, 0)

A rising ray from receiver p towards the sun that starts outside a solid enters
it, if at all, through a wall face q1-q2 whose outward normal points away from
the sun. With m the unit normal pointing from p to the wall, the ray crosses the
face below its top exactly when three conditions hold, each *linear* in s and
hence of the form ``alpha + beta cos w + gamma sin w >= 0``::

    sign * cross(q1 - p, s_xy) >= 0,  sign * cross(s_xy, q2 - p) >= 0    (sun within the wall's cone)
    (zt - z) (m . s_xy) - (m . (q1 - p)) s_z >= 0                        (ray below the top)

Each has at most two roots, found in closed form, so the hour angles at which
the wall shades the receiver are exact intervals: no ray is cast per minute.
(The two cone conditions together are one interval of the sun's azimuth, which is
monotonic in w: it is read from a dense azimuth table and polished with a Newton
step on the exact condition, to ~1e-11 h.)
Candidate receiver-building pairs are culled first with each building's
whole-day shadow envelope (a convex hull of its shadows, padded), with the shadow
length capped at the extent of receivers and walls (a longer shadow reaches no
receiver; this keeps envelopes finite when sunrise falls inside the window), and
pairs whose building or wall lies wholly behind the window's facade plane are dropped.
The counted window is clipped to the time the sun is up. Supported latitudes: 0 (the
equator) to 66 deg N (:func:`check_latitude`).

Scale: :func:`iter_window_sunlight` streams results in chunks (bounded memory),
``workers`` threads solve chunks in parallel with identical results, and
:mod:`sunspace.core.tiles` cuts a layer into tiles with a halo (per-tile latitude,
optional dask cluster). Interval algebra is exact for any number of receivers
(integer keys, no float owner offsets); intervals shorter than one second are dropped.

A window is counted only while the sun is in front of its facade, more than
the sweep angle off the facade plane (measured in plan) and above the minimum
altitude; the sun's azimuth is monotonic over a winter day, so these are
intervals in w too.

Counting (see :class:`sunspace.core.standards.CountingRules`): with a time step,
each step counts when its middle instant is sunlit (1-minute precision by
default); without a step, exact interval lengths are used.
"""
from __future__ import annotations

import contextlib
import contextvars
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import shapely

from .errors import Cancelled, SunSpaceError
from .validation import check_valid_footprints

__all__ = [
    "Obstructors",
    "prepare_obstructors",
    "sample_facades",
    "SunlitResult",
    "sunlit_intervals",
    "count_sunlight",
    "format_intervals",
    "format_all_intervals",
    "WindowChunk",
    "iter_window_sunlight",
    "iter_facade_batches",
    "estimate_receivers",
    "check_receiver_count",
    "check_receivers",
    "receivers_bound",
    "check_latitude",
    "default_workers",
    "python_executable",
    "MAX_LATITUDE",
    "MIN_INTERVAL_SECONDS",
]

_TWO_PI = 2.0 * np.pi
#: Northernmost supported latitude (degrees): beyond it the sun hardly rises on the winter standard days.
MAX_LATITUDE = 66.0
#: Sunlit intervals shorter than this (seconds) are floating-point remnants and are dropped.
MIN_INTERVAL_SECONDS = 1.0
_MIN_W = np.radians(15.0 * MIN_INTERVAL_SECONDS / 3600.0)  # one second of hour angle, radians


_WORKERS = contextvars.ContextVar("sunspace_workers", default=None)


def default_workers() -> int:
    """Worker threads used when ``workers`` is None: every core of the machine (``os.cpu_count()``),
    or ``$SUNSPACE_WORKERS`` when set (e.g. 1 to keep SunSpace on one core), or the limit of an
    enclosing :func:`limit_workers` in this thread."""
    limit = _WORKERS.get()
    if limit:
        return limit
    env = os.environ.get("SUNSPACE_WORKERS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, os.cpu_count() or 1)


@contextlib.contextmanager
def limit_workers(n):
    """Within the block, in this thread, every step that would use :func:`default_workers` threads
    uses ``n`` (a tile computed beside other processes uses one core, not every core)."""
    token = _WORKERS.set(max(1, int(n)))
    try:
        yield
    finally:
        _WORKERS.reset(token)


def _expand(counts):
    """CSR expansion: for ``counts`` per group, the group of every expanded item and its position
    in the group, i.e. ``np.repeat(arange(len(counts)), counts)`` and ``arange(count)`` per group.

    Written with numpy operations that release the GIL (``np.repeat`` holds it), so that worker
    threads expanding their chunks at once do not wait on each other.
    """
    counts = np.asarray(counts, np.int64)
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, np.intp), np.empty(0, np.intp)
    nz = np.flatnonzero(counts)
    c = counts[nz]
    starts = np.cumsum(c) - c
    mark = np.zeros(total, np.intp)
    mark[starts[1:]] = 1
    cg = np.cumsum(mark)
    return nz[cg], np.arange(total) - starts[cg]


class _ThreadGeoms:
    """Each thread's own copy of an array of shapely geometries.

    GEOS geometries keep lazily built internal state (a prepared geometry's indexes, and in
    older GEOS a geometry's envelope), and threads sharing prepared geometries corrupted the
    heap under ``qgis_process``. So geometries are never shared between threads: each thread
    that works on them rebuilds its own copy from WKB (exact: WKB keeps every double).
    """

    def __init__(self, geoms, prepare=False):
        self._geoms = geoms
        self._prepare = prepare
        self._wkb = None
        self._lock = threading.Lock()
        self._local = threading.local()

    def get(self):
        geoms = getattr(self._local, "geoms", None)
        if geoms is None:
            with self._lock:
                if self._wkb is None:
                    self._wkb = shapely.to_wkb(self._geoms)
            geoms = shapely.from_wkb(self._wkb)
            if self._prepare:
                shapely.prepare(geoms)
            self._local.geoms = geoms
        return geoms

    def __getstate__(self):  # worker processes rebuild their own copies
        return {"geoms": self._geoms, "prepare": self._prepare}

    def __setstate__(self, state):
        self.__init__(state["geoms"], state["prepare"])


def _map_threads(fn, items, workers):
    """``[fn(*item) for item in items]``, on up to ``workers`` threads (in order; serial for one)."""
    items = list(items)
    if workers <= 1 or len(items) <= 1:
        return [fn(*item) for item in items]
    with ThreadPoolExecutor(max_workers=min(workers, len(items))) as pool:
        return list(pool.map(lambda item: fn(*item), items))


def _batches(sizes, limit, workers):
    """Consecutive (start, stop) ranges over items of the given ``sizes``, each summing to at most
    ``limit`` (or one item), and small enough to give every worker about two of them."""
    sizes = np.asarray(sizes, np.int64)
    if sizes.size == 0:
        return []
    ends = np.cumsum(sizes)
    if workers > 1:
        limit = max(100_000, min(limit, -(-int(ends[-1]) // (2 * workers))))
    out, start = [], 0
    while start < sizes.size:
        done = int(ends[start - 1]) if start else 0
        stop = max(start + 1, int(np.searchsorted(ends, done + limit, side="right")))
        out.append((start, stop))
        start = stop
    return out


def check_latitude(latitude, declination=None):
    """Refuse latitudes the engine does not support, with a message a planner can act on.

    SunSpace applies the Chinese sunlight standards, whose winter sun stands to the south:
    it supports latitudes from 0 deg (the equator) to :data:`MAX_LATITUDE` deg north, and a
    day whose sun passes south of the zenith (``latitude - declination >= 0.5`` deg; every
    winter standard day north of the equator qualifies).

    Raises
    ------
    SunSpaceError
        for a latitude that is not a finite number, is south of the equator, or beyond 66 deg N.
    """
    lat = float(latitude)
    if not np.isfinite(lat):
        raise SunSpaceError("Latitude {latitude} is not a number.", latitude=latitude)
    if lat < 0.0:
        raise SunSpaceError("Latitude {latitude:.2f}° is south of the equator. SunSpace applies the Chinese sunlight "
                            "standards (winter sun to the south) and supports latitudes from 0° (the equator) to "
                            "{max_lat:.0f}°N.", latitude=lat, max_lat=MAX_LATITUDE)
    if lat > MAX_LATITUDE:
        raise SunSpaceError("Latitude {latitude:.2f}°N is beyond {max_lat:.0f}°N, where the winter sun hardly rises; "
                            "SunSpace supports latitudes from 0° (the equator) to {max_lat:.0f}°N.",
                            latitude=lat, max_lat=MAX_LATITUDE)
    if declination is not None and lat - float(declination) < 0.5:
        raise SunSpaceError("The sun passes north of the zenith on this day at this latitude ({latitude:.2f}°N, "
                            "declination {declination:.2f}°); the engine supports latitudes at least 0.5 degrees "
                            "north of the declination.", latitude=lat, declination=float(declination))


# ---------------------------------------------------------------------------
# obstructors and receivers
# ---------------------------------------------------------------------------
@dataclass
class Obstructors:
    """Wall faces of prism obstructors, grouped by building (CSR by ``start``)."""

    x1: np.ndarray
    y1: np.ndarray
    x2: np.ndarray
    y2: np.ndarray
    nx: np.ndarray  # outward unit normal
    ny: np.ndarray
    zb: np.ndarray
    zt: np.ndarray
    building: np.ndarray  # building index of each wall
    footprints: np.ndarray  # one (multi)polygon per building
    base: np.ndarray
    top: np.ndarray

    @property
    def n_buildings(self) -> int:
        return len(self.footprints)

    def subset(self, buildings) -> "Obstructors":
        """The obstructors of the given building indices only (renumbered 0..len-1 in that order)."""
        buildings = np.asarray(buildings, int)
        remap = np.full(self.n_buildings, -1)
        remap[buildings] = np.arange(buildings.size)
        k = remap[self.building] >= 0
        k = np.flatnonzero(k)
        k = k[np.argsort(remap[self.building[k]], kind="stable")]
        return Obstructors(x1=self.x1[k], y1=self.y1[k], x2=self.x2[k], y2=self.y2[k], nx=self.nx[k], ny=self.ny[k],
                           zb=self.zb[k], zt=self.zt[k], building=remap[self.building[k]],
                           footprints=self.footprints[buildings], base=self.base[buildings], top=self.top[buildings])


def prepare_obstructors(footprints, base, height, check_valid=True) -> Obstructors:
    """Wall faces of prisms ``footprint x [base, base + height]``.

    Rings are oriented with the material on the left (exteriors counter-clockwise, holes
    clockwise), so the outward unit normal of the wall ``q1 -> q2`` is
    ``(dy, -dx) / |q2 - q1|``. Vectorised over every ring of every building.

    Parameters
    ----------
    footprints : array of shapely (Multi)Polygons, local metres
    base : array_like, metres (ground elevation under each building)
    height : array_like, metres above the base (> 0)
    check_valid : bool; refuse footprints that are not valid polygons
        (:func:`~sunspace.core.validation.check_valid_footprints`; False when the caller has)
    """
    fps = np.empty(len(footprints), dtype=object)
    fps[:] = list(footprints)
    base = np.broadcast_to(np.asarray(base, float), fps.shape).astype(float)
    height = np.broadcast_to(np.asarray(height, float), fps.shape).astype(float)
    if check_valid:
        check_valid_footprints(fps)
    if np.any(~(height > 0)):
        raise SunSpaceError("Every obstructor needs a positive height.")
    if np.any(~np.isfinite(base)):
        raise SunSpaceError("Every obstructor needs a finite base elevation.")
    x1 = y1 = x2 = y2 = np.empty(0)
    bidx = np.empty(0, int)
    valid = np.flatnonzero(~shapely.is_missing(fps))
    if valid.size:
        parts, pidx = shapely.get_parts(fps[valid], return_index=True)
        poly = shapely.get_type_id(parts) == 3
        parts, pidx = parts[poly], valid[pidx[poly]]
        if parts.size:
            rings, ridx = shapely.get_rings(parts, return_index=True)
            xy, cidx = shapely.get_coordinates(rings, return_index=True)
            # orient: exteriors counter-clockwise, holes clockwise (reverse a ring's coordinates if not)
            exterior = np.r_[True, ridx[1:] != ridx[:-1]]
            flip = np.flatnonzero(shapely.is_ccw(rings) != exterior)
            if flip.size:
                count = np.bincount(cidx, minlength=rings.size)
                off = np.cumsum(count) - count
                sel = np.isin(cidx, flip)
                pos = np.flatnonzero(sel)
                r = cidx[pos]
                xy[pos] = xy[off[r] + count[r] - 1 - (pos - off[r])]
            same = cidx[:-1] == cidx[1:]
            d = np.hypot(*np.diff(xy, axis=0).T)
            keep = np.flatnonzero(same & (d > 1e-9))
            x1, y1 = xy[keep, 0], xy[keep, 1]
            x2, y2 = xy[keep + 1, 0], xy[keep + 1, 1]
            bidx = pidx[ridx[cidx[keep]]]
    dx, dy = x2 - x1, y2 - y1
    length = np.hypot(dx, dy)
    return Obstructors(
        x1=x1, y1=y1, x2=x2, y2=y2,
        nx=dy / length, ny=-dx / length,  # material on the left -> outward normal on the right
        zb=base[bidx], zt=(base + height)[bidx], building=bidx,
        footprints=fps, base=base, top=base + height,
    )


def _points_inside(polygons, x, y, owner=None, batch_pairs=4_000_000, workers=None):
    """Pairs (polygon index, point index) of every point inside one of ``polygons`` (None skipped).

    No point geometries are made: points are binned on a uniform grid (cells the median
    polygon size), each polygon visits the points of the cells its bounding box covers, the
    bounding box filters them, and only the survivors get the exact test (``contains_xy``,
    element-wise). With ``owner`` (the polygon index each point belongs to), a point is never
    tested against its own polygon. Memory is bounded by ``batch_pairs`` candidate pairs per
    batch; batches run on ``workers`` threads (None: :func:`default_workers`), each with its own
    copy of the polygons, and the result does not depend on their number.
    """
    polys = np.asarray(polygons, dtype=object)
    ok = np.flatnonzero(~shapely.is_missing(polys) & ~shapely.is_empty(polys))
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    empty = (np.empty(0, int), np.empty(0, int))
    if ok.size == 0 or x.size == 0:
        return empty
    b = shapely.bounds(polys[ok])
    bx0, by0, bx1, by1 = (np.ascontiguousarray(b[:, i]) for i in range(4))
    if owner is not None:
        owner = np.asarray(owner)
    size = float(np.median(np.maximum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])))
    cell = max(size, 1.0)
    x0, y0 = float(x.min()), float(y.min())
    ix = np.floor((x - x0) / cell).astype(np.int64)
    iy = np.floor((y - y0) / cell).astype(np.int64)
    ncx, ncy = int(ix.max()) + 1, int(iy.max()) + 1
    key = iy * ncx + ix
    order = np.argsort(key, kind="stable")
    skey = key[order]
    fx0 = np.floor((b[:, 0] - x0) / cell)
    fx1 = np.floor((b[:, 2] - x0) / cell)
    fy0 = np.floor((b[:, 1] - y0) / cell)
    fy1 = np.floor((b[:, 3] - y0) / cell)
    hit = (fx1 >= 0) & (fx0 <= ncx - 1) & (fy1 >= 0) & (fy0 <= ncy - 1)
    fsel = np.flatnonzero(hit)
    fx0, fx1 = np.clip(fx0[fsel], 0, ncx - 1).astype(np.int64), np.clip(fx1[fsel], 0, ncx - 1).astype(np.int64)
    fy0, fy1 = np.clip(fy0[fsel], 0, ncy - 1).astype(np.int64), np.clip(fy1[fsel], 0, ncy - 1).astype(np.int64)
    nfx = fx1 - fx0 + 1
    ncell = nfx * (fy1 - fy0 + 1)
    f, j = _expand(ncell)
    ckey = (fy0[f] + j // nfx[f]) * ncx + fx0[f] + j % nfx[f]
    lo = np.searchsorted(skey, ckey, side="left")
    cnt = np.searchsorted(skey, ckey, side="right") - lo
    workers = default_workers() if workers is None else max(1, int(workers))
    batches = _batches(cnt, batch_pairs, workers)
    geoms = _ThreadGeoms(polys) if workers > 1 and len(batches) > 1 else None

    def batch(c0, c1):
        cc = cnt[c0:c1]
        gi, pos = _expand(cc)
        pf = f[c0:c1][gi]
        pp = order[lo[c0:c1][gi] + pos]
        fp = fsel[pf]
        px = x[pp]
        k = np.flatnonzero((px >= bx0[fp]) & (px <= bx1[fp]))
        fp, pp = fp[k], pp[k]
        py = y[pp]
        k = (py >= by0[fp]) & (py <= by1[fp])
        g = ok[fp]
        if owner is not None:
            k &= owner[pp] != g
        g, pp = g[k], pp[k]
        inside = shapely.contains_xy((polys if geoms is None else geoms.get())[g], x[pp], y[pp])
        return g[inside], pp[inside]

    out = _map_threads(batch, batches, workers)
    if not out:
        return empty
    return np.concatenate([g for g, _ in out]), np.concatenate([p for _, p in out])


def sample_facades(footprints, base, height, spacing=1.0, sill=0.9, floor_height=3.0, every_floor=False,
                   offset=0.01, drop_inside=True, south_only=False, exclude=None, obstructors=None):
    """Receivers along every wall of the footprints: window sills with their outward normals.

    Points sit at the centres of equal pieces of each wall (``round(length / spacing)``
    pieces, at least one), ``offset`` metres out from the wall, at ``base + sill``
    (ground-floor sill) or, with ``every_floor``, at ``base + f * floor_height + sill``
    for every floor ``f`` below the roof.

    Parameters
    ----------
    obstructors : :class:`Obstructors` or None
        The result of ``prepare_obstructors(footprints, base, height)`` when the caller has
        it already (it is then not built a second time).

    Returns
    -------
    dict of numpy arrays: ``x, y, z, nx, ny, building, floor``. Points that fall inside
    another of the footprints (party walls), or inside any of the ``exclude`` footprints
    (other buildings that are not analysed), are dropped when ``drop_inside``. With
    ``south_only``, only walls whose outward normal has a southward component are sampled.
    """
    if not spacing > 0:
        raise SunSpaceError("Receiver spacing must be positive, got {spacing}.", spacing=spacing)
    if every_floor and not floor_height > 0:
        raise SunSpaceError("Floor height must be positive, got {floor_height}.", floor_height=floor_height)
    obs = prepare_obstructors(footprints, base, height) if obstructors is None else obstructors
    ground = _sample_ground(obs, spacing, offset, drop_inside, south_only, exclude)
    return _expand_floors(ground, obs, 0, len(ground["x"]), sill, floor_height, every_floor)


def _sample_ground(obs, spacing, offset, drop_inside, south_only, exclude):
    """Plan positions of the window receivers before floors: dict ``x, y, building, wall``."""
    length = np.hypot(obs.x2 - obs.x1, obs.y2 - obs.y1)
    m = np.maximum(1, np.round(length / spacing)).astype(int)
    wall = np.repeat(np.arange(len(m)), m)
    first = np.cumsum(m) - m
    frac = (np.arange(m.sum()) - np.repeat(first, m) + 0.5) / np.repeat(m, m)
    x = obs.x1[wall] + frac * (obs.x2 - obs.x1)[wall] + offset * obs.nx[wall]
    y = obs.y1[wall] + frac * (obs.y2 - obs.y1)[wall] + offset * obs.ny[wall]
    bld = obs.building[wall]
    # drop ground positions first (per wall point, before floors are repeated)
    keep = np.ones(len(x), bool)
    if south_only:
        keep &= obs.ny[wall] < -1e-9
    if drop_inside and exclude is not None and keep.any():
        cand = np.flatnonzero(keep)
        _, pi = _points_inside(exclude, x[cand], y[cand])
        keep[cand[pi]] = False
    if drop_inside and keep.any():
        cand = np.flatnonzero(keep)
        _, pi = _points_inside(obs.footprints, x[cand], y[cand], owner=bld[cand])
        keep[cand[pi]] = False
    return {"x": x[keep], "y": y[keep], "building": bld[keep], "wall": wall[keep]}


def _floors_of(obs, bld, floor_height):
    return np.maximum(1, np.floor((obs.top - obs.base)[bld] / floor_height + 1e-9)).astype(int)


def _expand_floors(ground, obs, g0, g1, sill, floor_height, every_floor):
    """Receivers of ground positions ``g0:g1``, on every floor (or the ground floor), in order."""
    x, y, bld, wall = (ground[k][g0:g1] for k in ("x", "y", "building", "wall"))
    if every_floor:
        rep = _floors_of(obs, bld, floor_height)
        idx = np.repeat(np.arange(len(x)), rep)
        fl = np.arange(rep.sum()) - np.repeat(np.cumsum(rep) - rep, rep)
        x, y, bld, wall = x[idx], y[idx], bld[idx], wall[idx]
        z = obs.base[bld] + fl * floor_height + sill
    else:
        fl = np.zeros(len(x), dtype=int)
        z = obs.base[bld] + sill
    keep = z < obs.top[bld]
    return {"x": x[keep], "y": y[keep], "z": z[keep], "nx": obs.nx[wall][keep], "ny": obs.ny[wall][keep],
            "building": bld[keep], "floor": fl[keep]}


def iter_facade_batches(footprints, base, height, spacing=1.0, sill=0.9, floor_height=3.0, every_floor=False,
                        offset=0.01, drop_inside=True, south_only=False, exclude=None, obstructors=None,
                        batch_size=1_000_000):
    """:func:`sample_facades` in batches of at most about ``batch_size`` receivers (memory bounded).

    Concatenating the batches gives exactly ``sample_facades(...)`` with the same arguments.
    The plan positions are sampled once; floors are expanded batch by batch.

    Yields
    ------
    dict of numpy arrays as :func:`sample_facades`
    """
    if not spacing > 0:
        raise SunSpaceError("Receiver spacing must be positive, got {spacing}.", spacing=spacing)
    if every_floor and not floor_height > 0:
        raise SunSpaceError("Floor height must be positive, got {floor_height}.", floor_height=floor_height)
    obs = prepare_obstructors(footprints, base, height) if obstructors is None else obstructors
    ground = _sample_ground(obs, spacing, offset, drop_inside, south_only, exclude)
    per = _floors_of(obs, ground["building"], floor_height) if every_floor else np.ones(len(ground["x"]), int)
    cum = np.cumsum(per)
    g0 = 0
    while g0 < len(ground["x"]):
        done = cum[g0 - 1] if g0 else 0
        g1 = max(g0 + 1, int(np.searchsorted(cum, done + batch_size, side="right")))
        yield _expand_floors(ground, obs, g0, g1, sill, floor_height, every_floor)
        g0 = g1


def estimate_receivers(footprints, height, spacing=1.0, sill=0.9, floor_height=3.0, every_floor=False,
                       south_only=False):
    """Upper bound on the number of receivers :func:`sample_facades` would make, computed cheaply.

    Per wall of length ``l``: ``max(1, round(l / spacing))`` points (times the building's
    floors ``floor((H - sill) / floor_height) + 1`` with ``every_floor``); party walls are
    not removed, so this is an upper bound. With ``south_only`` the wall's outward normal
    must point south.

    Returns
    -------
    int
    """
    if not spacing > 0:
        raise SunSpaceError("Receiver spacing must be positive, got {spacing}.", spacing=spacing)
    obs = prepare_obstructors(footprints, 0.0, height)
    m = np.maximum(1, np.round(np.hypot(obs.x2 - obs.x1, obs.y2 - obs.y1) / spacing))
    if south_only:
        m = m * (obs.ny < -1e-9)
    if every_floor:
        h = obs.top[obs.building]
        m = m * np.maximum(0, np.floor((h - sill) / floor_height - 1e-9) + 1)
    return int(m.sum())


def receivers_bound(footprints, height, spacing=1.0, sill=0.9, floor_height=3.0, every_floor=False,
                    south_only=False):
    """A coarser upper bound than :func:`estimate_receivers`, in a few milliseconds for any layer.

    A wall of length ``l`` gets ``max(1, round(l / spacing)) <= l / spacing + 1`` points and a
    building has fewer walls than vertices, so per building the bound is
    ``(perimeter / spacing + vertices)``, times its floors with ``every_floor``
    (``south_only`` only removes walls). ``footprints`` in metres.

    Returns
    -------
    float
    """
    if not spacing > 0:
        raise SunSpaceError("Receiver spacing must be positive, got {spacing}.", spacing=spacing)
    fps = np.asarray(footprints, dtype=object)
    m = np.nan_to_num(shapely.length(fps)) / spacing + shapely.get_num_coordinates(fps)
    if every_floor:
        h = np.broadcast_to(np.asarray(height, float), m.shape)
        m = m * np.maximum(0, np.floor((h - sill) / floor_height - 1e-9) + 1)
    return float(m.sum())


#: Default refusal threshold of :func:`check_receiver_count`.
RECEIVER_LIMIT = 50_000_000


def check_receivers(footprints, height, limit=RECEIVER_LIMIT, **sampling):
    """Refuse a layer whose receivers (:func:`estimate_receivers`) would exceed ``limit``.

    The cheap :func:`receivers_bound` answers first; only a layer near or over the limit pays
    for the estimate. ``footprints`` in metres; ``sampling`` as for :func:`sample_facades`.
    """
    if receivers_bound(footprints, height, **sampling) <= int(limit):
        return
    check_receiver_count(estimate_receivers(footprints, height, **sampling), limit)


def check_receiver_count(n, limit=RECEIVER_LIMIT):
    """Refuse an absurd number of receivers before any work starts.

    Raises
    ------
    SunSpaceError
        when ``n > limit``, naming the number and how to reduce it.
    """
    n, limit = int(n), int(limit)
    if n > limit:
        raise SunSpaceError("The analysis would need {n:,} receivers, more than the limit of {limit:,}. "
                            "Reduce it: use a larger receiver spacing, analyse the ground floor only, "
                            "or select fewer buildings.", n=n, limit=limit)
    return n


# ---------------------------------------------------------------------------
# closed-form arcs of  alpha + beta cos w + gamma sin w >= 0
# ---------------------------------------------------------------------------
def _roots(alpha, beta, gamma):
    """Both roots in (-pi, pi] of alpha + beta cos w + gamma sin w = 0 (NaN where none)."""
    r = np.hypot(beta, gamma)
    with np.errstate(invalid="ignore", divide="ignore"):
        c = -alpha / r
    ok = (r > 1e-15) & (np.abs(c) <= 1.0)
    psi = np.arctan2(gamma, beta)
    k = np.arccos(np.clip(c, -1.0, 1.0))
    r1 = np.where(ok, np.mod(psi - k + np.pi, _TWO_PI) - np.pi, np.nan)
    r2 = np.where(ok, np.mod(psi + k + np.pi, _TWO_PI) - np.pi, np.nan)
    return r1, r2


def _coeffs(vx, vy, vz, A, B, C):
    """alpha, beta, gamma of v . s(w) for a vector v (components may be arrays)."""
    return (vx * A[0] + vy * A[1] + vz * A[2], vx * B[0] + vy * B[1] + vz * B[2], vx * C[0] + vy * C[1] + vz * C[2])


def _sun_basis(latitude, declination):
    phi, dec = np.radians(latitude), np.radians(declination)
    A = np.array([0.0, np.cos(phi) * np.sin(dec), np.sin(phi) * np.sin(dec)])
    B = np.array([0.0, -np.sin(phi) * np.cos(dec), np.cos(phi) * np.cos(dec)])
    C = np.array([-np.cos(dec), 0.0, 0.0])
    return A, B, C


def _hours_to_w(t):
    return np.radians(15.0 * (np.asarray(t, float) - 12.0))


def _w_to_hours(w):
    return np.degrees(w) / 15.0 + 12.0


def _sun_up_window(latitude, declination, window, min_altitude=0.0):
    """Hour angles ``(lo, hi)`` (radians) of the window while the sun is above ``max(min_altitude, 0)``, or None.

    ``cos w_alt = (sin h_min - sin phi sin dec) / (cos phi cos dec)``; the counted hour angles are
    ``[max(w0, -w_alt), min(w1, w_alt)]``.
    """
    phi, dec = np.radians(latitude), np.radians(declination)
    c = (np.sin(np.radians(max(min_altitude, 0.0))) - np.sin(phi) * np.sin(dec)) / (np.cos(phi) * np.cos(dec))
    w_alt = float(np.arccos(np.clip(c, -1.0, 1.0)))
    w0, w1 = float(_hours_to_w(window[0])), float(_hours_to_w(window[1]))
    lo, hi = max(w0, -w_alt), min(w1, w_alt)
    return (lo, hi) if hi > lo else None


# ---------------------------------------------------------------------------
# interval algebra on flat (owner, start, end) arrays
# ---------------------------------------------------------------------------
def _by_owner_start(owner, start):
    """The order that sorts intervals by (owner, start): ``lexsort``, or for owners below 65,536
    (chunk-local receivers) a sort on start then a stable radix sort on the owner (same order
    up to ties of equal starts, which no caller depends on)."""
    if owner.size and owner.min() >= 0 and owner.max() < 65536:
        first = np.argsort(start)
        return first[np.argsort(owner[first].astype(np.uint16), kind="stable")]
    return np.lexsort((start, owner))


def _union(owner, start, end):
    """Merge overlapping (or touching) intervals per owner; returns (owner, start, end) sorted by owner, start.

    Exact for any owner index: after sorting by (owner, start) an interval starts a new run
    when its start exceeds the running maximum of the ends before it of the same owner. That
    running maximum is taken along the rows of a padded table (one row per owner) for the
    owners with few intervals, and on integer keys ``owner * R + rank(value)`` (``R`` the
    number of distinct values) for the others; no owner offset is ever added to a float.
    """
    if owner.size == 0:
        return owner, start, end
    owner = np.asarray(owner, np.int64)
    order = _by_owner_start(owner, start)
    o, s, e = owner[order], start[order], end[order]
    n = o.size
    seg_first = np.r_[True, o[1:] != o[:-1]]
    seg_at = np.flatnonzero(seg_first)
    seg = np.cumsum(seg_first) - 1
    pos = np.arange(n) - seg_at[seg]
    size = np.diff(np.r_[seg_at, n])
    # owners with at most `width` intervals: a table of (owners x width) cells, at most 4 n
    width = max(4, (4 * n) // seg_at.size)
    new = np.ones(n, bool)
    small = np.flatnonzero(size <= width)
    if small.size:
        width = int(size[small].max())
        row = np.full(seg_at.size, -1, np.intp)
        row[small] = np.arange(small.size)
        it = np.flatnonzero(row[seg] >= 0)
        r, p = row[seg[it]], pos[it]
        table = np.full((small.size, width), -np.inf)
        table[r, p] = e[it]
        np.maximum.accumulate(table, axis=1, out=table)
        k = p > 0
        new[it[k]] = s[it[k]] > table[r[k], p[k] - 1]
    big = np.flatnonzero(size > width)
    if big.size:  # the owners with many intervals: integer keys owner * R + rank(value)
        it = np.flatnonzero(np.isin(seg, big))
        ob, sb, eb = o[it], s[it], e[it]
        vals, inv = np.unique(np.concatenate([sb, eb]), return_inverse=True)
        R = np.int64(vals.size + 1)
        ks = ob * R + inv[:it.size]
        run_end = np.maximum.accumulate(ob * R + inv[it.size:])
        nb = np.ones(it.size, bool)
        nb[1:] = ks[1:] > run_end[:-1]
        new[it] = nb
    first = np.flatnonzero(new)
    ms = s[first]
    me = np.maximum(np.maximum.reduceat(e, first), ms)
    return o[first], ms, me


def _subtract(a_owner, a_start, a_end, b_owner, b_start, b_end):
    """Per owner, the parts of intervals A not covered by the intervals B."""
    if b_owner.size == 0 or a_owner.size == 0:
        return a_owner, a_start, a_end
    # boundaries of A minus B: for each A interval walk the B intervals of the same owner
    bo, bs, be = _union(b_owner, b_start, b_end)
    first = np.searchsorted(bo, a_owner, side="left")
    last = np.searchsorted(bo, a_owner, side="right")
    out_o, out_s, out_e = [], [], []
    counts = last - first
    # A intervals with no B: kept whole
    free = counts == 0
    out_o.append(a_owner[free]); out_s.append(a_start[free]); out_e.append(a_end[free])
    idx = np.flatnonzero(~free)
    if idx.size:
        rep = counts[idx]
        gi, pos = _expand(rep)
        ai = idx[gi]
        bi = first[ai] + pos
        # gaps between consecutive B intervals of the owner, plus before the first and after the last
        is_first = np.r_[True, ai[1:] != ai[:-1]]
        is_last = np.r_[ai[1:] != ai[:-1], True]
        gap_s = np.where(is_first, -np.inf, np.r_[np.nan, be[bi][:-1]])
        gap_e = bs[bi]
        # the piece before each B interval (after the previous one)
        s1 = np.maximum(gap_s, a_start[ai])
        e1 = np.minimum(gap_e, a_end[ai])
        k = e1 > s1
        out_o.append(a_owner[ai][k]); out_s.append(s1[k]); out_e.append(e1[k])
        # the piece after the last B interval
        s2 = np.maximum(be[bi], a_start[ai])
        e2 = a_end[ai]
        k = is_last & (e2 > s2)
        out_o.append(a_owner[ai][k]); out_s.append(s2[k]); out_e.append(e2[k])
    o, s, e = np.concatenate(out_o), np.concatenate(out_s), np.concatenate(out_e)
    order = _by_owner_start(o, s)
    return o[order], s[order], e[order]


# ---------------------------------------------------------------------------
# results
# ---------------------------------------------------------------------------
@dataclass
class SunlitResult:
    """Sunlit intervals of every receiver, in hours of true solar time.

    ``receiver``, ``start``, ``end`` are flat arrays sorted by receiver then start;
    ``n`` is the number of receivers. :attr:`offsets` indexes them by receiver (CSR):
    receiver ``i`` owns entries ``offsets[i]:offsets[i + 1]``.
    """

    n: int
    receiver: np.ndarray
    start: np.ndarray
    end: np.ndarray
    _offsets: np.ndarray = field(default=None, repr=False, compare=False)

    @property
    def offsets(self) -> np.ndarray:
        """``(n + 1,)`` CSR offsets by receiver (``searchsorted`` on the sorted ``receiver``)."""
        if self._offsets is None:
            self._offsets = np.searchsorted(self.receiver, np.arange(self.n + 1), side="left")
        return self._offsets

    def intervals_of(self, i):
        a, b = self.offsets[i], self.offsets[i + 1]
        return list(zip(self.start[a:b], self.end[a:b]))


def _clock_array(to_clock, h):
    if to_clock is None:
        return h
    try:
        out = np.asarray(to_clock(h), float)
        if out.shape == h.shape:
            return out
    except Exception:  # a scalar-only function
        pass
    return np.array([float(to_clock(v)) for v in h], float)


def _hhmm_array(h):
    """``"HH:MM"`` strings of hours (rounded to the minute), vectorised through a table of minutes."""
    m = np.rint(np.asarray(h, float) * 60.0).astype(np.int64)
    out = np.empty(m.size, dtype=object)
    table_ok = (m >= 0) & (m < 6000)
    if table_ok.any():
        table = np.array([f"{v // 60:02d}:{v % 60:02d}" for v in range(6000)], dtype=object)
        out[table_ok] = table[m[table_ok]]
    for j in np.flatnonzero(~table_ok):
        v = int(m[j])
        out[j] = f"{v // 60:02d}:{v % 60:02d}"
    return out


def format_all_intervals(result: SunlitResult, to_clock=None) -> list:
    """``"08:00-09:12, 13:05-16:00"`` for every receiver, in receiver order (linear time).

    ``to_clock`` maps true solar hours to clock hours; it may take an array or a scalar.
    """
    s = _hhmm_array(_clock_array(to_clock, np.asarray(result.start, float)))
    e = _hhmm_array(_clock_array(to_clock, np.asarray(result.end, float)))
    pieces = (s + "-" + e).tolist() if s.size else []
    off = result.offsets.tolist()
    sep = ", "
    return [sep.join(pieces[off[i]:off[i + 1]]) for i in range(result.n)]


# ---------------------------------------------------------------------------
# the engine
# ---------------------------------------------------------------------------
def _azimuth_table(A, B, C, w_lo, w_hi, n=4097):
    """Sun azimuth from south (west positive, radians) on a dense hour-angle grid; must be monotonic."""
    w = np.linspace(w_lo, w_hi, n)
    s = A[:, None] + B[:, None] * np.cos(w) + C[:, None] * np.sin(w)
    az = np.arctan2(-s[0], -s[1])
    if np.any(np.diff(az) <= 0):
        raise SunSpaceError("The sun passes north of the zenith on this day at this latitude; "
                            "the engine supports latitudes at least 0.5 degrees north of the declination.")
    return w, az


def _facade_intervals(nx, ny, sweep_deg, w_tab, az_tab):
    """Per receiver, up to two hour-angle intervals in which the sun is in front of the facade
    and more than ``sweep_deg`` off its plane (in plan)."""
    n = len(nx)
    lo = np.full((n, 2), np.nan)
    hi = np.full((n, 2), np.nan)
    has = np.isfinite(nx) & np.isfinite(ny) & ((nx != 0) | (ny != 0))
    half = np.radians(90.0 - sweep_deg)
    an = np.arctan2(-nx, -ny)  # facade azimuth from south, west positive
    a0, a1 = az_tab[0], az_tab[-1]
    for shift in (-_TWO_PI, 0.0, _TWO_PI):
        s = an - half + shift
        e = an + half + shift
        s_c, e_c = np.maximum(s, a0), np.minimum(e, a1)
        ok = has & (e_c > s_c)
        ws = np.interp(s_c, az_tab, w_tab)
        we = np.interp(e_c, az_tab, w_tab)
        free = np.isnan(lo[:, 0])
        put0 = ok & free
        put1 = ok & ~free
        lo[put0, 0], hi[put0, 0] = ws[put0], we[put0]
        lo[put1, 1], hi[put1, 1] = ws[put1], we[put1]
    lo[~has, 0], hi[~has, 0] = w_tab[0], w_tab[-1]
    return lo, hi


def _envelopes(obs, A, B, C, w_lo, w_hi, z_min, samples=97, cap=None, batch_points=4_000_000):
    """Per building, a polygon that holds all its shadows on the plane z = z_min over [w_lo, w_hi].

    At hour angle w the sun vector is s = (sx, sy, sz); a point of the building's top, ``r``
    metres above the plane, casts its shadow ``r * L(w)`` metres away in plan, in the
    direction ``-(sx, sy) / |(sx, sy)|``, with ``L(w) = |(sx, sy)| / sz`` (metres per metre of
    height, ``cot`` of the sun's altitude). The shadow of the convex hull ``H`` of the footprint is
    ``H ⊕ segment(0, r L(w) d(w))``, so the union over the day lies in
    ``H ⊕ hull({0} ∪ {r L(w_i) d(w_i)})`` for dense samples w_i, padded by half the largest
    step between samples.

    ``cap`` (metres) bounds the offset: ``min(r L(w), cap)``. It is sound when ``cap`` is at least
    the largest distance between any footprint point and any receiver (the diagonal of their
    joint bounding box): a receiver ``p`` in the shadow is ``q + t d`` with ``q`` in the footprint
    and ``t = |p - q| <= cap``. It keeps the envelopes finite when the sun is at the horizon
    (``sz -> 0``, sunrise inside the counting window). Without ``cap`` a sun at or below the
    horizon raises.
    """
    w = np.linspace(w_lo, w_hi, samples)
    s = A[:, None] + B[:, None] * np.cos(w) + C[:, None] * np.sin(w)
    sx, sy, sz = s
    hxy = np.maximum(np.hypot(sx, sy), 1e-15)
    with np.errstate(divide="ignore", invalid="ignore"):
        L = np.where(sz > 1e-12, hxy / np.maximum(sz, 1e-300), np.inf)  # metres of shadow per metre of height
    if cap is None and not np.all(np.isfinite(L)):
        raise SunSpaceError("The sun is at or below the horizon inside the analysed hours; clip the window to sunrise.")
    dx, dy = -sx / hxy, -sy / hxy
    reach = np.maximum(obs.top - z_min, 0.0)  # per building
    n = obs.n_buildings
    out = np.empty(n, dtype=object)
    hulls = shapely.convex_hull(np.asarray(obs.footprints, dtype=object))
    ok = ~shapely.is_missing(hulls) & ~shapely.is_empty(hulls) & (reach > 0)
    Lmax = float(np.max(L))
    capped = ok & (reach * Lmax > cap) if cap is not None else np.zeros(n, bool)
    plain = ok & ~capped
    if plain.any():
        unit = np.c_[np.r_[0.0, dx * L], np.r_[0.0, dy * L]]
        step_unit = float(np.hypot(*np.diff(unit[1:], axis=0).T).max()) if samples > 1 else 0.0
        hull_unit = shapely.get_coordinates(shapely.convex_hull(shapely.multipoints(unit)))
        _minkowski_hulls(out, np.flatnonzero(plain), hulls, reach[plain, None, None] * hull_unit[None],
                         0.5 * step_unit * reach[plain] + 0.01, batch_points)
    if capped.any():
        idx = np.flatnonzero(capped)
        r = np.minimum(reach[idx, None] * L[None, :], cap)  # (nc, samples)
        off = np.stack([np.c_[np.zeros(idx.size), r * dx], np.c_[np.zeros(idx.size), r * dy]], axis=-1)
        step = np.hypot(*np.diff(off[:, 1:], axis=1).transpose(2, 0, 1)).max(axis=1) if samples > 1 else np.zeros(idx.size)
        _minkowski_hulls(out, idx, hulls, off, 0.5 * step + 0.01, batch_points)
    return out


def _minkowski_hulls(out, idx, hulls, offsets, pad, batch_points, workers=None):
    """``out[idx] = buffer(convex_hull(hulls[idx] ⊕ offsets), pad)``; ``offsets`` (len(idx), m, 2), in batches
    of at most ``batch_points`` points, on ``workers`` threads (each builds new geometries only)."""
    m = offsets.shape[1]
    workers = default_workers() if workers is None else max(1, int(workers))
    batches = _batches(shapely.get_num_coordinates(hulls[idx]) * m, batch_points, workers)
    coords = [shapely.get_coordinates(hulls[idx[start:stop]], return_index=True) for start, stop in batches]

    def batch(start, stop, hc, hi):
        pts = (hc[:, None, :] + offsets[start:stop][hi]).reshape(-1, 2)
        env = shapely.convex_hull(shapely.multipoints(pts, indices=np.repeat(hi, m)))
        return shapely.buffer(env, pad[start:stop], quad_segs=2)

    done = _map_threads(batch, [(b0, b1, hc, hi) for (b0, b1), (hc, hi) in zip(batches, coords)], workers)
    for (start, stop), env in zip(batches, done):
        out[idx[start:stop]] = env


def _arc_in(alpha, beta, gamma, lo, hi):
    """Where ``alpha + beta cos w + gamma sin w >= 0`` inside [lo, hi] (``-pi <= lo < hi <= pi``): up to two intervals.

    With ``r = hypot(beta, gamma)`` and ``psi = atan2(gamma, beta)`` the expression is
    ``alpha + r cos(w - psi)``, which is ``>= 0`` on the arc ``|w - psi| <= k`` (mod 2 pi) with
    ``k = arccos(-alpha / r)``: everywhere when ``-alpha / r <= -1``, nowhere when it is ``> 1``.
    As ``psi`` lies in (-pi, pi], the arc ``[psi - k, psi + k]`` passes at most one of -pi and pi
    (both only when it is the whole circle); that part, shifted by 2 pi, is the second interval.

    Returns ``(s1, e1, s2, e2)``; an empty interval has ``e <= s``.
    """
    r = np.hypot(beta, gamma)
    with np.errstate(invalid="ignore", divide="ignore"):
        c = np.where(r > 1e-15, -alpha / r, np.where(alpha >= 0, -1.0, 2.0))  # r = 0: the constant alpha
    k = np.where(c > 1.0, -1.0, np.arccos(np.clip(c, -1.0, 1.0)))  # k < 0: an empty arc
    psi = np.arctan2(gamma, beta)
    a = psi - k
    b = psi + k
    low = a < -np.pi  # the arc passes -pi: its part [a + 2 pi, pi]; else the part past pi: [-pi, b - 2 pi]
    s2 = np.where(low, a + _TWO_PI, lo)
    e2 = np.where(low, hi, b - _TWO_PI)
    return np.maximum(a, lo), np.minimum(b, hi), np.maximum(s2, lo), np.minimum(e2, hi)


class _Scene:
    """Everything about the sun and the obstructors that does not depend on the receivers of a chunk."""

    def __init__(self, obs, latitude, declination, window, sweep_angle, min_altitude, grid_rotation, z_min, extent):
        A, B, C = _sun_basis(latitude, declination)
        if grid_rotation:
            g = np.radians(grid_rotation)
            rot = np.array([[np.cos(g), -np.sin(g), 0.0], [np.sin(g), np.cos(g), 0.0], [0.0, 0.0, 1.0]])
            A, B, C = rot @ A, rot @ B, rot @ C
        self.A, self.B, self.C = A, B, C
        self.sweep_angle = sweep_angle
        self.obs = obs
        win = _sun_up_window(latitude, declination, window, min_altitude)
        self.empty = win is None
        if self.empty:
            return
        lo, hi = win
        self.lo, self.hi = lo, hi
        pad = 1e-6
        self.w_tab, self.az_tab = _azimuth_table(A, B, C, lo - pad, hi + pad)
        # the inverse table resampled on uniform azimuths (see _w_of_az)
        n_u = self.az_tab.size
        az_u = np.linspace(self.az_tab[0], self.az_tab[-1], n_u)
        self._u_w = np.interp(az_u, self.az_tab, self.w_tab)
        self._u_dw = np.r_[np.diff(self._u_w), 0.0]
        self._u_inv = (n_u - 1) / (self.az_tab[-1] - self.az_tab[0])
        self.has_envelopes = False
        if obs.n_buildings == 0 or len(obs.x1) == 0:
            return
        # walls that can be entered by a ray towards the sun at some moment: outward normal away from the sun
        ws = np.linspace(lo, hi, 33)
        sv = A[:, None] + B[:, None] * np.cos(ws) + C[:, None] * np.sin(ws)
        hn = sv[:2] / np.hypot(sv[0], sv[1])
        facing = (obs.nx[:, None] * hn[0] + obs.ny[:, None] * hn[1]).min(axis=1) < 1e-9
        wall_idx = np.flatnonzero(facing)
        order = np.argsort(obs.building[wall_idx], kind="stable")
        self.wall_idx = wall_idx[order]
        wb = obs.building[self.wall_idx]
        self.wstart = np.searchsorted(wb, np.arange(obs.n_buildings), side="left")
        self.wcount = np.searchsorted(wb, np.arange(obs.n_buildings), side="right") - self.wstart
        self.wall_c = obs.nx * obs.x1 + obs.ny * obs.y1  # n . q1 of each wall's plane
        # cap: the diagonal of the joint bounding box of receivers and walls (see _envelopes)
        bx0 = min(extent[0], obs.x1.min()); by0 = min(extent[1], obs.y1.min())
        bx1 = max(extent[2], obs.x1.max()); by1 = max(extent[3], obs.y1.max())
        cap = float(np.hypot(bx1 - bx0, by1 - by0)) + 1.0
        env = _envelopes(obs, A, B, C, lo, hi, z_min, cap=cap)
        has_env = ~shapely.is_missing(env)
        self.env_idx = np.flatnonzero(has_env)
        if self.env_idx.size:
            self.has_envelopes = True
        self._envelopes = env[self.env_idx]
        self._prepare_envelopes()
        self.fp_bounds = shapely.bounds(np.asarray(obs.footprints, dtype=object))

    def _prepare_envelopes(self):
        """Keep the envelopes' bounds for the per-chunk pre-filter; each thread queries its own
        prepared copy of the envelopes (:class:`_ThreadGeoms`), so threads never wait on a lock."""
        env = self._envelopes
        if env is None or len(env) == 0:
            self.has_envelopes = False
            return
        self.env_bounds = shapely.bounds(env)
        self._thread_envelopes = _ThreadGeoms(env, prepare=True)

    def use_grid(self, x0, y0, spacing):
        """Declare the receivers centres of the cells of a square grid (``x0 + (j + 0.5) spacing``,
        ``y0 + (i + 0.5) spacing``): candidate pairs are then found by scan lines through the
        envelopes (:meth:`_grid_candidates`) instead of point-in-polygon queries."""
        self.grid = None
        if self.empty or not self.has_envelopes:
            return
        # scan lines need convex polygons: the convex hull of each envelope (the envelope itself,
        # which is convex by construction; a hull can only add candidates, never lose one)
        ring = shapely.get_exterior_ring(shapely.convex_hull(self._envelopes))
        xy, owner = shapely.get_coordinates(ring, return_index=True)
        e = np.flatnonzero((owner[:-1] == owner[1:]) & (xy[:-1, 1] != xy[1:, 1]))  # no horizontal edges
        self._g_x1, self._g_y1, self._g_x2, self._g_y2 = xy[e, 0], xy[e, 1], xy[e + 1, 0], xy[e + 1, 1]
        env = np.arange(len(self._envelopes))
        self._g_start = np.searchsorted(owner[e], env, side="left")
        self._g_count = np.searchsorted(owner[e], env, side="right") - self._g_start
        self.grid = (float(x0), float(y0), float(spacing))

    def _grid_candidates(self, x, y, near):
        """(index into ``near``, receiver) of every receiver inside or on the convex hull of an
        envelope, by scan lines: each grid row crosses a convex polygon in one span of cells.

        Returns None when the chunk's receivers are not grid centres, or are too sparse for the
        dense lookup of a chunk's rows (the caller then queries points).
        """
        x0, y0, sp = self.grid
        n = len(x)
        cj = np.rint((x - x0) / sp - 0.5).astype(np.int64)
        ci = np.rint((y - y0) / sp - 0.5).astype(np.int64)
        tol = 1e-6 * sp
        if (np.abs(x0 + (cj + 0.5) * sp - x).max() > tol or np.abs(y0 + (ci + 0.5) * sp - y).max() > tol):
            return None
        r0, r1, c0, c1 = ci.min(), ci.max(), cj.min(), cj.max()
        nr, nc = int(r1 - r0 + 1), int(c1 - c0 + 1)
        if nr * nc > 8 * n + 65536:
            return None
        lookup = np.full(nr * nc, -1, np.int64)
        lookup[(ci - r0) * nc + (cj - c0)] = np.arange(n)
        # the edges of the envelopes near the chunk, and the rows (cell centres) each one spans
        cnt = self._g_count[near]
        owner, pos = _expand(cnt)
        ed = self._g_start[near][owner] + pos
        ex1, ey1, ex2, ey2 = self._g_x1[ed], self._g_y1[ed], self._g_x2[ed], self._g_y2[ed]
        ra = np.maximum(np.ceil((np.minimum(ey1, ey2) - y0) / sp - 0.5 - 1e-9), r0).astype(np.int64)
        rb = np.minimum(np.floor((np.maximum(ey1, ey2) - y0) / sp - 0.5 + 1e-9), r1).astype(np.int64)
        k = np.flatnonzero(rb >= ra)
        span = rb[k] - ra[k] + 1
        gi, pos = _expand(span)
        ek = k[gi]
        row = ra[ek] + pos
        t = (y0 + (row + 0.5) * sp - ey1[ek]) / (ey2[ek] - ey1[ek])
        xc = ex1[ek] + np.clip(t, 0.0, 1.0) * (ex2[ek] - ex1[ek])
        # per (envelope, row), the span of crossings
        key = owner[ek] * nr + (row - r0)
        order = np.argsort(key, kind="stable")
        key, xc = key[order], xc[order]
        if key.size == 0:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        first = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        xmin, xmax = np.minimum.reduceat(xc, first), np.maximum.reduceat(xc, first)
        key = key[first]
        env_l, row = key // nr, key % nr
        ca = np.maximum(np.ceil((xmin - x0) / sp - 0.5 - 1e-9), c0).astype(np.int64) - c0
        cb = np.minimum(np.floor((xmax - x0) / sp - 0.5 + 1e-9), c1).astype(np.int64) - c0
        k = np.flatnonzero(cb >= ca)
        width = cb[k] - ca[k] + 1
        gi, pos = _expand(width)
        kk = k[gi]
        pe = env_l[kk]
        cell = row[kk] * nc + ca[kk] + pos
        rec = lookup[cell]
        k = rec >= 0
        return pe[k], rec[k]

    def solve(self, x, y, z, nx, ny):
        """Sunlit (owner, w_start, w_end) of the given receivers (owners local 0..len-1), slivers < 1 s dropped."""
        n = len(x)
        if n == 0:
            return np.empty(0, int), np.empty(0), np.empty(0)
        lo, hi = self.lo, self.hi
        f_lo, f_hi = _facade_intervals(nx, ny, self.sweep_angle, self.w_tab, self.az_tab)
        f_lo, f_hi = np.clip(f_lo, lo, hi), np.clip(f_hi, lo, hi)
        own = np.repeat(np.arange(n), 2)
        al_s, al_e = f_lo.ravel(), f_hi.ravel()
        k = np.isfinite(al_s) & (al_e > al_s)
        allowed = (own[k], al_s[k], al_e[k])
        bo, bs, be = (self._blocked(x, y, z, nx, ny) if self.has_envelopes
                      else (np.empty(0, int), np.empty(0), np.empty(0)))
        o, s, e = _subtract(*allowed, bo, bs, be)
        k = e - s >= _MIN_W
        return o[k], s[k], e[k]

    def _blocked(self, x, y, z, nx, ny):
        obs = self.obs
        lo, hi = self.lo, self.hi
        A, B, C = self.A, self.B, self.C
        # candidate (receiver, building) pairs: receivers inside the building's shadow envelope.
        # A tree on this chunk's points queried with the prepared envelopes near the chunk.
        eb = self.env_bounds
        near = np.flatnonzero((eb[:, 0] <= x.max()) & (eb[:, 2] >= x.min()) & (eb[:, 1] <= y.max())
                              & (eb[:, 3] >= y.min()))
        if near.size == 0:
            return np.empty(0, int), np.empty(0), np.empty(0)
        pairs = self._grid_candidates(x, y, near) if getattr(self, "grid", None) else None
        if pairs is None:
            pairs = shapely.STRtree(shapely.points(x, y)).query(self._thread_envelopes.get()[near], predicate="contains")
        ei, ri = pairs
        bi = self.env_idx[near[ei]]
        keep = z[ri] < obs.top[bi]
        # a window sees the sun only in front of its facade plane, so a building (its bounding
        # box) wholly behind that plane cannot shade it: max over the box of (q - p) . n <= 0
        facade = np.isfinite(nx) & np.isfinite(ny) & ((nx != 0) | (ny != 0))  # else a point that sees the whole sky
        any_facade = bool(facade.any())
        if any_facade:
            nx, ny = np.where(facade, nx, np.nan), np.where(facade, ny, np.nan)
            rnx, rny = nx[ri], ny[ri]
            b = self.fp_bounds[bi]
            with np.errstate(invalid="ignore"):
                ahead = ((np.where(rnx > 0, b[:, 2], b[:, 0]) - x[ri]) * rnx
                         + (np.where(rny > 0, b[:, 3], b[:, 1]) - y[ri]) * rny)
            keep &= ~(ahead <= 1e-9)  # NaN normal (ground point): kept
        ri, bi = ri[keep], bi[keep]
        cnt = self.wcount[bi]
        gi, pos = _expand(cnt)
        pr = ri[gi]
        pw = self.wall_idx[self.wstart[bi[gi]] + pos]
        # a wall blocks only receivers in front of its plane: a cheap test n . p - n . q1 first, with a
        # margin far above its rounding, so that it keeps every pair the exact test below keeps
        px, py = x[pr], y[pr]
        k = np.flatnonzero(obs.nx[pw] * px + obs.ny[pw] * py - self.wall_c[pw] > -1e-6)
        pr, pw, px, py = pr[k], pw[k], px[k], py[k]
        r1x, r1y = obs.x1[pw] - px, obs.y1[pw] - py
        r2x, r2y = obs.x2[pw] - px, obs.y2[pw] - py
        front = -(obs.nx[pw] * r1x + obs.ny[pw] * r1y)  # distance of p in front of the wall plane
        k = front > 1e-9
        if any_facade:  # ... and a wall wholly behind the receiver's facade plane cannot either
            pnx, pny = nx[pr], ny[pr]
            with np.errstate(invalid="ignore"):
                behind = np.maximum(r1x * pnx + r1y * pny, r2x * pnx + r2y * pny) <= 1e-9
            k &= ~behind
        k = np.flatnonzero(k)
        pr, pw, r1x, r1y, r2x, r2y, front = (a[k] for a in (pr, pw, r1x, r1y, r2x, r2y, front))
        if pr.size == 0:
            return np.empty(0, int), np.empty(0), np.empty(0)
        # top: the ray is below the wall's top where it crosses the wall plane:
        # (zt - z)(m . s_xy) - front * s_z >= 0 with m = -n (towards the wall from p)
        dz_top = obs.zt[pw] - z[pr]
        ta, tb, tg = _coeffs(-dz_top * obs.nx[pw], -dz_top * obs.ny[pw], -front, A, B, C)
        t_lo, t_hi, t2_lo, t2_hi = _arc_in(ta, tb, tg, lo, hi)
        k = (t_hi > t_lo) | (t2_hi > t2_lo)  # never below the top: this wall never blocks
        if not k.all():
            k = np.flatnonzero(k)
            pr, r1x, r1y, r2x, r2y, t_lo, t_hi, t2_lo, t2_hi = (
                v[k] for v in (pr, r1x, r1y, r2x, r2y, t_lo, t_hi, t2_lo, t2_hi))
        # cone: the sun's plan direction lies between r1 and r2 (p is in front of the wall, so the
        # wall spans less than 180 deg seen from p). The sun's azimuth az(w) is monotonic, so the
        # cone is one hour-angle interval (two if it contains north): found on the azimuth table and
        # polished with a Newton step on the exact condition cross(r, s(w)) = 0.
        a1 = np.arctan2(-r1x, -r1y)
        a2 = np.arctan2(-r2x, -r2y)
        d = np.mod(a2 - a1 + np.pi, _TWO_PI) - np.pi
        pos = d > 0
        a_lo = np.where(pos, a1, a2)
        a_hi = a_lo + np.abs(d)
        az0, az1 = self.az_tab[0], self.az_tab[-1]
        # plain cone [a_lo, a_hi]; a cone past north (a_hi > pi) is [a_lo, pi] U [-pi, a_hi - 2 pi]
        # (no edge at north: its parts end at hi and start at lo)
        wrap = a_hi > np.pi
        out_o, out_s, out_e = [], [], []
        parts = (np.flatnonzero((np.where(wrap, np.pi, a_hi) > az0) & (a_lo < az1)),
                 np.flatnonzero(wrap & (a_hi - _TWO_PI > az0)))
        for part, sel in enumerate(parts):
            if sel.size == 0:
                continue
            p_sel, pos_s = pr[sel], pos[sel]
            rhx = np.where(pos_s, r2x[sel], r1x[sel])
            rhy = np.where(pos_s, r2y[sel], r1y[sel])
            if part == 0:
                rlx = np.where(pos_s, r1x[sel], r2x[sel])
                rly = np.where(pos_s, r1y[sel], r2y[sel])
                ws = self._w_of_az(a_lo[sel], (rlx, rly), A, B, C)
                we = np.where(wrap[sel], hi, self._w_of_az(a_hi[sel], (rhx, rhy), A, B, C))
            else:
                ws = np.full(sel.size, lo)
                we = self._w_of_az(a_hi[sel] - _TWO_PI, (rhx, rhy), A, B, C)
            for u0, u1 in ((t_lo, t_hi), (t2_lo, t2_hi)):
                s0 = np.maximum(ws, u0[sel])
                s1 = np.minimum(we, u1[sel])
                ok = s1 > s0
                if ok.any():
                    out_o.append(p_sel[ok]); out_s.append(s0[ok]); out_e.append(s1[ok])
        if not out_o:
            return np.empty(0, int), np.empty(0), np.empty(0)
        return np.concatenate(out_o), np.concatenate(out_s), np.concatenate(out_e)

    def _w_of_az(self, az, edge, A, B, C):
        """Hour angle (clipped to [lo, hi]) at which the sun's azimuth is ``az``, on the ray ``edge``.

        Linear interpolation of the inverse azimuth table (resampled on uniform azimuths, so a
        cell is found by arithmetic, not a search), then one Newton step on the exact condition
        ``cross(r, s(w)) = r_x s_y(w) - r_y s_x(w) = 0``.
        """
        lo, hi = self.lo, self.hi
        a0, a1 = self.az_tab[0], self.az_tab[-1]
        ac = np.clip(az, a0, a1)
        t = (ac - a0) * self._u_inv
        i = t.astype(np.intp)
        np.minimum(i, self._u_w.size - 2, out=i)
        w = self._u_w[i] + (t - i) * self._u_dw[i]
        inner = (az > a0) & (az < a1)
        rx, ry = edge
        a, b, g = _coeffs(-ry, rx, 0.0, A, B, C)
        cw, sw = np.cos(w), np.sin(w)
        f = a + b * cw + g * sw
        fp = -b * sw + g * cw
        with np.errstate(divide="ignore", invalid="ignore"):
            step = np.where(np.abs(fp) > 1e-300, f / fp, 0.0)
        w = np.where(inner & (np.abs(step) < 1e-3), w - step, w)
        return np.clip(w, lo, hi)


def _receiver_arrays(receivers):
    x = np.asarray(receivers["x"], float)
    y = np.asarray(receivers["y"], float)
    z = np.asarray(receivers["z"], float)
    n = len(x)
    nx = np.asarray(receivers["nx"], float) if receivers.get("nx") is not None else np.full(n, np.nan)
    ny = np.asarray(receivers["ny"], float) if receivers.get("ny") is not None else np.full(n, np.nan)
    if not (len(y) == n and len(z) == n and len(nx) == n and len(ny) == n):
        raise SunSpaceError("Receiver arrays x, y, z, nx, ny must have the same length.")
    if n and not (np.all(np.isfinite(x)) and np.all(np.isfinite(y)) and np.all(np.isfinite(z))):
        raise SunSpaceError("Every receiver needs finite coordinates x, y, z.")
    return x, y, z, nx, ny


def _make_scene(x, y, z, obstructors, latitude, declination, window, sweep_angle, min_altitude, grid_rotation):
    if not (0.0 <= sweep_angle < 90.0):
        raise SunSpaceError("Sweep angle must lie in [0, 90) degrees, got {sweep}.", sweep=sweep_angle)
    check_latitude(latitude, declination)
    if not (np.isfinite(window[0]) and np.isfinite(window[1]) and window[0] < window[1]):
        raise SunSpaceError("The counting window must be two increasing hours, got {window}.", window=tuple(window))
    extent = (x.min(), y.min(), x.max(), y.max()) if len(x) else (0.0, 0.0, 0.0, 0.0)
    z_min = float(np.min(z)) if len(z) else 0.0
    return _Scene(obstructors, latitude, declination, window, sweep_angle, min_altitude, grid_rotation, z_min, extent)


_WORKER_SCENE = None


def _init_worker(scene_bytes):
    global _WORKER_SCENE
    import pickle

    _WORKER_SCENE = pickle.loads(scene_bytes)


def _solve_in_worker(x, y, z, nx, ny):
    return _WORKER_SCENE.solve(x, y, z, nx, ny)


def python_executable():
    """A Python interpreter for worker processes (inside QGIS ``sys.executable`` is QGIS itself).

    ``SUNSPACE_PYTHON`` if set; else ``sys.executable`` when it is a Python; else the interpreter
    next to the running Python library (``sys.exec_prefix``); else ``python3`` on the PATH.
    """
    import shutil
    import sys

    env = os.environ.get("SUNSPACE_PYTHON")
    if env:
        return env
    if os.path.basename(sys.executable).lower().startswith("python"):
        return sys.executable
    v = f"{sys.version_info[0]}.{sys.version_info[1]}"
    for cand in (os.path.join(sys.exec_prefix, "bin", f"python{v}"), os.path.join(sys.exec_prefix, "bin", "python3"),
                 os.path.join(sys.exec_prefix, "python.exe"), os.path.join(sys.exec_prefix, "python3.exe"),
                 shutil.which(f"python{v}"), shutil.which("python3")):
        if cand and os.path.exists(cand):
            return cand
    raise SunSpaceError("No Python interpreter found for worker processes; set SUNSPACE_PYTHON or use parallel='threads'.")


def _process_pool(scene, workers):
    """A pool of ``workers`` processes started with an explicit Python, each holding the prepared scene."""
    import multiprocessing
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("spawn")
    ctx.set_executable(python_executable())
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(pickle.dumps(scene, protocol=pickle.HIGHEST_PROTOCOL),))


def _run_chunks(scene, arrays, bounds, workers, progress, is_canceled, total, parallel="threads", pool=None):
    """Solve chunks ``bounds`` [(c0, c1), ...] in order, with ``workers`` threads or processes; yields (c0, c1, o, s, e).

    ``parallel``: ``"threads"`` (numpy and shapely release the GIL in their loops) or
    ``"processes"`` (worker processes started with :func:`python_executable`; ``pool`` reuses one).
    """
    x, y, z, nx, ny = arrays

    def job(c0, c1):
        if is_canceled is not None and is_canceled():
            return None
        return scene.solve(x[c0:c1], y[c0:c1], z[c0:c1], nx[c0:c1], ny[c0:c1])

    def check():
        if is_canceled is not None and is_canceled():
            raise Cancelled()

    if parallel not in ("threads", "processes"):
        raise SunSpaceError("parallel must be 'threads' or 'processes', got {parallel!r}.", parallel=parallel)
    workers = default_workers() if workers is None else max(1, int(workers))
    if pool is None and (workers == 1 or len(bounds) <= 1):
        for c0, c1 in bounds:
            check()
            o, s, e = job(c0, c1)
            if progress is not None:
                progress(c1 / total)
            yield c0, c1, o, s, e
        check()
        return
    own = pool is None
    if own:
        pool = ThreadPoolExecutor(max_workers=workers) if parallel == "threads" else _process_pool(scene, workers)
    remote = not isinstance(pool, ThreadPoolExecutor)

    def submit(c0, c1):
        if remote:
            return pool.submit(_solve_in_worker, x[c0:c1], y[c0:c1], z[c0:c1], nx[c0:c1], ny[c0:c1])
        return pool.submit(job, c0, c1)

    pending = []
    try:
        it = iter(bounds)
        for b in it:  # keep at most 2 x workers chunks in flight (bounded memory)
            pending.append((b, submit(*b)))
            if len(pending) >= 2 * workers:
                break
        while pending:
            check()
            (c0, c1), fut = pending.pop(0)
            out = fut.result()
            check()
            nxt = next(it, None)
            if nxt is not None:
                pending.append((nxt, submit(*nxt)))
            if progress is not None:
                progress(c1 / total)
            yield (c0, c1) + tuple(out)
    finally:
        for _, fut in pending:
            fut.cancel()
        if own:
            pool.shutdown(wait=True, cancel_futures=True)
    check()


def sunlit_intervals(receivers, obstructors: Obstructors, latitude, declination, window=(8.0, 16.0),
                     sweep_angle=0.0, min_altitude=0.0, grid_rotation=0.0, chunk_size=20000, progress=None,
                     is_canceled=None, workers=None, parallel="threads", grid=None):
    """Exact sunlit intervals of every receiver on a day of fixed declination.

    Parameters
    ----------
    receivers : dict with arrays ``x, y, z`` and optionally ``nx, ny`` (outward facade normal;
        NaN or absent for a ground point that sees the whole sky)
    obstructors : :class:`Obstructors`
    latitude : float, degrees north (of the scene's centre); 0 (the equator) to 66 deg N,
        see :func:`check_latitude`
    declination : float, degrees (大寒日 about -20.2, 冬至日 -23.44)
    window : (start, end) hours of true solar time; clipped to the time the sun is up
    sweep_angle : float, degrees; sun within this angle of the facade plane (in plan) does not count
    min_altitude : float, degrees; sun below this altitude does not count
    grid_rotation : float, degrees counter-clockwise from the frame's y axis to true north
        (meridian convergence of a projected CRS; 0 in a :class:`~sunspace.core.geodesy.LocalFrame`)
    chunk_size : receivers per batch (memory grows with it)
    progress : callable(fraction) or None
    is_canceled : callable() -> bool or None; when it returns true, :class:`~sunspace.core.errors.Cancelled`
        is raised (never a partial result)
    workers : int or None; threads (or processes) solving chunks in parallel (None: every core,
        1: serial). The result is identical whatever the number of workers.
    parallel : ``"threads"`` (default) or ``"processes"`` (worker processes started with
        :func:`python_executable`, which works inside QGIS too; about a second to start)
    grid : ``(x0, y0, spacing)`` or None; when every receiver is the centre of a cell of this
        square grid (``x0 + (j + 0.5) spacing``, ``y0 + (i + 0.5) spacing``), as on a ground grid,
        candidate receiver-building pairs are found by scan lines instead of point queries (faster,
        same result)

    Returns
    -------
    SunlitResult
        Sunlit intervals in hours of true solar time; intervals shorter than
        :data:`MIN_INTERVAL_SECONDS` are dropped.

    Raises
    ------
    SunSpaceError
        for an unsupported latitude (south of the equator, beyond 66 deg N) or bad input.
    Cancelled
        when ``is_canceled()`` becomes true.
    """
    arrays = _receiver_arrays(receivers)
    x = arrays[0]
    n = len(x)
    scene = _make_scene(*arrays[:3], obstructors, latitude, declination, window, sweep_angle, min_altitude, grid_rotation)
    if scene.empty or n == 0:
        return SunlitResult(n, np.empty(0, int), np.empty(0), np.empty(0))
    if grid is not None:
        scene.use_grid(*grid)
    chunk_size = max(1, int(chunk_size))
    bounds = [(c0, min(n, c0 + chunk_size)) for c0 in range(0, n, chunk_size)]
    os_, ss, es = [], [], []
    for c0, c1, o, s, e in _run_chunks(scene, arrays, bounds, workers, progress, is_canceled, n, parallel):
        os_.append(o + c0); ss.append(s); es.append(e)
    o, s, e = np.concatenate(os_), np.concatenate(ss), np.concatenate(es)
    return SunlitResult(n, o, _w_to_hours(s), _w_to_hours(e))


@dataclass
class WindowChunk:
    """One chunk of :func:`iter_window_sunlight`: receivers ``start:stop`` of the input.

    ``result`` holds the chunk's intervals with receiver indices local to the chunk
    (0 .. stop - start - 1); ``intervals`` the formatted strings (or None); ``receivers`` the
    chunk's receivers (every array of the input dict or batch, sliced: ``x, y, z, nx, ny`` and
    whatever else it carried, e.g. ``building, floor``).
    """

    start: int
    stop: int
    minutes: np.ndarray
    passed: np.ndarray
    result: SunlitResult
    intervals: list = None
    clock_intervals: list = None
    receivers: dict = None  # this chunk's receivers (every array of the input dict, sliced)


def iter_window_sunlight(receivers, obstructors: Obstructors, latitude, declination, window, rules, hours,
                         chunk_size=100_000, workers=None, grid_rotation=0.0, progress=None, is_canceled=None,
                         intervals=True, to_clock=None, receiver_limit=RECEIVER_LIMIT, total=None,
                         parallel="threads"):
    """Window sunlight chunk by chunk, in receiver order, with memory bounded by ``chunk_size``.

    The sun, the obstructors' walls and their shadow envelopes are prepared once; each chunk
    of ``chunk_size`` receivers is then solved (in parallel sub-chunks with ``workers``
    threads), counted under ``rules`` (:func:`count_sunlight`) and yielded, so a caller writes
    it out and drops it. Results are identical to :func:`sunlit_intervals` + :func:`count_sunlight`
    on all receivers at once, whatever ``chunk_size`` and ``workers``.

    Parameters
    ----------
    receivers : dict of arrays (as :func:`sunlit_intervals`), or an iterable of such dicts
        (batches, e.g. :func:`iter_facade_batches`, so that not even the receivers are all in
        memory). Batches must be facade receivers of ``obstructors`` or lie inside the walls'
        bounding box, at or above the lowest base.
    obstructors, latitude, declination, window, grid_rotation : as :func:`sunlit_intervals`
    rules : :class:`~sunspace.core.standards.CountingRules` (its sweep angle and minimum altitude are used)
    hours : float, required hours
    chunk_size : int, receivers per yielded chunk
    workers : int or None, threads or processes (None: every core, 1: serial)
    parallel : ``"threads"`` or ``"processes"`` (see :func:`sunlit_intervals`)
    progress : callable(fraction) or None (with batches, pass ``total`` for a meaningful fraction)
    is_canceled : callable() -> bool or None; raises :class:`~sunspace.core.errors.Cancelled`
    intervals : bool, also format the true-solar-time intervals (``WindowChunk.intervals``)
    to_clock : callable or None, hours of true solar time -> clock hours; when given,
        ``WindowChunk.clock_intervals`` holds the intervals in clock time
    receiver_limit : int, refuse more receivers than this before any work
        (:func:`check_receiver_count`; with batches, ``total`` is checked, or the count as it grows)
    total : int or None, the number of receivers when ``receivers`` is an iterable of batches

    Yields
    ------
    WindowChunk
        ``start``/``stop`` are indices in the whole receiver sequence.
    """
    if isinstance(receivers, dict):
        arrays = _receiver_arrays(receivers)
        batches = [(receivers, arrays)]
        n_total = len(arrays[0])
        extent = (arrays[0].min(), arrays[1].min(), arrays[0].max(), arrays[1].max()) if n_total else (0, 0, 0, 0)
        z_min = float(arrays[2].min()) if n_total else 0.0
    else:
        batches = ((r, _receiver_arrays(r)) for r in receivers)
        n_total = total
        obs = obstructors
        if len(obs.x1):
            extent = (obs.x1.min() - 1.0, obs.y1.min() - 1.0, obs.x1.max() + 1.0, obs.y1.max() + 1.0)
            z_min = float(np.min(obs.base))
        else:
            extent, z_min = (0.0, 0.0, 0.0, 0.0), 0.0
    if n_total is not None:
        check_receiver_count(n_total, receiver_limit)
    if not (0.0 <= rules.sweep_angle < 90.0):
        raise SunSpaceError("Sweep angle must lie in [0, 90) degrees, got {sweep}.", sweep=rules.sweep_angle)
    check_latitude(latitude, declination)
    if not (np.isfinite(window[0]) and np.isfinite(window[1]) and window[0] < window[1]):
        raise SunSpaceError("The counting window must be two increasing hours, got {window}.", window=tuple(window))
    scene = _Scene(obstructors, latitude, declination, window, rules.sweep_angle, rules.min_altitude, grid_rotation,
                   z_min, extent)
    chunk_size = max(1, int(chunk_size))
    nw = default_workers() if workers is None else max(1, int(workers))
    sub = max(1000, min(20000, -(-chunk_size // (2 * nw))))
    pool = None
    if parallel == "processes" and nw > 1 and not scene.empty:
        pool = _process_pool(scene, nw)
    try:
        yield from _iter_chunks(scene, batches, receivers, extent, z_min, n_total, receiver_limit, chunk_size, sub,
                                workers, parallel, pool, window, rules, hours, intervals, to_clock, progress,
                                is_canceled)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _iter_chunks(scene, batches, receivers, extent, z_min, n_total, receiver_limit, chunk_size, sub, workers,
                 parallel, pool, window, rules, hours, intervals, to_clock, progress, is_canceled):
    done = 0
    for batch, arrays in batches:
        n = len(arrays[0])
        if n and not isinstance(receivers, dict):
            if (arrays[0].min() < extent[0] or arrays[1].min() < extent[1] or arrays[0].max() > extent[2]
                    or arrays[1].max() > extent[3] or arrays[2].min() < z_min):
                raise SunSpaceError("Receiver batches must lie inside the obstructors' bounding box and at or above "
                                    "their lowest base; pass all receivers as one dict instead.")
            if n_total is None:
                check_receiver_count(done + n, receiver_limit)
        for c0 in range(0, n, chunk_size):
            c1 = min(n, c0 + chunk_size)
            if is_canceled is not None and is_canceled():
                raise Cancelled()
            if scene.empty:
                res = SunlitResult(c1 - c0, np.empty(0, int), np.empty(0), np.empty(0))
            else:
                bounds = [(b0 - c0, min(c1, b0 + sub) - c0) for b0 in range(c0, c1, sub)]
                os_, ss, es = [], [], []
                for b0, b1, o, s, e in _run_chunks(scene, tuple(a[c0:c1] for a in arrays), bounds, workers, None,
                                                   is_canceled, c1 - c0, parallel, pool):
                    os_.append(o + b0); ss.append(s); es.append(e)
                res = SunlitResult(c1 - c0, np.concatenate(os_), _w_to_hours(np.concatenate(ss)),
                                   _w_to_hours(np.concatenate(es)))
            minutes, passed = count_sunlight(res, rules, window, hours)
            chunk = WindowChunk(done + c0, done + c1, minutes, passed, res,
                                receivers={k: np.asarray(v)[c0:c1] for k, v in batch.items()
                                           if v is not None and np.ndim(v) == 1 and len(v) == n})
            if intervals:
                chunk.intervals = format_all_intervals(res)
            if to_clock is not None:
                chunk.clock_intervals = format_all_intervals(res, to_clock)
            if progress is not None and n_total:
                progress(min(1.0, (done + c1) / n_total))
            yield chunk
        done += n


# ---------------------------------------------------------------------------
# counting
# ---------------------------------------------------------------------------
def _segments(result: SunlitResult, rules, window):
    """Counted segments (owner, minutes) under the rules' time step."""
    o, s, e = result.receiver, result.start, result.end
    if rules.step_minutes is None:
        return o, (e - s) * 60.0
    dt = rules.step_minutes / 60.0
    t0 = window[0]
    nsteps = int(np.floor((window[1] - window[0]) / dt + 1e-9))
    kmin = np.ceil((s - t0) / dt - 0.5 - 1e-9).astype(int)
    kmax = np.floor((e - t0) / dt - 0.5 + 1e-9).astype(int)
    kmin, kmax = np.maximum(kmin, 0), np.minimum(kmax, nsteps - 1)
    k = kmax >= kmin
    o, kmin, kmax = o[k], kmin[k], kmax[k]
    if o.size == 0:
        return o, np.empty(0)
    # join runs of steps that touch (gaps without a step middle)
    new = np.ones(o.size, bool)
    new[1:] = (o[1:] != o[:-1]) | (kmin[1:] > kmax[:-1] + 1)
    gid = np.cumsum(new) - 1
    first = kmin[new]
    last = np.zeros(new.sum(), int)
    np.maximum.at(last, gid, kmax)
    return o[new], (last - first + 1) * rules.step_minutes


def count_sunlight(result: SunlitResult, rules, window, required_hours):
    """Counted sunlit minutes of every receiver and whether it meets ``required_hours``.

    Returns
    -------
    minutes : numpy.ndarray (n,)
    passed : numpy.ndarray of bool (n,)
    """
    o, mins = _segments(result, rules, window)
    keep = mins >= rules.min_segment_minutes - 1e-9
    o, mins = o[keep], mins[keep]
    n = result.n
    if rules.continuous:
        total = np.zeros(n)
        np.maximum.at(total, o, mins)
    elif rules.longest_segments:
        order = np.lexsort((-mins, o))
        o2, m2 = o[order], mins[order]
        first = np.r_[True, o2[1:] != o2[:-1]]
        rank = np.arange(o2.size) - np.maximum.accumulate(np.where(first, np.arange(o2.size), 0))
        sel = rank < int(rules.longest_segments)
        total = np.bincount(o2[sel], weights=m2[sel], minlength=n)
    else:
        total = np.bincount(o, weights=mins, minlength=n)
    return total, total >= required_hours * 60.0 - 1e-6


def format_intervals(result: SunlitResult, i, to_clock=None) -> str:
    """``"08:00-09:12, 13:05-16:00"`` for receiver ``i``; ``to_clock`` maps true solar hours to clock hours.

    O(log n) per call through :attr:`SunlitResult.offsets`; for every receiver at once use
    :func:`format_all_intervals` (linear).
    """
    parts = []
    for s, e in result.intervals_of(i):
        if to_clock is not None:
            s, e = to_clock(s), to_clock(e)
        parts.append(f"{_hhmm(s)}-{_hhmm(e)}")
    return ", ".join(parts)


def _hhmm(h):
    m = int(round(float(h) * 60.0))
    return f"{m // 60:02d}:{m % 60:02d}"
