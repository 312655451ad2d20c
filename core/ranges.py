"""Indicator ranges from the open-space ratio (指标赋值清单, paper 003 section 4.2 (2)).

With OSR = (1 - DB) / (n DB) = (1 - DB) / FAR (n average floors, DB building density,
FAR = n DB), an OSR value f that must be met (a floor value 底线值 or a base value 基础值)
caps, at n floors::

    density     DB  <= 1 / (1 + n f)
    FAR         FAR <= n / (1 + n f) = 1 / (f + 1 / n)
    floors      n   <= (1 - DB) / (DB f)          (at a given density DB)

Substituting either cap back gives OSR = f exactly. With the floor value
f = OSR_sun(n) + c = 1 / AF_max - 1 / n + c the FAR cap is 1 / (c + 1 / AF_max), paper 004's
green-space cap F_max: both papers' limits are one limit.

Category ranges take n over the category's whole floors (低层 1-3, 多层Ⅰ类 4-6, 多层Ⅱ类 7-9,
高层Ⅰ类 10-18, 高层Ⅱ类 19-26, 高层Ⅲ类 27 up to a top floor count) and report the smallest
and largest cap over them.
"""
from __future__ import annotations

import numpy as np

__all__ = ["CATEGORY_FLOORS", "osr_of", "db_cap", "far_cap_osr", "floors_cap", "category_floors", "value_ranges",
           "max_floors"]

#: Whole floors of each residential category (高层Ⅲ类's top is set by the caller).
CATEGORY_FLOORS = {"low": (1, 3), "mid1": (4, 6), "mid2": (7, 9), "high1": (10, 18), "high2": (19, 26), "high3": (27, None)}


def osr_of(db, n):
    """OSR = (1 - DB) / (n DB); NaN where DB or n is not positive."""
    db, n = np.asarray(db, float), np.asarray(n, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((db > 0) & (n > 0), (1.0 - db) / (n * db), np.nan)


def db_cap(f, n):
    """Largest density meeting OSR >= f at n floors: 1 / (1 + n f)."""
    f, n = np.asarray(f, float), np.asarray(n, float)
    with np.errstate(invalid="ignore"):
        return np.where((f > 0) & (n > 0), 1.0 / (1.0 + n * f), np.nan)


def far_cap_osr(f, n):
    """Largest FAR meeting OSR >= f at n floors: 1 / (f + 1 / n)."""
    f, n = np.asarray(f, float), np.asarray(n, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((f > 0) & (n > 0), 1.0 / (f + 1.0 / np.where(n > 0, n, np.nan)), np.nan)


def floors_cap(f, db):
    """Most floors meeting OSR >= f at density DB: (1 - DB) / (DB f)."""
    f, db = np.asarray(f, float), np.asarray(db, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((f > 0) & (db > 0) & (db <= 1), (1.0 - db) / (db * f), np.nan)


def category_floors(code, top=33):
    """Whole floors (lowest, highest) of a category; 高层Ⅲ类 runs from 27 to ``top``."""
    if code not in CATEGORY_FLOORS:
        raise ValueError(f"No floor range for category {code!r}.")
    lo, hi = CATEGORY_FLOORS[code]
    if hi is None:
        if not top >= lo:
            raise ValueError(f"The top floor count of 高层Ⅲ类 must be at least {lo}, got {top}.")
        hi = int(top)
    return lo, hi


def value_ranges(ns, f):
    """Smallest and largest OSR value, density cap and FAR cap over floors ``ns`` with OSR values ``f`` (array or scalar).

    Returns a dict ``f_lo, f_hi, db_lo, db_hi, far_lo, far_hi`` (NaN where no value is finite).
    """
    ns = np.asarray(ns, float)
    f = np.broadcast_to(np.asarray(f, float), ns.shape)
    db, far = db_cap(f, ns), far_cap_osr(f, ns)
    out = {}
    for key, v in (("f", f), ("db", db), ("far", far)):
        v = v[np.isfinite(v)]
        out[f"{key}_lo"] = float(v.min()) if v.size else np.nan
        out[f"{key}_hi"] = float(v.max()) if v.size else np.nan
    return out


def max_floors(db, f_of_n, n_top, step=0.1):
    """Most floors (on a ``step`` grid up to ``n_top``) at which density ``db`` still meets OSR >= f(n).

    ``f_of_n`` maps an array of floors to the OSR value required there (a floor-value curve).
    0 when even one floor fails; NaN for a density that is not positive.
    """
    db = float(db)
    if not (np.isfinite(db) and db > 0):
        return np.nan
    ns = np.arange(1.0, float(n_top) + step / 2, step)
    ok = osr_of(db, ns) >= np.asarray(f_of_n(ns), float) - 1e-12
    return float(ns[ok].max()) if ok.any() else 0.0
