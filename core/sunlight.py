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
Candidate receiver-building pairs are culled first with each building's
whole-day shadow envelope (a convex hull of its shadows, padded).

A window is counted only while the sun is in front of its facade, more than
the sweep angle off the facade plane (measured in plan) and above the minimum
altitude; the sun's azimuth is monotonic over a winter day, so these are
intervals in w too.

Counting (see :class:`sunspace.core.standards.CountingRules`): with a time step,
each step counts when its middle instant is sunlit (1-minute precision by
default); without a step, exact interval lengths are used.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely


__all__ = [
    "Obstructors",
    "prepare_obstructors",
    "sample_facades",
    "SunlitResult",
    "sunlit_intervals",
    "count_sunlight",
    "format_intervals",
]

_TWO_PI = 2.0 * np.pi


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


def _rings(poly):
    """Rings of a polygon oriented so that the material lies on the left (exterior CCW, holes CW)."""
    poly = shapely.orient_polygons(poly) if hasattr(shapely, "orient_polygons") else shapely.geometry.polygon.orient(poly, 1.0)
    yield np.asarray(poly.exterior.coords)
    for ring in poly.interiors:
        yield np.asarray(ring.coords)


def prepare_obstructors(footprints, base, height) -> Obstructors:
    """Wall faces of prisms ``footprint x [base, base + height]``.

    Parameters
    ----------
    footprints : array of shapely (Multi)Polygons, local metres
    base : array_like, metres (ground elevation under each building)
    height : array_like, metres above the base (> 0)
    """
    fps = np.asarray(footprints, dtype=object)
    base = np.broadcast_to(np.asarray(base, float), fps.shape).astype(float)
    height = np.broadcast_to(np.asarray(height, float), fps.shape).astype(float)
    if np.any(~(height > 0)):
        raise ValueError("Every obstructor needs a positive height.")
    cols = {k: [] for k in ("x1", "y1", "x2", "y2", "b")}
    for b, geom in enumerate(fps):
        if geom is None or geom.is_empty:
            continue
        for poly in shapely.get_parts(geom):
            if poly.geom_type != "Polygon":
                continue
            for xy in _rings(poly):
                d = np.hypot(*np.diff(xy, axis=0).T)
                keep = d > 1e-9
                cols["x1"].append(xy[:-1, 0][keep])
                cols["y1"].append(xy[:-1, 1][keep])
                cols["x2"].append(xy[1:, 0][keep])
                cols["y2"].append(xy[1:, 1][keep])
                cols["b"].append(np.full(keep.sum(), b))
    cat = {k: (np.concatenate(v) if v else np.empty(0)) for k, v in cols.items()}
    dx, dy = cat["x2"] - cat["x1"], cat["y2"] - cat["y1"]
    length = np.hypot(dx, dy)
    bidx = cat["b"].astype(int)
    return Obstructors(
        x1=cat["x1"], y1=cat["y1"], x2=cat["x2"], y2=cat["y2"],
        nx=dy / length, ny=-dx / length,  # material on the left -> outward normal on the right
        zb=base[bidx], zt=(base + height)[bidx], building=bidx,
        footprints=fps, base=base, top=base + height,
    )


def sample_facades(footprints, base, height, spacing=1.0, sill=0.9, floor_height=3.0, every_floor=False,
                   offset=0.01, drop_inside=True, south_only=False, exclude=None):
    """Receivers along every wall of the footprints: window sills with their outward normals.

    Points sit at the centres of equal pieces of each wall (``round(length / spacing)``
    pieces, at least one), ``offset`` metres out from the wall, at ``base + sill``
    (ground-floor sill) or, with ``every_floor``, at ``base + f * floor_height + sill``
    for every floor ``f`` below the roof.

    Returns
    -------
    dict of numpy arrays: ``x, y, z, nx, ny, building, floor``. Points that fall inside
    another of the footprints (party walls), or inside any of the ``exclude`` footprints
    (other buildings that are not analysed), are dropped when ``drop_inside``. With
    ``south_only``, only walls whose outward normal has a southward component are sampled.
    """
    if not spacing > 0:
        raise ValueError("Receiver spacing must be positive.")
    obs = prepare_obstructors(footprints, base, height)
    length = np.hypot(obs.x2 - obs.x1, obs.y2 - obs.y1)
    m = np.maximum(1, np.round(length / spacing)).astype(int)
    wall = np.repeat(np.arange(len(m)), m)
    first = np.cumsum(m) - m
    frac = (np.arange(m.sum()) - np.repeat(first, m) + 0.5) / np.repeat(m, m)
    x = obs.x1[wall] + frac * (obs.x2 - obs.x1)[wall] + offset * obs.nx[wall]
    y = obs.y1[wall] + frac * (obs.y2 - obs.y1)[wall] + offset * obs.ny[wall]
    bld = obs.building[wall]
    if every_floor:
        floors = np.maximum(1, np.floor((obs.top - obs.base)[bld] / floor_height + 1e-9)).astype(int)
        rep = floors
        idx = np.repeat(np.arange(len(x)), rep)
        fl = np.arange(rep.sum()) - np.repeat(np.cumsum(rep) - rep, rep)
        x, y, bld, wall = x[idx], y[idx], bld[idx], wall[idx]
        z = obs.base[bld] + fl * floor_height + sill
    else:
        fl = np.zeros(len(x), dtype=int)
        z = obs.base[bld] + sill
    keep = z < obs.top[bld]
    if south_only:
        keep &= obs.ny[wall] < -1e-9
    if drop_inside and exclude is not None and len(x):
        ex = np.asarray(exclude, dtype=object)
        ex = ex[~shapely.is_missing(ex)]
        if ex.size:
            keep &= ~shapely.contains_xy(shapely.union_all(ex), x, y)
    if drop_inside and len(x):
        pts = shapely.points(x, y)
        tree = shapely.STRtree(obs.footprints)
        pi, bi = tree.query(pts, predicate="within")
        inside = np.zeros(len(x), bool)
        inside[pi[bi != bld[pi]]] = True
        keep &= ~inside
    return {"x": x[keep], "y": y[keep], "z": z[keep], "nx": obs.nx[wall][keep], "ny": obs.ny[wall][keep],
            "building": bld[keep], "floor": fl[keep]}


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


