"""Residential parcel categories and building forms.

Categories follow GB 50180-2018 table 4.0.2 by the parcel's average number of
residential floors ``n``; paper 003 adds a local class 高层Ⅲ类 for ``n >= 27``:

=========  ==========  =================
code       name        average floors n
=========  ==========  =================
low        低层         n <= 3
mid1       多层Ⅰ类      3 < n <= 6
mid2       多层Ⅱ类      6 < n <= 9
high1      高层Ⅰ类      9 < n <= 18
high2      高层Ⅱ类      18 < n <= 26
high3      高层Ⅲ类      n > 26
none       非居住        no residential floor area
=========  ==========  =================

Average floors are a ratio of areas, so they are rarely whole numbers; each
class takes the half-open interval up to its top floor count, so a parcel of
uniform 6-storey slabs (n = 6.0) is 多层Ⅰ类 and one of 6- and 7-storey slabs
(n = 6.5) is 多层Ⅱ类.

Building form (paper 003 splits categories into slab 板式 and point tower 点式)
is read from the footprint: a building whose minimum rotated rectangle has an
aspect ratio (long side / short side) below ``tower_max_aspect`` (default 2.0)
is a point tower, otherwise a slab.
"""
from __future__ import annotations

import numpy as np
import shapely

__all__ = [
    "CATEGORY_CODES",
    "CATEGORY_NAMES",
    "CATEGORY_NAMES_EN",
    "FORM_NAMES",
    "category_codes",
    "footprint_aspect",
    "building_forms",
    "parcel_forms",
]

#: Category codes in order of height, then the non-residential code.
CATEGORY_CODES = ("low", "mid1", "mid2", "high1", "high2", "high3", "none")
#: Upper bounds of average floors for each residential category (inclusive).
CATEGORY_UPPER = (3.0, 6.0, 9.0, 18.0, 26.0, np.inf)
CATEGORY_NAMES = {
    "low": "低层",
    "mid1": "多层Ⅰ类",
    "mid2": "多层Ⅱ类",
    "high1": "高层Ⅰ类",
    "high2": "高层Ⅱ类",
    "high3": "高层Ⅲ类",
    "none": "非居住",
}
CATEGORY_NAMES_EN = {
    "low": "Low-rise (1-3)",
    "mid1": "Multi-storey I (4-6)",
    "mid2": "Multi-storey II (7-9)",
    "high1": "High-rise I (10-18)",
    "high2": "High-rise II (19-26)",
    "high3": "High-rise III (27+)",
    "none": "Non-residential",
}
FORM_NAMES = {"slab": "板式", "tower": "点式", "mixed": "混合", "none": "无"}


def category_codes(avg_floors) -> np.ndarray:
    """Category code for each average floor count.

    Parameters
    ----------
    avg_floors : array_like of float
        Average residential floors ``n``; NaN (no residential floor area) gives
        ``"none"``.

    Returns
    -------
    numpy.ndarray of str
    """
    n = np.asarray(avg_floors, dtype=float)
    if np.any(n[np.isfinite(n)] <= 0):
        raise ValueError("Average floors must be positive.")
    # average floors are ratios of areas: round off float noise (6.0000000001 is 6 floors)
    idx = np.searchsorted(np.asarray(CATEGORY_UPPER), np.round(np.where(np.isfinite(n), n, 0.0), 6), side="left")
    codes = np.asarray(CATEGORY_CODES[:6], dtype=object)[np.minimum(idx, 5)]
    codes[~np.isfinite(n)] = "none"
    return codes.astype(str)


def footprint_aspect(footprints) -> np.ndarray:
    """Aspect ratio (long / short side) of each footprint's minimum rotated rectangle.

    Degenerate footprints (no area) give ``inf``.
    """
    geoms = np.asarray(footprints, dtype=object)
    rects = shapely.oriented_envelope(geoms)
    out = np.full(geoms.shape, np.inf)
    for i, r in enumerate(np.ravel(rects)):
        if r is None or r.geom_type != "Polygon":
            continue
        xy = np.asarray(r.exterior.coords)
        e = np.hypot(*np.diff(xy[:3], axis=0).T)
        if e.min() > 0:
            out.flat[i] = e.max() / e.min()
    return out


def building_forms(footprints, tower_max_aspect: float = 2.0) -> np.ndarray:
    """``"tower"`` where the footprint aspect ratio is below ``tower_max_aspect``, else ``"slab"``."""
    if not tower_max_aspect > 1.0:
        raise ValueError("The tower aspect-ratio threshold must be greater than 1.")
    aspect = footprint_aspect(footprints)
    return np.where(aspect < tower_max_aspect, "tower", "slab")


def parcel_forms(slab_area, tower_area, dominance: float = 0.75) -> np.ndarray:
    """Parcel form from the residential footprint area of slabs and towers.

    ``"slab"`` where slabs make at least ``dominance`` of the residential
    footprint, ``"tower"`` where towers do, ``"mixed"`` otherwise and ``"none"``
    where the parcel has no residential footprint.
    """
    s = np.asarray(slab_area, float)
    t = np.asarray(tower_area, float)
    total = s + t
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, s / total, np.nan)
    out = np.full(share.shape, "mixed", dtype=object)
    out[share >= dominance] = "slab"
    out[share <= 1.0 - dominance] = "tower"
    out[~(total > 0)] = "none"
    return out.astype(str)
