"""Sunlight envelope (日照包络体) and allowed heights (推算限高) on the exact engine.

The inverse of :mod:`sunspace.core.sunlight`: how high may one build on a site without
taking protected windows (existing homes) outside a protection rule?

Protected instants
------------------
Each protected window ``w`` at ``p = (x, y, z)`` has, among the existing buildings, a
sunlit set ``S_w`` of hour angles (from :func:`~sunspace.core.sunlight.sunlit_intervals`).
A *kept* set ``T_w`` of hour angles is chosen per window (:func:`choose_kept`):

- ``"strict"`` (rule b): ``T_w = S_w`` -- no window loses any minute;
- ``"keep"`` (rule a, the common local rule): a compliant window keeps a subset of
  ``S_w`` that still counts as the required hours under the counting rules; a
  non-compliant window keeps all of ``S_w`` (it loses no minute);
- ``"compliant"`` (rule c): compliant windows as in ``"keep"``; others keep nothing.

Any new solid that leaves every kept ray unblocked keeps every window within the rule:
the window still sees at least ``T_w``, and every counting rule counts a superset at
least as high as the set itself.

Ray heights
-----------
The sun vector at hour angle ``w`` is ``s(w) = A + B cos w + C sin w`` (see
:mod:`~sunspace.core.sunlight`). The ray from ``p`` towards the sun passes a vertical
plane through the segment ``a-b`` at height::

    z(w) = z_p + D * s_z(w) / (n . s_xy(w))          [m]

``n`` the unit normal of the segment's line pointing away from ``p``, ``D > 0`` the
distance from ``p`` to that line. It crosses the segment itself while ``s_xy`` lies in
the cone spanned by ``a - p`` and ``b - p``. Numerator and denominator are both of the
form ``alpha + beta cos w + gamma sin w``, and so is the numerator of ``dz/dw``::

    f1 = a1 + b1 cos w + g1 sin w,  f2 = a2 + b2 cos w + g2 sin w
    f1' f2 - f1 f2' = (g1 b2 - b1 g2) + (a2 g1 - a1 g2) cos w + (a1 b2 - a2 b1) sin w

so the lowest kept ray over a segment is found in closed form: among the ends of the
kept intervals, the hour angles where the ray passes the segment's ends (cone roots)
and the stationary points. A solid over a polygon (a grid cell, or a planned
footprint) of height ``h`` leaves a ray unblocked exactly when ``h`` is not above the
ray where it enters the polygon, i.e. on its boundary; the ray rises with distance, so
the bound of a polygon is the minimum over its boundary segments. This is exact for a
solid that fills the whole cell, not only its centre.

Envelope height of a cell (m above the site's ground ``g``)::

    E(cell) = min(cap, min over windows w, kept w in T_w, rays crossing the cell of z(w)) - g

rounded down to the millimetre.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .errors import SunSpaceError
from .sunlight import SunlitResult, _coeffs, _roots, _sun_basis, _union, check_latitude, count_sunlight

__all__ = [
    "RULES", "SunContext", "choose_kept", "EnvelopeResult", "envelope", "allowed_heights", "rule_ok",
    "cells_as_prisms", "capacity", "verify",
]

RULES = ("keep", "strict", "compliant")


@dataclass
class SunContext:
    """The standard day and how sunlit time is counted.

    Attributes
    ----------
    latitude, declination : degrees
    window : (start, end) hours of true solar time
    rules : :class:`~sunspace.core.standards.CountingRules`
    required_hours : float, hours
    grid_rotation : degrees counter-clockwise from the frame's y axis to true north
    """

    latitude: float
    declination: float
    window: tuple
    rules: object
    required_hours: float
    grid_rotation: float = 0.0

    def basis(self):
        check_latitude(self.latitude, self.declination)
        A, B, C = _sun_basis(self.latitude, self.declination)
        if self.grid_rotation:
            g = np.radians(self.grid_rotation)
            rot = np.array([[np.cos(g), -np.sin(g), 0.0], [np.sin(g), np.cos(g), 0.0], [0.0, 0.0, 1.0]])
            A, B, C = rot @ A, rot @ B, rot @ C
        return A, B, C

    def count(self, result: SunlitResult):
        """Counted minutes and pass flags of a :class:`SunlitResult` under the rules."""
        return count_sunlight(result, self.rules, self.window, self.required_hours)


def _w(hours):
    return np.radians(15.0 * (np.asarray(hours, float) - 12.0))


def _h(w):
    return np.degrees(w) / 15.0 + 12.0


def _sun(A, B, C, w):
    w = np.asarray(w, float)
    return (A[0] + B[0] * np.cos(w) + C[0] * np.sin(w), A[1] + B[1] * np.cos(w) + C[1] * np.sin(w),
            A[2] + B[2] * np.cos(w) + C[2] * np.sin(w))


def rule_ok(rule, before_minutes, before_pass, after_minutes, after_pass, tol=1e-6):
    """Whether each window is within the protection rule after a change.

    ``keep``: compliant windows stay compliant, others lose no counted minute;
    ``strict``: no window loses a counted minute; ``compliant``: compliant windows stay compliant.
    """
    lost_none = np.asarray(after_minutes) >= np.asarray(before_minutes) - tol
    if rule == "strict":
        return lost_none
    if rule == "keep":
        return np.where(before_pass, after_pass, lost_none)
    if rule == "compliant":
        return np.where(before_pass, after_pass, True)
    raise SunSpaceError("Unknown protection rule {rule}; use keep, strict or compliant.", rule=repr(rule))


# ---------------------------------------------------------------------------
# choosing the kept instants
# ---------------------------------------------------------------------------
def _entry_height(px, py, pz, segs, A, B, C, w):
    """Height of the ray p->sun(w) where it first crosses any of the segments (inf if none).

    ``px``... shape (n,), ``w`` shape (n, m); ``segs`` (k, 4) array of ax, ay, bx, by.
    """
    sx, sy, sz = _sun(A, B, C, w)
    best = np.full(w.shape, np.inf)
    for ax, ay, bx, by in segs:
        dx, dy = bx - ax, by - ay
        rx, ry = (ax - px)[:, None], (ay - py)[:, None]
        den = sx * dy - sy * dx
        with np.errstate(divide="ignore", invalid="ignore"):
            lam = (rx * dy - ry * dx) / den
            u = (rx * sy - ry * sx) / den
        hit = (np.abs(den) > 1e-12) & (lam > 0) & (u >= 0) & (u <= 1)
        best = np.where(hit & (lam < best), lam, best)
    return pz[:, None] + best * sz


def choose_kept(sunlit: SunlitResult, windows, sun: SunContext, rule, site, top_z, bin_minutes=None):
    """The kept sunlit set ``T_w`` of every protected window.

    For rules ``keep`` and ``compliant`` a compliant window keeps the required time, chosen
    as the sunlit minutes whose rays pass *highest* over the site (lowest cost to the
    site): each step of the counting rules (1 minute when counting exactly) inside ``S_w``
    gets the height at which its middle ray enters the site (``+inf`` when it misses the
    site or passes above ``top_z``; ties go to the minutes nearest noon), and the window
    keeps the fewest highest steps that still count as the required hours under the
    rules (found by bisection; counting is monotonic in the kept set). A step is kept
    whole (its part inside ``S_w``). For a long east-west row facing an open site
    this keeps the N hours centred on noon, the classic spacing rule.

    Parameters
    ----------
    sunlit : SunlitResult of the windows among the existing buildings (hours)
    windows : dict with arrays ``x, y, z`` (local metres)
    sun : SunContext
    rule : ``"keep"``, ``"strict"`` or ``"compliant"``
    site : shapely geometry, the area that will be built on (local metres)
    top_z : float, absolute height (m) above which nothing will be built

    Returns
    -------
    kept : SunlitResult
    minutes, passed : counted minutes and pass flags before the change
    """
    if rule not in RULES:
        raise SunSpaceError("Unknown protection rule {rule}; use keep, strict or compliant.", rule=repr(rule))
    minutes, passed = sun.count(sunlit)
    n = sunlit.n
    o, s, e = sunlit.receiver, sunlit.start, sunlit.end
    if rule == "strict":
        return SunlitResult(n, o.copy(), s.copy(), e.copy()), minutes, passed
    if rule == "compliant":
        k = passed[o]
        base = (o[k], s[k], e[k])  # the non-compliant keep nothing
    else:
        base = (o, s, e)
    A, B, C = sun.basis()
    x, y, z = (np.asarray(windows[c], float) for c in ("x", "y", "z"))
    # only windows whose sunlit rays can pass over the site below top_z have a choice that matters
    reach = _window_fans(sunlit, z, top_z, A, B, C)[3]
    dist = shapely.distance(site, shapely.points(x, y)) if n else np.empty(0)
    choose = np.flatnonzero(passed & (reach > 0) & (dist < reach))
    if choose.size == 0:
        return SunlitResult(n, *base), minutes, passed
    step = sun.rules.step_minutes if bin_minutes is None else bin_minutes
    step = 1.0 if step is None else float(step)
    t0, t1 = sun.window
    nb = int(np.floor((t1 - t0) * 60.0 / step + 1e-9))
    edges = t0 + np.arange(nb + 1) * step / 60.0
    # cost of every step for every window to choose from: the height where its middle ray enters the site
    segs = _boundary_segments(site)
    mids = _w(0.5 * (edges[:-1] + edges[1:]))
    rank = np.empty((choose.size, nb), dtype=np.int32)
    for c0 in range(0, choose.size, 512):
        idx = choose[c0:c0 + 512]
        ww = np.broadcast_to(mids, (idx.size, nb))
        hgt = _entry_height(x[idx], y[idx], z[idx], segs, A, B, C, ww) if len(segs) else np.full(ww.shape, np.inf)
        inside = shapely.contains_xy(site, x[idx], y[idx]) if not site.is_empty else np.zeros(idx.size, bool)
        hgt[inside] = -np.inf
        hgt = np.where(hgt >= top_z, np.inf, hgt)
        order = np.lexsort((np.broadcast_to(np.abs(mids), ww.shape), -hgt), axis=1)
        r = np.empty_like(order, dtype=np.int32)
        np.put_along_axis(r, order, np.arange(nb, dtype=np.int32)[None, :].repeat(idx.size, 0), axis=1)
        rank[c0:c0 + 512] = r
    # pieces of S_w (chosen windows) split at the step edges
    sel = np.zeros(n, bool)
    sel[choose] = True
    row_of = np.full(n, -1)
    row_of[choose] = np.arange(choose.size)
    k = sel[o]
    po, ps, pe = o[k], s[k], e[k]
    b0 = np.clip(np.floor((ps - t0) * 60.0 / step + 1e-12).astype(int), 0, nb - 1)
    b1 = np.clip(np.ceil((pe - t0) * 60.0 / step - 1e-12).astype(int) - 1, 0, nb - 1)
    cnt = np.maximum(b1 - b0 + 1, 1)
    rep = np.repeat(np.arange(po.size), cnt)
    pb = np.repeat(b0, cnt) + (np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt))
    qs = np.maximum(ps[rep], edges[pb])
    qe = np.minimum(pe[rep], edges[pb + 1])
    keep = qe > qs
    qo, qs, qe, pb = po[rep][keep], qs[keep], qe[keep], pb[keep]
    qrank = rank[row_of[qo], pb]

    def counted(kk):
        m = qrank < kk[qo]
        uo, us, ue = _union(qo[m], qs[m], qe[m])
        return sun.count(SunlitResult(n, uo, us, ue))[1]

    lo = np.zeros(choose.size, int)          # fails (or 0)
    hi = np.full(choose.size, nb, int)       # passes (all of S_w)
    while np.any(hi - lo > 1):
        mid = (lo + hi) // 2
        kk = np.zeros(n, int)
        kk[choose] = mid
        ok = counted(kk)[choose]
        hi = np.where(ok & (hi - lo > 1), mid, hi)
        lo = np.where(~ok & (hi - lo > 1), mid, lo)
    kk = np.zeros(n, int)
    kk[choose] = hi
    m = qrank < kk[qo]
    # safety net: a chosen set that does not count (cannot happen with monotonic rules) falls back to S_w
    uo, us, ue = _union(qo[m], qs[m], qe[m])
    ok = sun.count(SunlitResult(n, uo, us, ue))[1]
    bad = sel & ~ok
    other = ~sel[base[0]] | bad[base[0]]
    out_o = np.r_[base[0][other], uo[~bad[uo]]]
    out_s = np.r_[base[1][other], us[~bad[uo]]]
    out_e = np.r_[base[2][other], ue[~bad[uo]]]
    order = np.lexsort((out_s, out_o))
    return SunlitResult(n, out_o[order], out_s[order], out_e[order]), minutes, passed


def _boundary_segments(geom):
    """(k, 4) array of the boundary segments of a (multi)polygon."""
    if geom is None or geom.is_empty:
        return np.empty((0, 4))
    out = []
    for poly in shapely.get_parts(geom):
        for ring in [poly.exterior, *poly.interiors]:
            xy = np.asarray(ring.coords)
            out.append(np.c_[xy[:-1], xy[1:]])
    return np.concatenate(out) if out else np.empty((0, 4))


# ---------------------------------------------------------------------------
# lowest kept ray over segments
# ---------------------------------------------------------------------------
def _segment_min(px, py, pz, ax, ay, bx, by, ws, we, A, B, C):
    """Lowest height (m) of the rays p -> sun(w), w in [ws, we], that cross segment a-b, and its w.

    All arguments are arrays of one row per (window, segment, kept interval). Rows where no
    such ray exists give ``inf``. ``p`` on the segment's line gives ``inf`` (the caller
    handles windows inside a polygon).
    """
    r1x, r1y, r2x, r2y = ax - px, ay - py, bx - px, by - py
    dx, dy = bx - ax, by - ay
    ln = np.hypot(dx, dy)
    with np.errstate(invalid="ignore", divide="ignore"):
        nx, ny = dy / ln, -dx / ln
    D = nx * r1x + ny * r1y
    flip = D < 0
    nx, ny, D = np.where(flip, -nx, nx), np.where(flip, -ny, ny), np.abs(D)
    sign = np.sign(r1x * r2y - r1y * r2x)
    cone1 = _coeffs(-sign * r1y, sign * r1x, 0.0, A, B, C)
    cone2 = _coeffs(sign * r2y, -sign * r2x, 0.0, A, B, C)
    a2, b2, g2 = _coeffs(nx, ny, 0.0, A, B, C)
    a1, b1, g1 = A[2], B[2], C[2]
    stat = (g1 * b2 - b1 * g2, a2 * g1 - a1 * g2, a1 * b2 - a2 * b1)
    cand = [ws, we, *_roots(*cone1), *_roots(*cone2), *_roots(*stat)]
    W = np.stack(cand, axis=1)
    ok = np.isfinite(W) & (W >= ws[:, None] - 1e-12) & (W <= we[:, None] + 1e-12)
    W = np.clip(np.where(np.isfinite(W), W, 0.0), ws[:, None], we[:, None])
    cw, sw = np.cos(W), np.sin(W)
    tol1 = 1e-9 * np.hypot(r1x, r1y)[:, None]
    tol2 = 1e-9 * np.hypot(r2x, r2y)[:, None]
    ok &= cone1[0][:, None] + cone1[1][:, None] * cw + cone1[2][:, None] * sw >= -tol1
    ok &= cone2[0][:, None] + cone2[1][:, None] * cw + cone2[2][:, None] * sw >= -tol2
    den = a2[:, None] + b2[:, None] * cw + g2[:, None] * sw
    num = a1 + b1 * cw + g1 * sw
    ok &= (den > 1e-12) & (num > 0) & (D[:, None] > 1e-9)
    with np.errstate(invalid="ignore", divide="ignore"):
        z = np.where(ok, pz[:, None] + D[:, None] * num / den, np.inf)
    k = np.argmin(z, axis=1)
    rows = np.arange(len(k))
    return z[rows, k], W[rows, k]


def _interval_csr(kept: SunlitResult):
    o = kept.receiver
    first = np.searchsorted(o, np.arange(kept.n), side="left")
    count = np.searchsorted(o, np.arange(kept.n), side="right") - first
    return first, count


def _window_fans(kept: SunlitResult, z, top_z, A, B, C):
    """Per window: hull of kept hour angles, lowest kept altitude's tangent, reach (m) to ``top_z``."""
    n = kept.n
    lo = np.full(n, np.nan)
    hi = np.full(n, np.nan)
    if kept.receiver.size:
        ws, we = _w(kept.start), _w(kept.end)
        lo_ = np.full(n, np.inf)
        hi_ = np.full(n, -np.inf)
        np.minimum.at(lo_, kept.receiver, ws)
        np.maximum.at(hi_, kept.receiver, we)
        has = np.isfinite(lo_)
        lo[has], hi[has] = lo_[has], hi_[has]
    sx0, sy0, sz0 = _sun(A, B, C, np.nan_to_num(lo))
    sx1, sy1, sz1 = _sun(A, B, C, np.nan_to_num(hi))
    tan_min = np.minimum(sz0 / np.hypot(sx0, sy0), sz1 / np.hypot(sx1, sy1))
    with np.errstate(divide="ignore", invalid="ignore"):
        reach = np.where(np.isfinite(lo) & (tan_min > 0), (top_z - z) / tan_min, -1.0)
    az0 = np.arctan2(-sx0, -sy0)
    az1 = np.arctan2(-sx1, -sy1)
    return lo, hi, tan_min, reach, az0, az1


