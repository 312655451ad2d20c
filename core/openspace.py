"""Open-space ratio control: floor values, base values, compliance classes (paper 003, DOMAIN.md section 4).

- floor value (底线值) of a parcel: OSR_green = OSR_sun + c at its average floors and form,
  with OSR_sun from the sunlight-limited density DB_max(n) (:mod:`sunspace.core.capacity`);
- base value (基础值) of a category: the actual OSR of that category's parcels that meet both
  the sunlight standard and the concentrated-green requirement (mean, median or a
  percentile), or a value from the user's table;
- class: ``base`` (meets the base value), ``between`` (below base, not below floor),
  ``below`` (below the floor value) or ``nodata``; shortfall = missing OSR x floor area, m2.
"""
from __future__ import annotations

import numpy as np
import shapely

from .capacity import osr_sun
from .sunlight import count_sunlight, prepare_obstructors, sample_facades, sunlit_intervals

__all__ = ["floor_values", "base_values", "base_value_stats", "compliance_classes", "shortfall", "shortfall_actions",
           "floor_above_base", "t_quantile", "parcel_window_compliance", "CLASS_NAMES", "MIN_BASE_PARCELS"]

#: Fewer eligible parcels than this in a category make its base value provisional.
MIN_BASE_PARCELS = 5

CLASS_NAMES = {"base": "达到基础值 meets base", "between": "介于底线值与基础值 between floor and base",
               "below": "低于底线值 below floor", "nodata": "无数据 no data"}


def floor_values(avg_floors, forms, curve, c):
    """OSR_sun, OSR_green (the floor value), DB_max and AF_max of each parcel.

    ``forms`` are ``slab``, ``tower`` or ``mixed`` (mixed averages the two curves); other forms give NaN.
    """
    n = np.asarray(avg_floors, float)
    forms = np.asarray(forms)
    db = np.full(n.shape, np.nan)
    for form in ("slab", "tower", "mixed"):
        k = (forms == form) & np.isfinite(n)
        if k.any():
            db[k] = curve.db(n[k], form)
    sun = osr_sun(n, db)
    return {"osr_sun": sun, "osr_green": sun + c, "db_max": db, "af_max": n * db}


def base_values(codes, osr, eligible, method="mean", percentile=50.0):
    """Base value per category from the eligible parcels' actual OSR.

    Returns
    -------
    dict code -> (base value or NaN, number of parcels used)
    """
    codes = np.asarray(codes)
    osr = np.asarray(osr, float)
    eligible = np.asarray(eligible, bool) & np.isfinite(osr)
    if method not in ("mean", "median", "percentile"):
        raise ValueError(f"Base-value method must be mean, median or percentile, got {method!r}.")
    if method == "percentile" and not (0 <= percentile <= 100):
        raise ValueError(f"Percentile must lie in [0, 100], got {percentile}.")
    out = {}
    for code in np.unique(codes):
        v = osr[(codes == code) & eligible]
        if v.size == 0:
            out[str(code)] = (np.nan, 0)
        elif method == "mean":
            out[str(code)] = (float(v.mean()), int(v.size))
        elif method == "median":
            out[str(code)] = (float(np.median(v)), int(v.size))
        else:
            out[str(code)] = (float(np.percentile(v, percentile)), int(v.size))
    return out


def compliance_classes(osr, base, floor):
    """``base`` / ``between`` / ``below`` / ``nodata`` for each parcel.

    A missing base value leaves only the floor test (``between`` means "not below the floor");
    a missing OSR or floor value gives ``nodata``.
    """
    osr, base, floor = (np.asarray(a, float) for a in (osr, base, floor))
    out = np.full(osr.shape, "nodata", dtype=object)
    ok = np.isfinite(osr) & np.isfinite(floor)
    out[ok & (osr < floor)] = "below"
    out[ok & (osr >= floor)] = "between"
    out[ok & (osr >= floor) & np.isfinite(base) & (osr >= base)] = "base"
    return out.astype(str)


def shortfall(osr, target, floor_area):
    """Open space missing to reach ``target``: max(0, target - OSR) x floor area, m2 (NaN where unknown)."""
    osr, target, gfa = (np.asarray(a, float) for a in (osr, target, floor_area))
    with np.errstate(invalid="ignore"):
        return np.where(np.isfinite(osr) & np.isfinite(target), np.maximum(0.0, target - osr) * gfa, np.nan)


