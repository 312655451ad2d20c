"""District zones of the rule-index control (paper 003 section 4.2; GB 50180-2018 4.0.7 and 4.0.9).

Paper 003 varies the control rules by zone (区段): new areas (新建区), old-city areas under
renewal (老城区旧区改建) and the historic city (历史城区). GB 50180-2018 relaxes two
requirements in old-area renewal, and the historic city is treated as such:

- sunlight: new homes in old-area renewal not below 大寒日 1 h (4.0.9, note 3), instead of the
  climate-zone standard chosen for new areas;
- concentrated green of a residential block: 0.50 m2/person in new areas, 0.35 m2/person in
  old-area renewal (4.0.7).

A parcel's zone comes from a field of the parcel layer; the user names the values that mean
old-area renewal and historic city, every other value (or NULL) is a new area.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .standards import SunlightStandard, gb50180_standard

__all__ = ["ZONE_CODES", "ZONE_NAMES", "ZONE_MP", "ZoneRule", "largest_overlap", "parse_values", "zone_codes", "zone_rules"]

#: Zone codes in the order of the rule index: new area, old-area renewal, historic city.
ZONE_CODES = ("new", "old", "historic")
ZONE_NAMES = {"new": "新建区", "old": "老城区旧区改建", "historic": "历史城区"}
#: Concentrated green per person, m2/person (GB 50180-2018 4.0.7, residential block level).
ZONE_MP = {"new": 0.50, "old": 0.35, "historic": 0.35}


@dataclass(frozen=True)
class ZoneRule:
    """The sunlight standard and the concentrated green per person that apply in one zone."""

    zone: str
    standard: SunlightStandard
    mp: float


def parse_values(text) -> list:
    """Zone values typed by the user: separated by commas, semicolons or Chinese commas, blanks trimmed."""
    if text is None:
        return []
    parts = str(text).replace("，", ",").replace("；", ",").replace(";", ",").replace("、", ",").split(",")
    return [p.strip() for p in parts if p.strip()]


def zone_codes(values, old_values=(), historic_values=()) -> np.ndarray:
    """Zone code of each parcel from its zone-field value.

    A value equal (after trimming; numbers compared as text, 2.0 == "2") to one of ``old_values``
    is ``old``, to one of ``historic_values`` is ``historic``; anything else, NULL included, is ``new``.
    A value listed for both zones is an error.
    """
    def norm(v):
        if v is None:
            return None
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        return str(v).strip()

    old = {norm(v) for v in old_values}
    hist = {norm(v) for v in historic_values}
    both = sorted(old & hist)
    if both:
        raise ValueError(f"Zone value(s) {', '.join(both)} are listed both for old-area renewal and for the historic city.")
    out = []
    for v in values:
        s = norm(v)
        out.append("historic" if s in hist else "old" if s in old else "new")
    return np.array(out, dtype=str) if out else np.empty(0, dtype=str)


def zone_rules(new_standard: SunlightStandard, mp_new=ZONE_MP["new"], mp_old=ZONE_MP["old"],
               historic_like_old: bool = True) -> dict:
    """Zone code -> :class:`ZoneRule`.

    New areas keep ``new_standard`` and ``mp_new``; old-area renewal takes GB 50180-2018's renewal
    rule (大寒日 >= 1 h, 8-16 h) and ``mp_old``. The renewal rule only ever relaxes: when the new-area
    standard is already looser (fewer hours on the same day), old areas keep it. The historic city
    follows old-area renewal.
    """
    for name, v in (("MP (new areas)", mp_new), ("MP (old-area renewal)", mp_old)):
        if not v > 0:
            raise ValueError(f"{name} must be positive, got {v}.")
    renewal = gb50180_standard("II", special="renewal")
    if new_standard.day == renewal.day and new_standard.hours <= renewal.hours:
        renewal = new_standard
    old = ZoneRule("old", renewal, float(mp_old))
    return {"new": ZoneRule("new", new_standard, float(mp_new)), "old": old,
            "historic": ZoneRule("historic", renewal, float(mp_old)) if historic_like_old else
            ZoneRule("historic", new_standard, float(mp_new))}


def largest_overlap(footprints, parcels) -> np.ndarray:
    """Index of the parcel holding the largest part of each footprint's area, -1 when none overlaps.

    ``footprints`` and ``parcels`` are arrays of shapely polygons in one metric frame (None or empty
    allowed). A building that straddles a parcel boundary belongs to the parcel with most of its
    footprint; on an exact tie the first parcel in layer order wins.
    """
    fps = np.asarray(footprints, dtype=object)
    par = np.asarray(parcels, dtype=object)
    out = np.full(len(fps), -1, dtype=int)
    ok = np.flatnonzero(~shapely.is_missing(par) & ~shapely.is_empty(par))
    if ok.size == 0 or len(fps) == 0:
        return out
    tree = shapely.STRtree(par[ok])
    fi, pj = tree.query(fps, predicate="intersects")
    if fi.size == 0:
        return out
    area = shapely.area(shapely.intersection(fps[fi], par[ok][pj]))
    best = np.zeros(len(fps))
    for f, p, a in sorted(zip(fi, ok[pj], area), key=lambda t: (t[0], t[1])):
        if a > best[f] + 1e-9:
            best[f], out[f] = a, p
    return out