# ---------------------------------------------------------------------------
# the envelope on a grid
# ---------------------------------------------------------------------------
@dataclass
class EnvelopeResult:
    """Allowed heights (m above the site's ground) on cell centres ``x0 + (j + 0.5) s``, ``y0 + (i + 0.5) s``.

    ``height`` is NaN off the buildable area; ``window`` the index of the binding window
    (-1 where the cap binds) and ``hour`` the true solar time (h) of the binding ray.
    """

    x0: float
    y0: float
    spacing: float
    height: np.ndarray
    window: np.ndarray
    hour: np.ndarray
    cap: float
    ground: float
    pairs: int = 0

    @property
    def shape(self):
        return self.height.shape

    def centres(self):
        rows, cols = self.height.shape
        return np.meshgrid(self.x0 + (np.arange(cols) + 0.5) * self.spacing,
                           self.y0 + (np.arange(rows) + 0.5) * self.spacing)

    @property
    def volume(self):
        """Envelope volume, m³ (sum of cell heights times cell area)."""
        return float(np.nansum(self.height) * self.spacing ** 2)


def envelope(site, windows, kept: SunlitResult, sun: SunContext, spacing=1.0, cap=100.0, ground=0.0,
             max_cells=25_000_000, chunk_rows=100_000, progress=None, is_canceled=None) -> EnvelopeResult:
    """The sunlight envelope over ``site`` on a grid: the height of the lowest kept ray over every cell.

    Parameters
    ----------
    site : shapely (Multi)Polygon, local metres; cells whose centre lies inside are built on
    windows : dict with arrays ``x, y, z`` (local metres, z absolute)
    kept : SunlitResult, the kept sunlit intervals of every window (hours), from :func:`choose_kept`
    sun : SunContext
    spacing : cell size, m
    cap : height cap above ``ground``, m
    ground : ground elevation of the site, m

    Returns
    -------
    EnvelopeResult
        A solid filling every cell up to its height leaves every kept ray unblocked.
    """
    if not spacing > 0:
        raise SunSpaceError("Grid spacing must be positive.")
    if not cap > 0:
        raise SunSpaceError("The height cap must be positive.")
    if site is None or site.is_empty:
        raise SunSpaceError("The buildable site is empty (check the setback).")
    xmin, ymin, xmax, ymax = site.bounds
    x0 = np.floor(xmin / spacing) * spacing
    y0 = np.floor(ymin / spacing) * spacing
    cols = int(np.ceil((xmax - x0) / spacing))
    rows = int(np.ceil((ymax - y0) / spacing))
    if rows * cols > max_cells:
        raise SunSpaceError("The grid would have {cells} cells (more than {limit}); use a larger spacing or a smaller site.",
                            cells=f"{rows * cols:,}", limit=f"{max_cells:,}")
    xs = x0 + (np.arange(cols) + 0.5) * spacing
    ys = y0 + (np.arange(rows) + 0.5) * spacing
    X, Y = np.meshgrid(xs, ys)
    inside = shapely.contains_xy(site, X.ravel(), Y.ravel()).reshape(rows, cols)
    top_z = ground + cap
    env = np.where(inside, top_z, np.nan)
    bind_w = np.full((rows, cols), -1, dtype=np.int64)
    bind_t = np.full((rows, cols), np.nan)
    A, B, C = sun.basis()
    px, py, pz = (np.asarray(windows[c], float) for c in ("x", "y", "z"))
    lo, hi, tan_min, reach, az0, az1 = _window_fans(kept, pz, top_z, A, B, C)
    first, count = _interval_csr(kept)
    kw_s, kw_e = _w(kept.start), _w(kept.end)
    # windows that can reach the site, nearest first
    dist = shapely.distance(site, shapely.points(px, py)) if len(px) else np.empty(0)
    cand = np.flatnonzero((reach > 0) & (dist < reach))
    cand = cand[np.argsort(dist[cand], kind="stable")]
    half = 0.5 * spacing
    diag = half * np.sqrt(2.0)
    # tangent of the sun's altitude as a function of its azimuth (monotonic in the hour angle):
    # a lower bound of any kept ray over a cell is z + (distance to the cell) * tan(lowest altitude
    # while the sun is in the cell's azimuth range), used only to skip pairs that cannot bind
    wt = np.linspace(-np.pi * 0.999, np.pi * 0.999, 8193)
    tx, ty, tz = _sun(A, B, C, wt)
    up = tz > 0
    az_tab = np.arctan2(-tx[up], -ty[up])
    tan_tab = tz[up] / np.hypot(tx[up], ty[up])
    if np.any(np.diff(az_tab) <= 0):
        check_latitude(sun.latitude, sun.declination)
    buf_w, buf_c = [], []
    buffered = 0
    total_pairs = 0

    def flush():
        nonlocal buffered, total_pairs
        if not buf_w:
            return
        w_i = np.concatenate(buf_w)
        c_i = np.concatenate(buf_c)
        buf_w.clear(); buf_c.clear(); buffered = 0
        total_pairs += w_i.size
        ci, cj = np.divmod(c_i, cols)
        cx0, cy0 = x0 + cj * spacing, y0 + ci * spacing
        cx1, cy1 = cx0 + spacing, cy0 + spacing
        qx, qy, qz = px[w_i], py[w_i], pz[w_i]
        # front edges: the edges whose outside holds the window
        segs = []
        for cond, ax, ay, bx, by in (
            (qy >= cy1, cx0, cy1, cx1, cy1), (qy <= cy0, cx0, cy0, cx1, cy0),
            (qx >= cx1, cx1, cy0, cx1, cy1), (qx <= cx0, cx0, cy0, cx0, cy1),
        ):
            k = np.flatnonzero(cond)
            segs.append((k, ax[k], ay[k], bx[k], by[k]))
        pk = np.concatenate([s[0] for s in segs])
        ax = np.concatenate([s[1] for s in segs]); ay = np.concatenate([s[2] for s in segs])
        bx = np.concatenate([s[3] for s in segs]); by = np.concatenate([s[4] for s in segs])
        # expand by the kept intervals of the window
        cnt = count[w_i[pk]]
        rep = np.repeat(np.arange(pk.size), cnt)
        iv = np.repeat(first[w_i[pk]], cnt) + (np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt))
        prow = pk[rep]
        zb, wb = _segment_min(qx[prow], qy[prow], qz[prow], ax[rep], ay[rep], bx[rep], by[rep], kw_s[iv], kw_e[iv], A, B, C)
        # windows inside the closed cell: the solid would bury them
        ins = np.flatnonzero((qx >= cx0) & (qx <= cx1) & (qy >= cy0) & (qy <= cy1) & (count[w_i] > 0))
        vals = np.r_[zb, qz[ins]]
        hour = np.r_[_h(wb), np.full(ins.size, np.nan)]
        pair = np.r_[prow, ins]
        cell = c_i[pair]
        order = np.lexsort((vals, cell))
        cell, vals, hour, pair = cell[order], vals[order], hour[order], pair[order]
        firsts = np.r_[True, cell[1:] != cell[:-1]]
        cell, vals, hour, pair = cell[firsts], vals[firsts], hour[firsts], pair[firsts]
        flat = env.ravel()
        better = vals < flat[cell]
        cell, vals = cell[better], vals[better]
        flat[cell] = vals
        bind_w.ravel()[cell] = w_i[pair[better]]
        bind_t.ravel()[cell] = hour[better]

    # blocks of cells: a cheap first cut per (window, block), then per (window, cell)
    bs = 16
    nbi, nbj = -(-rows // bs), -(-cols // bs)
    bi_, bj_ = np.meshgrid(np.arange(nbi), np.arange(nbj), indexing="ij")
    bi_, bj_ = bi_.ravel(), bj_.ravel()
    bx0, by0 = x0 + bj_ * bs * spacing, y0 + bi_ * bs * spacing
    bx1 = np.minimum(bx0 + bs * spacing, x0 + cols * spacing)
    by1 = np.minimum(by0 + bs * spacing, y0 + rows * spacing)
    bcx, bcy = 0.5 * (bx0 + bx1), 0.5 * (by0 + by1)
    bhalf = 0.5 * np.hypot(bx1 - bx0, by1 - by0)
    env_pad = np.pad(env, ((0, nbi * bs - rows), (0, nbj * bs - cols)), constant_values=np.nan)
    has_cells = np.isfinite(env_pad).reshape(nbi, bs, nbj, bs).any(axis=(1, 3)).ravel()
    blk_ids = np.flatnonzero(has_cells)
    # cell offsets inside a block
    oi, oj = np.meshgrid(np.arange(bs), np.arange(bs), indexing="ij")
    oi, oj = oi.ravel(), oj.ravel()

    def block_max():
        e = np.pad(np.where(np.isfinite(env), env, -np.inf), ((0, nbi * bs - rows), (0, nbj * bs - cols)), constant_values=-np.inf)
        return e.reshape(nbi, bs, nbj, bs).max(axis=(1, 3)).ravel()

    bmax = block_max()
    wchunk = 256
    for c0 in range(0, cand.size, wchunk):
        if is_canceled is not None and is_canceled():
            break
        ws_ = cand[c0:c0 + wchunk]
        # (window, block) cut
        W_, K_ = np.repeat(ws_, blk_ids.size), np.tile(blk_ids, ws_.size)
        dxb, dyb = bcx[K_] - px[W_], bcy[K_] - py[W_]
        dqb = np.hypot(np.maximum(np.abs(dxb) - 0.5 * (bx1 - bx0)[K_], 0.0),
                       np.maximum(np.abs(dyb) - 0.5 * (by1 - by0)[K_], 0.0))
        dcb = np.hypot(dxb, dyb)
        azb = np.arctan2(-dxb, -dyb)
        with np.errstate(divide="ignore", invalid="ignore"):
            mb = np.where(dcb > bhalf[K_] * 1.001, np.arcsin(np.clip(bhalf[K_] / dcb, 0, 1)), np.pi)
        a_lo = np.maximum(azb - mb, az0[W_])
        a_hi = np.minimum(azb + mb, az1[W_])
        t_lo = np.minimum(np.interp(a_lo, az_tab, tan_tab), np.interp(a_hi, az_tab, tan_tab))
        lb = pz[W_] + dqb * np.maximum(t_lo, tan_min[W_]) * 0.999
        keep = (a_hi >= a_lo - 1e-9) & (dqb < reach[W_]) & (lb < bmax[K_])
        W_, K_ = W_[keep], K_[keep]
        for d0 in range(0, W_.size, 2048):
            Wb, Kb = W_[d0:d0 + 2048], K_[d0:d0 + 2048]
            w_c = np.repeat(Wb, bs * bs)
            ii = np.repeat(bi_[Kb] * bs, bs * bs) + np.tile(oi, Kb.size)
            jj = np.repeat(bj_[Kb] * bs, bs * bs) + np.tile(oj, Kb.size)
            ok = (ii < rows) & (jj < cols)
            w_c, ii, jj = w_c[ok], ii[ok], jj[ok]
            ok = inside[ii, jj]
            w_c, ii, jj = w_c[ok], ii[ok], jj[ok]
            dxc, dyc = xs[jj] - px[w_c], ys[ii] - py[w_c]
            dc = np.hypot(dxc, dyc)
            dq = np.hypot(np.maximum(np.abs(dxc) - half, 0.0), np.maximum(np.abs(dyc) - half, 0.0))
            cidx = ii * cols + jj
            az = np.arctan2(-dxc, -dyc)
            with np.errstate(divide="ignore", invalid="ignore"):
                margin = np.where(dc > diag * 1.001, np.arcsin(np.clip(diag / dc, 0, 1)), np.pi)
            a_lo = np.maximum(az - margin, az0[w_c])
            a_hi = np.minimum(az + margin, az1[w_c])
            t_lo = np.minimum(np.interp(a_lo, az_tab, tan_tab), np.interp(a_hi, az_tab, tan_tab))
            lbc = pz[w_c] + dq * np.maximum(t_lo, tan_min[w_c]) * 0.999
            k = np.flatnonzero((a_hi >= a_lo - 1e-9) & (lbc < env.ravel()[cidx]))
            if k.size:
                buf_w.append(w_c[k])
                buf_c.append(cidx[k])
                buffered += k.size
            if buffered >= chunk_rows:
                flush()
                bmax = block_max()
        if progress is not None:
            progress(min(1.0, (c0 + wchunk) / max(cand.size, 1)))
    flush()
    height = np.floor((np.minimum(env, top_z) - ground) * 1000.0) / 1000.0
    height = np.where(inside, np.clip(height, 0.0, cap), np.nan)
    return EnvelopeResult(float(x0), float(y0), float(spacing), height, bind_w, bind_t, float(cap), float(ground),
                          total_pairs)


# ---------------------------------------------------------------------------
# allowed heights of planned footprints
# ---------------------------------------------------------------------------
def allowed_heights(footprints, windows, kept: SunlitResult, sun: SunContext, cap=100.0, ground=0.0):
    """The greatest height of each footprint (m above ``ground``) that leaves every kept ray unblocked.

    Exact: the lowest kept ray over a footprint enters it through its boundary, so the bound
    is the minimum over (window, boundary segment, kept interval) of :func:`_segment_min`.
    All footprints at these heights together still leave every kept ray unblocked (each
    bound is separate).

    Returns
    -------
    height : numpy.ndarray, m, capped at ``cap`` and rounded down to the millimetre (0 when a
        protected window lies inside the footprint)
    window : index of the binding window (-1 where the cap binds)
    hour : true solar time (h) of the binding ray (NaN where none)
    """
    fps = np.asarray(footprints, dtype=object)
    n = len(fps)
    top_z = ground + cap
    best = np.full(n, top_z)
    bw = np.full(n, -1, dtype=np.int64)
    bt = np.full(n, np.nan)
    A, B, C = sun.basis()
    px, py, pz = (np.asarray(windows[c], float) for c in ("x", "y", "z"))
    lo, hi, tan_min, reach, az0, az1 = _window_fans(kept, pz, top_z, A, B, C)
    first, count = _interval_csr(kept)
    kw_s, kw_e = _w(kept.start), _w(kept.end)
    pts = shapely.points(px, py)
    for f, geom in enumerate(fps):
        if geom is None or geom.is_empty:
            best[f] = np.nan
            continue
        d = shapely.distance(geom, pts)
        cand = np.flatnonzero((reach > 0) & (d < reach) & (count > 0))
        if cand.size == 0:
            continue
        ins = cand[shapely.contains_xy(geom, px[cand], py[cand]) | (d[cand] <= 1e-9)]
        if ins.size:
            j = ins[np.argmin(pz[ins])]
            if pz[j] < best[f]:
                best[f], bw[f], bt[f] = pz[j], j, np.nan
        segs = _boundary_segments(geom)
        for c0 in range(0, cand.size, 4000):
            ww = cand[c0:c0 + 4000]
            pw = np.repeat(ww, len(segs))
            sg = np.tile(np.arange(len(segs)), ww.size)
            cnt = count[pw]
            rep = np.repeat(np.arange(pw.size), cnt)
            iv = np.repeat(first[pw], cnt) + (np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt))
            wr, s = pw[rep], segs[sg[rep]]
            zb, wb = _segment_min(px[wr], py[wr], pz[wr], s[:, 0], s[:, 1], s[:, 2], s[:, 3], kw_s[iv], kw_e[iv], A, B, C)
            if zb.size:
                k = np.argmin(zb)
                if zb[k] < best[f]:
                    best[f], bw[f], bt[f] = zb[k], wr[k], _h(wb[k])
    height = np.floor((best - ground) * 1000.0) / 1000.0
    return np.clip(height, 0.0, cap), bw, bt


