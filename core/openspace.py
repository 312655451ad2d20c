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

__all__ = ["floor_values", "base_values", "compliance_classes", "shortfall", "parcel_window_compliance",
           "CLASS_NAMES"]

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


def parcel_window_compliance(parcels, footprints, heights, base, residential, latitude, declination, window, rules,
                             hours, spacing=2.0, sill=0.9, progress=None, is_canceled=None):
    """Per parcel: number of south-facing ground-floor windows and how many miss the standard.

    All buildings shade; windows are sampled on residential buildings' south facades and
    assigned to the parcel that contains them.
    """
    fps = np.asarray(footprints, dtype=object)
    ok = ~shapely.is_missing(fps)
    obs = prepare_obstructors(fps[ok], np.asarray(base, float)[ok], np.asarray(heights, float)[ok])
    res_idx = np.flatnonzero(ok & np.asarray(residential, bool))
    n_p = len(parcels)
    count, fails = np.zeros(n_p, int), np.zeros(n_p, int)
    if res_idx.size == 0:
        return count, fails
    rec = sample_facades(fps[res_idx], np.asarray(base, float)[res_idx], np.asarray(heights, float)[res_idx],
                         spacing=spacing, sill=sill, south_only=True, exclude=fps[ok & ~np.asarray(residential, bool)])
    res = sunlit_intervals(rec, obs, latitude, declination, window, rules.sweep_angle, rules.min_altitude,
                           progress=progress, is_canceled=is_canceled)
    _, passed = count_sunlight(res, rules, window, hours)
    parcels = np.asarray(parcels, dtype=object)
    valid = np.flatnonzero(~shapely.is_missing(parcels))
    if valid.size == 0:
        return count, fails
    tree = shapely.STRtree(parcels[valid])
    wi, pj = tree.query(shapely.points(rec["x"], rec["y"]), predicate="intersects")
    pj = valid[pj]
    np.add.at(count, pj, 1)
    np.add.at(fails, pj, (~passed[wi]).astype(int))
    return count, fails