def shortfall_actions(osr_target, parcel_area, open_space, floor_area):
    """What a non-compliant parcel must change to reach an open-space ratio ``osr_target``.

    With open space ``O`` (parcel area - footprint), floor area ``G`` and parcel area ``S``:

    - ``gfa_allowed = O / target``: the floor area the current open space supports;
    - ``excess_gfa = max(0, G - gfa_allowed)``: floor area to remove at the current footprint;
    - ``os_missing = max(0, target * G - O)``: open space to add at the current floor area;
    - ``far_comply = gfa_allowed / S``: the FAR that would comply at the current footprint;
    - ``open_space_possible``: ``target * G <= S``. Open space can never exceed the parcel area,
      so where the needed open space ``target * G`` is larger, adding open space cannot comply
      at all and the floor area must drop; ``os_missing`` is then NaN (not a number larger
      than physically possible) and ``os_gain_max = S - O`` is the most open space the parcel
      could still gain.

    Parameters
    ----------
    osr_target : array_like
        Base or floor value, m² of open space per m² of floor area.
    parcel_area, open_space, floor_area : array_like
        m².

    Returns
    -------
    dict of arrays ``gfa_allowed``, ``excess_gfa``, ``os_missing``, ``os_gain_max``, ``far_comply``
    (NaN where the target or the floor area is unknown) and ``open_space_possible`` (bool).
    """
    t, s, o, g = (np.asarray(a, float) for a in (osr_target, parcel_area, open_space, floor_area))
    known = np.isfinite(t) & (t > 0) & np.isfinite(g) & np.isfinite(o) & np.isfinite(s) & (s > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        allowed = np.where(known, o / np.where(known, t, 1.0), np.nan)
        excess = np.where(known, np.maximum(0.0, g - allowed), np.nan)
        need = t * g
        possible = known & (need <= s + 1e-9)
        missing = np.where(possible, np.maximum(0.0, need - o), np.nan)
        far = np.where(known, allowed / s, np.nan)
        gain = np.where(known, np.maximum(0.0, s - o), np.nan)
    return {"gfa_allowed": allowed, "excess_gfa": excess, "os_missing": missing, "os_gain_max": gain,
            "far_comply": far, "open_space_possible": possible}


def t_quantile(p, df):
    """Quantile of Student's t distribution (``p`` in (0.5, 1)), without scipy.

    Closed forms for 1 and 2 degrees of freedom; otherwise the CDF (Simpson's rule on the density)
    is inverted by bisection, accurate to about 1e-9.
    """
    import math

    if not 0.5 <= p < 1.0 or df < 1:
        raise ValueError(f"t quantile needs 0.5 <= p < 1 and df >= 1, got p={p}, df={df}.")
    if df == 1:
        return math.tan(math.pi * (p - 0.5))
    if df == 2:
        return (2 * p - 1) / math.sqrt(2 * p * (1 - p))
    c = math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi)

    def cdf(x):
        t = np.linspace(0.0, x, 2001)
        y = c * (1 + t * t / df) ** (-(df + 1) / 2)
        h = x / 2000
        return 0.5 + h / 3 * (y[0] + y[-1] + 4 * y[1:-1:2].sum() + 2 * y[2:-1:2].sum())

    lo, hi = 0.0, 50.0
    for _ in range(80):
        mid = (lo + hi) / 2
        if cdf(mid) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def base_value_stats(codes, osr, eligible, forms=None, confidence=0.95, percentiles=(25.0, 75.0),
                     min_count=MIN_BASE_PARCELS):
    """Per-category (and, with ``forms``, per category and form) statistics of eligible parcels' OSR.

    The confidence interval is the Student-t interval of the mean,
    ``mean ± t(1 - (1 - confidence)/2, k - 1) · sd / sqrt(k)`` with the sample standard deviation
    (ddof = 1); it needs at least two parcels.

    Returns
    -------
    list of dicts with ``code``, ``form`` ("all" or the form), ``count``, ``mean``, ``median``,
    ``p_lo``, ``p_hi`` (the two ``percentiles``), ``sd``, ``ci_low``, ``ci_high`` and
    ``provisional`` (count < ``min_count``); categories with no eligible parcel have NaN values.
    """
    codes = np.asarray(codes).astype(str)
    osr = np.asarray(osr, float)
    ok = np.asarray(eligible, bool) & np.isfinite(osr)
    groups = [(c, "all", codes == c) for c in np.unique(codes) if c != "none"]
    if forms is not None:
        forms = np.asarray(forms).astype(str)
        for c in np.unique(codes):
            if c == "none":
                continue
            for f in np.unique(forms[codes == c]):
                groups.append((c, f, (codes == c) & (forms == f)))
    out = []
    for code, form, k in groups:
        v = osr[k & ok]
        row = {"code": str(code), "form": str(form), "count": int(v.size), "provisional": bool(v.size < min_count)}
        nan = float("nan")
        if v.size:
            row.update(mean=float(v.mean()), median=float(np.median(v)), p_lo=float(np.percentile(v, percentiles[0])),
                       p_hi=float(np.percentile(v, percentiles[1])))
        else:
            row.update(mean=nan, median=nan, p_lo=nan, p_hi=nan)
        if v.size >= 2:
            sd = float(v.std(ddof=1))
            half = t_quantile(0.5 + confidence / 2.0, v.size - 1) * sd / np.sqrt(v.size)
            row.update(sd=sd, ci_low=row["mean"] - half, ci_high=row["mean"] + half)
        else:
            row.update(sd=nan, ci_low=nan, ci_high=nan)
        out.append(row)
    return out