# ---------------------------------------------------------------------------
# helpers for verification and capacity
# ---------------------------------------------------------------------------
def cells_as_prisms(result: EnvelopeResult, min_height=1e-3):
    """Cell boxes and heights of the envelope solid (cells lower than ``min_height`` left out).

    Neighbouring cells of a row with exactly the same height are merged into one box.
    """
    h = result.height
    rows, cols = h.shape
    ok = np.isfinite(h) & (h >= min_height)
    boxes, heights = [], []
    for i in range(rows):
        hr = np.where(ok[i], h[i], np.nan)
        j = 0
        js = np.flatnonzero(ok[i])
        if js.size == 0:
            continue
        # runs of equal height
        v = hr[js]
        brk = np.r_[True, (np.diff(js) != 1) | (v[1:] != v[:-1])]
        starts = np.flatnonzero(brk)
        ends = np.r_[starts[1:], js.size]
        for a, b in zip(starts, ends):
            j, j2 = js[a], js[b - 1] + 1
            boxes.append(shapely.box(result.x0 + j * result.spacing, result.y0 + i * result.spacing,
                                     result.x0 + j2 * result.spacing, result.y0 + (i + 1) * result.spacing))
            heights.append(v[a])
    return np.array(boxes, dtype=object), np.array(heights, float)