# ---------------------------------------------------------------------------
# interval algebra on flat (owner, start, end) arrays
# ---------------------------------------------------------------------------
def _union(owner, start, end):
    """Merge overlapping intervals per owner; returns sorted (owner, start, end)."""
    if owner.size == 0:
        return owner, start, end
    span = float(max(np.max(end) - np.min(start), 1.0)) * 4.0
    base = owner * span - np.min(start)
    s, e = start + base, end + base
    order = np.argsort(s, kind="stable")
    s, e, o = s[order], e[order], owner[order]
    run_end = np.maximum.accumulate(e)
    new = np.ones(len(s), bool)
    new[1:] = s[1:] > run_end[:-1]
    gid = np.cumsum(new) - 1
    ms = s[new]
    me = np.zeros(new.sum())
    np.maximum.at(me, gid, e)
    me = np.maximum(me, ms)
    mo = o[new]
    b = mo * span - np.min(start)
    return mo, ms - b, me - b


def _subtract(a_owner, a_start, a_end, b_owner, b_start, b_end):
    """Per owner, the parts of intervals A not covered by the (merged, sorted) intervals B."""
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
        ai = np.repeat(idx, rep)
        bi = np.repeat(first[idx], rep) + (np.arange(rep.sum()) - np.repeat(np.cumsum(rep) - rep, rep))
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
    order = np.lexsort((s, o))
    return o[order], s[order], e[order]


# ---------------------------------------------------------------------------
# the engine
# ---------------------------------------------------------------------------
@dataclass
class SunlitResult:
    """Sunlit intervals of every receiver, in hours of true solar time.

    ``receiver``, ``start``, ``end`` are flat arrays sorted by receiver then start;
    ``n`` is the number of receivers.
    """

    n: int
    receiver: np.ndarray
    start: np.ndarray
    end: np.ndarray

    def intervals_of(self, i):
        k = self.receiver == i
        return list(zip(self.start[k], self.end[k]))