def floor_above_base(codes, floor, base):
    """Categories where a parcel's floor value exceeds the base value: code -> (highest floor value, base).

    The floor value is the least a parcel must reach; a base value below it means the
    category's compliant parcels do not reach the sunlight-and-green minimum of the model
    buildings (e.g. deeper slabs than the model's), so "meets base" would not mean compliant.
    """
    codes = np.asarray(codes).astype(str)
    floor, base = np.asarray(floor, float), np.asarray(base, float)
    out = {}
    for code in np.unique(codes):
        k = (codes == code) & np.isfinite(floor) & np.isfinite(base)
        if k.any() and np.nanmax(floor[k] - base[k]) > 1e-12:
            out[str(code)] = (float(np.max(floor[k])), float(np.mean(base[k])))
    return out


def parcel_window_compliance(parcels, footprints, heights, base, residential, latitude, declination, window, rules,
                             hours, spacing=2.0, sill=0.9, progress=None, is_canceled=None, per_building=False):
    """Per parcel: number of south-facing ground-floor windows and how many miss the standard.

    All buildings shade; windows are sampled on residential buildings' south facades and
    assigned to the parcel that contains them. With ``per_building`` the same counts per
    building (by position in ``footprints``) are returned too: ``(count, fails, b_count, b_fail)``.
    """
    fps = np.asarray(footprints, dtype=object)
    ok = ~shapely.is_missing(fps)
    obs = prepare_obstructors(fps[ok], np.asarray(base, float)[ok], np.asarray(heights, float)[ok])
    res_idx = np.flatnonzero(ok & np.asarray(residential, bool))
    n_p = len(parcels)
    count, fails = np.zeros(n_p, int), np.zeros(n_p, int)
    b_count, b_fail = np.zeros(len(fps), int), np.zeros(len(fps), int)
    done = (lambda: (count, fails, b_count, b_fail)) if per_building else (lambda: (count, fails))
    if res_idx.size == 0:
        return done()
    rec = sample_facades(fps[res_idx], np.asarray(base, float)[res_idx], np.asarray(heights, float)[res_idx],
                         spacing=spacing, sill=sill, south_only=True, exclude=fps[ok & ~np.asarray(residential, bool)])
    res = sunlit_intervals(rec, obs, latitude, declination, window, rules.sweep_angle, rules.min_altitude,
                           progress=progress, is_canceled=is_canceled)
    _, passed = count_sunlight(res, rules, window, hours)
    owner = res_idx[np.asarray(rec["building"], int)]
    np.add.at(b_count, owner, 1)
    np.add.at(b_fail, owner, (~passed).astype(int))
    parcels = np.asarray(parcels, dtype=object)
    valid = np.flatnonzero(~shapely.is_missing(parcels))
    if valid.size == 0:
        return done()
    tree = shapely.STRtree(parcels[valid])
    wi, pj = tree.query(shapely.points(rec["x"], rec["y"]), predicate="intersects")
    pj = valid[pj]
    np.add.at(count, pj, 1)
    np.add.at(fails, pj, (~passed[wi]).astype(int))
    return done()