def capacity(result: EnvelopeResult, floor_height, parcel_area):
    """Volume (m³), floor area the envelope holds at ``floor_height`` (m²) and the FAR on ``parcel_area`` (m²).

    Floor area = sum over cells of floor(height / floor_height) * cell area; FAR = floor area / parcel area.
    """
    if not floor_height > 0:
        raise SunSpaceError("Floor height must be positive.")
    h = np.nan_to_num(result.height)
    floors = np.floor(h / floor_height + 1e-9)
    area = float(floors.sum() * result.spacing ** 2)
    return {"volume": result.volume, "floor_area": area, "far": area / parcel_area if parcel_area > 0 else float("nan"),
            "footprint": float(np.isfinite(result.height).sum() * result.spacing ** 2)}


def verify(windows, sunlit: SunlitResult, minutes, passed, sun: SunContext, rule, existing, new_footprints, new_heights,
           site, top_z, ground=0.0, chunk_size=50, progress=None, is_canceled=None):
    """Check with the forward engine that adding solids keeps every window within the rule.

    Windows whose every sunlit ray misses ``site`` or passes above ``top_z`` over it cannot be
    touched by anything built there (rays only rise); the others are recomputed by
    :func:`~sunspace.core.sunlight.sunlit_intervals` among ``existing`` (footprints, base,
    height) plus the new solids, and counted under the rules.

    Returns
    -------
    ok : bool per window
    checked : indices of the windows recomputed by the forward engine
    after : counted minutes after the change (the ``minutes`` before for windows out of reach)
    """
    from .sunlight import prepare_obstructors, sunlit_intervals

    A, B, C = sun.basis()
    x, y, z = (np.asarray(windows[c], float) for c in ("x", "y", "z"))
    reach = _window_fans(sunlit, z, top_z, A, B, C)[3]
    dist = shapely.distance(site, shapely.points(x, y)) if len(x) else np.empty(0)
    idx = np.flatnonzero((reach > 0) & (dist < reach))
    after = np.asarray(minutes, float).copy()
    ok = np.ones(len(x), bool)
    if idx.size == 0:
        return ok, idx, after
    fps, base, height = existing
    keep = np.asarray(new_heights) > 0
    obs = prepare_obstructors(np.r_[np.asarray(fps, dtype=object), np.asarray(new_footprints, dtype=object)[keep]],
                              np.r_[np.broadcast_to(np.asarray(base, float), len(fps)), np.full(keep.sum(), ground)],
                              np.r_[np.asarray(height, float), np.asarray(new_heights, float)[keep]])
    rec = {k: np.asarray(v)[idx] for k, v in windows.items() if k in ("x", "y", "z", "nx", "ny")}
    res = sunlit_intervals(rec, obs, sun.latitude, sun.declination, sun.window, sun.rules.sweep_angle,
                           sun.rules.min_altitude, grid_rotation=sun.grid_rotation, chunk_size=chunk_size,
                           progress=progress, is_canceled=is_canceled)
    m2, p2 = sun.count(res)
    after[idx] = m2
    ok[idx] = rule_ok(rule, np.asarray(minutes)[idx], np.asarray(passed)[idx], m2, p2)
    return ok, idx, after