def _azimuth_table(A, B, C, w_lo, w_hi, n=4097):
    """Sun azimuth from south (west positive, radians) on a dense hour-angle grid; must be monotonic."""
    w = np.linspace(w_lo, w_hi, n)
    s = A[:, None] + B[:, None] * np.cos(w) + C[:, None] * np.sin(w)
    az = np.arctan2(-s[0], -s[1])
    if np.any(np.diff(az) <= 0):
        raise ValueError("The sun passes north of the zenith on this day at this latitude; "
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


def _envelopes(obs, A, B, C, w_lo, w_hi, z_min, samples=97):
    """Per building, a polygon that holds all its shadows on the plane z = z_min over [w_lo, w_hi]."""
    w = np.linspace(w_lo, w_hi, samples)
    s = A[:, None] + B[:, None] * np.cos(w) + C[:, None] * np.sin(w)
    sx, sy, sz = s
    reach = np.maximum(obs.top - z_min, 0.0)  # per building
    fx = -sx / sz
    fy = -sy / sz  # shadow offset per metre of height
    step = np.hypot(np.diff(fx), np.diff(fy)).max() if samples > 1 else 0.0
    hulls = shapely.convex_hull(np.asarray(obs.footprints, dtype=object))
    out = np.empty(obs.n_buildings, dtype=object)
    for b in range(obs.n_buildings):
        hull = hulls[b]
        if hull is None or hull.is_empty or reach[b] <= 0:
            out[b] = None
            continue
        xy = shapely.get_coordinates(hull)
        pts = (xy[:, None, :] + reach[b] * np.stack([np.r_[0.0, fx], np.r_[0.0, fy]], axis=-1)[None]).reshape(-1, 2)
        env = shapely.convex_hull(shapely.multipoints(pts))
        out[b] = env.buffer(0.5 * step * reach[b] + 0.01, quad_segs=2)
    return out


def sunlit_intervals(receivers, obstructors: Obstructors, latitude, declination, window=(8.0, 16.0),
                     sweep_angle=0.0, min_altitude=0.0, grid_rotation=0.0, chunk_size=20000, progress=None,
                     is_canceled=None):
    """Exact sunlit intervals of every receiver on a day of fixed declination.

    Parameters
    ----------
    receivers : dict with arrays ``x, y, z`` and optionally ``nx, ny`` (outward facade normal;
        NaN or absent for a ground point that sees the whole sky)
    obstructors : :class:`Obstructors`
    latitude : float, degrees north (of the scene's centre)
    declination : float, degrees (大寒日 about -20.2, 冬至日 -23.44)
    window : (start, end) hours of true solar time
    sweep_angle : float, degrees; sun within this angle of the facade plane (in plan) does not count
    min_altitude : float, degrees; sun below this altitude does not count
    grid_rotation : float, degrees counter-clockwise from the frame's y axis to true north
        (meridian convergence of a projected CRS; 0 in a :class:`~sunspace.core.geodesy.LocalFrame`)
    chunk_size : receivers per batch (memory grows with it)
    progress : callable(fraction) or None; is_canceled : callable() -> bool or None

    Returns
    -------
    SunlitResult
        Sunlit intervals in hours of true solar time.
    """
    x = np.asarray(receivers["x"], float)
    y = np.asarray(receivers["y"], float)
    z = np.asarray(receivers["z"], float)
    n = len(x)
    nx = np.asarray(receivers.get("nx", np.full(n, np.nan)), float)
    ny = np.asarray(receivers.get("ny", np.full(n, np.nan)), float)
    if not (0.0 <= sweep_angle < 90.0):
        raise ValueError("Sweep angle must lie in [0, 90) degrees.")
    if abs(latitude) > 66.0:
        raise ValueError("Latitude beyond 66 degrees is not supported.")
    if latitude - declination < 0.5:
        raise ValueError("The sun passes north of the zenith on this day at this latitude; "
                         "the engine supports latitudes at least 0.5 degrees north of the declination.")
    A, B, C = _sun_basis(latitude, declination)
    if grid_rotation:
        g = np.radians(grid_rotation)
        rot = np.array([[np.cos(g), -np.sin(g), 0.0], [np.sin(g), np.cos(g), 0.0], [0.0, 0.0, 1.0]])
        A, B, C = rot @ A, rot @ B, rot @ C
    phi, dec = np.radians(latitude), np.radians(declination)
    # global allowed hour angles: window and sun above max(min altitude, horizon)
    c = (np.sin(np.radians(max(min_altitude, 0.0))) - np.sin(phi) * np.sin(dec)) / (np.cos(phi) * np.cos(dec))
    w_alt = np.arccos(np.clip(c, -1.0, 1.0))
    w0, w1 = _hours_to_w(window[0]), _hours_to_w(window[1])
    lo, hi = max(w0, -w_alt), min(w1, w_alt)
    empty = SunlitResult(n, np.empty(0, int), np.empty(0), np.empty(0))
    if not hi > lo or n == 0:
        return empty
    pad = 1e-6
    w_tab, az_tab = _azimuth_table(A, B, C, lo - pad, hi + pad)
    f_lo, f_hi = _facade_intervals(nx, ny, sweep_angle, w_tab, az_tab)
    f_lo, f_hi = np.clip(f_lo, lo, hi), np.clip(f_hi, lo, hi)
    # allowed intervals of every receiver (flat)
    own = np.repeat(np.arange(n), 2)
    al_s, al_e = f_lo.ravel(), f_hi.ravel()
    k = np.isfinite(al_s) & (al_e > al_s)
    allowed = (own[k], al_s[k], al_e[k])

    obs = obstructors
    if obs.n_buildings == 0 or len(obs.x1) == 0:
        return SunlitResult(n, allowed[0], _w_to_hours(allowed[1]), _w_to_hours(allowed[2]))
    # walls that can be entered by a ray towards the sun at some moment: outward normal away from the sun
    ws = np.linspace(lo, hi, 33)
    sv = A[:, None] + B[:, None] * np.cos(ws) + C[:, None] * np.sin(ws)
    hn = sv[:2] / np.hypot(sv[0], sv[1])
    facing = (obs.nx[:, None] * hn[0] + obs.ny[:, None] * hn[1]).min(axis=1) < 1e-9
    wall_idx = np.flatnonzero(facing)
    order = np.argsort(obs.building[wall_idx], kind="stable")
    wall_idx = wall_idx[order]
    wb = obs.building[wall_idx]
    wstart = np.searchsorted(wb, np.arange(obs.n_buildings), side="left")
    wcount = np.searchsorted(wb, np.arange(obs.n_buildings), side="right") - wstart

    env = _envelopes(obs, A, B, C, lo, hi, float(np.min(z)))
    has_env = np.array([e is not None for e in env])
    env_idx = np.flatnonzero(has_env)
    tree = shapely.STRtree(env[env_idx]) if env_idx.size else None

    blocked_o, blocked_s, blocked_e = [], [], []
    for c0 in range(0, n, chunk_size):
        if is_canceled is not None and is_canceled():
            break
        c1 = min(n, c0 + chunk_size)
        if tree is None:
            continue
        pts = shapely.points(x[c0:c1], y[c0:c1])
        ri, ei = tree.query(pts, predicate="intersects")
        ri = ri + c0
        bi = env_idx[ei]
        keep = z[ri] < obs.top[bi]
        ri, bi = ri[keep], bi[keep]
        cnt = wcount[bi]
        pr = np.repeat(ri, cnt)
        pw = wall_idx[np.repeat(wstart[bi], cnt) + (np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt))]
        px, py, pz = x[pr], y[pr], z[pr]
        r1x, r1y = obs.x1[pw] - px, obs.y1[pw] - py
        r2x, r2y = obs.x2[pw] - px, obs.y2[pw] - py
        front = -(obs.nx[pw] * r1x + obs.ny[pw] * r1y)  # distance of p in front of the wall plane
        k = front > 1e-9
        pr, pw, pz, r1x, r1y, r2x, r2y, front = (a[k] for a in (pr, pw, pz, r1x, r1y, r2x, r2y, front))
        if pr.size == 0:
            if progress is not None:
                progress(c1 / n)
            continue
        sign = np.sign(r1x * r2y - r1y * r2x)
        # cone: sign*cross(r1, s) >= 0, sign*cross(s, r2) >= 0 ; cross(r, s) = r_x s_y - r_y s_x
        cone1 = _coeffs(-sign * r1y, sign * r1x, 0.0, A, B, C)
        cone2 = _coeffs(sign * r2y, -sign * r2x, 0.0, A, B, C)
        # m = -n (towards the wall from p): m.r1 = front > 0 ; top: (zt - z)(m.s_xy) - front * s_z >= 0
        mx, my = -obs.nx[pw], -obs.ny[pw]
        dz_top = obs.zt[pw] - pz
        top = _coeffs(dz_top * mx, dz_top * my, -front, A, B, C)
        conds = (cone1, cone2, top)
        pts_w = [np.full(pr.size, lo), np.full(pr.size, hi)]
        for a, b_, g in conds:
            pts_w += list(_roots(a, b_, g))
        W = np.stack(pts_w, axis=1)
        W = np.where((W > lo) & (W < hi), W, np.nan)
        W[:, 0], W[:, 1] = lo, hi
        W = np.sort(W, axis=1)  # NaN last
        mid = 0.5 * (W[:, :-1] + W[:, 1:])
        cm, sm = np.cos(mid), np.sin(mid)
        inside = np.isfinite(mid) & (W[:, 1:] > W[:, :-1])
        for a, b_, g in conds:
            a, b_, g = (np.broadcast_to(v, pr.shape)[:, None] for v in (a, b_, g))
            inside &= a + b_ * cm + g * sm >= 0
        rr, cc = np.nonzero(inside)
        if rr.size:
            blocked_o.append(pr[rr]); blocked_s.append(W[rr, cc]); blocked_e.append(W[rr, cc + 1])
        if progress is not None:
            progress(c1 / n)
    if blocked_o:
        bo, bs, be = np.concatenate(blocked_o), np.concatenate(blocked_s), np.concatenate(blocked_e)
    else:
        bo, bs, be = np.empty(0, int), np.empty(0), np.empty(0)
    o, s, e = _subtract(*allowed, bo, bs, be)
    k = e > s + 1e-12
    return SunlitResult(n, o[k], _w_to_hours(s[k]), _w_to_hours(e[k]))


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
    """``"08:00-09:12, 13:05-16:00"`` for receiver ``i``; ``to_clock`` maps true solar hours to clock hours."""
    parts = []
    for s, e in result.intervals_of(i):
        if to_clock is not None:
            s, e = to_clock(s), to_clock(e)
        parts.append(f"{_hhmm(s)}-{_hhmm(e)}")
    return ", ".join(parts)


def _hhmm(h):
    m = int(round(float(h) * 60.0))
    return f"{m // 60:02d}:{m % 60:02d}"
