"""Residential parcel indicators (DOMAIN.md sections 3 and 4).

For each parcel of area ``S`` holding buildings of footprint ``a_i`` (the part
inside the parcel) and floors ``f_i``::

    footprint        F   = sum(a_i)                       [m2]
    density          DB  = F / S                          [-]
    floor area       A   = sum(a_i * f_i)                 [m2]
    FAR              A / S                                [-]
    average floors   n   = A_res / F_res                  [floors]
    population       P   = A_res / EP                     [persons]
    open space       O   = S - F                          [m2]
    open-space ratio OSR = O / A = (1 - DB) / FAR         [m2 per m2 of floor]

A building crossing a parcel line counts in each parcel by the share of its
footprint inside (``a_i`` is the intersection area), and so do its floor area,
residents and form. Overlapping footprints (duplicated buildings, a tower drawn over
its podium) cover the ground once: F is the area of their union inside the parcel,
while each building still adds its own floor area. Every input is in a local metric frame
(:class:`sunspace.core.geodesy.LocalFrame`), so areas are ground square metres.
"""
from __future__ import annotations

import numpy as np
import shapely

from .categories import CATEGORY_NAMES, building_forms, category_codes, parcel_forms
from .errors import N_

__all__ = ["parcel_indicators", "overlapping_pairs", "INDICATOR_FIELDS", "MIN_FLOORS"]

#: Fewest floors a building can have (half a storey: a split level); less is a data error, and a
#: vanishing floor area would give a parcel an absurd open-space ratio.
MIN_FLOORS = 0.5

#: Output name -> (description, unit). The order is the output field order.
INDICATOR_FIELDS = {
    "area_m2": (N_("parcel area"), "m2"),
    "fp_m2": (N_("building footprint area inside the parcel"), "m2"),
    "density": (N_("building density DB = footprint / parcel area"), "-"),
    "gfa_m2": (N_("total floor area"), "m2"),
    "res_gfa_m2": (N_("residential floor area"), "m2"),
    "far": (N_("floor area ratio FAR = floor area / parcel area"), "-"),
    "avg_floors": (N_("average residential floors n = residential floor area / residential footprint"), "floors"),
    "category": (N_("residential category (GB 50180-2018 table 4.0.2; high-rise III for 27+ floors from paper 003)"), ""),
    "cat_code": (N_("stable category code: low, mid1, mid2, high1, high2, high3, none"), ""),
    "form": (N_("residential form: slab, tower, mixed or none"), ""),
    "population": (N_("residents = residential floor area / per-capita floor area"), "persons"),
    "green_m2": (N_("concentrated green area inside the parcel"), "m2"),
    "green_pp": (N_("concentrated green per person"), "m2/person"),
    "open_m2": (N_("open space = parcel area - footprint"), "m2"),
    "osr": (N_("open-space ratio OSR = open space / floor area"), "-"),
}


def _pair_areas(targets, sources):
    """Index pairs (target, source) that overlap and the area of each overlap."""
    ok_t = np.flatnonzero(~shapely.is_missing(targets))
    ok_s = np.flatnonzero(~shapely.is_missing(sources))
    if ok_t.size == 0 or ok_s.size == 0:
        return np.empty(0, int), np.empty(0, int), np.empty(0)
    tree = shapely.STRtree(sources[ok_s])
    ti, si = tree.query(targets[ok_t], predicate="intersects")
    ti, si = ok_t[ti], ok_s[si]
    area = shapely.area(shapely.intersection(targets[ti], sources[si]))
    keep = area > 0
    return ti[keep], si[keep], area[keep]


def overlapping_pairs(buildings, min_area: float = 1e-6):
    """Index pairs (i < j) of footprints that overlap by more than ``min_area`` m2 (duplicates, podiums)."""
    b = np.asarray(buildings, dtype=object)
    ok = np.flatnonzero(~shapely.is_missing(b))
    if ok.size < 2:
        return np.empty(0, int), np.empty(0, int)
    tree = shapely.STRtree(b[ok])
    i, j = tree.query(b[ok], predicate="intersects")
    keep = i < j
    i, j = ok[i[keep]], ok[j[keep]]
    if i.size == 0:
        return i, j
    area = shapely.area(shapely.intersection(b[i], b[j]))
    keep = area > min_area
    return i[keep], j[keep]


def parcel_indicators(
    parcels,
    buildings,
    floors,
    residential,
    green=None,
    per_capita_floor_area: float = 30.0,
    tower_max_aspect: float = 2.0,
    form_dominance: float = 0.75,
) -> dict:
    """Compute the residential indicators of every parcel.

    Parameters
    ----------
    parcels : array of shapely polygons, local metres
        ``None`` entries give NaN indicators.
    buildings : array of shapely polygons, local metres
        Footprints; ``None`` entries are ignored.
    floors : array_like of float
        Floors of each building (> 0).
    residential : array_like of bool
        Whether each building is residential.
    green : array of shapely polygons, optional
        Concentrated green space. Overlapping green polygons are counted once.
    per_capita_floor_area : float
        Residential floor area per person EP, m2/person (paper 004: 30).
    tower_max_aspect : float
        Footprint aspect ratio under which a building is a point tower.
    form_dominance : float
        Share of residential footprint that makes a parcel ``slab`` or ``tower``.

    Returns
    -------
    dict of numpy.ndarray
        Keys as in :data:`INDICATOR_FIELDS`; NaN where an indicator is undefined
        (e.g. OSR of a parcel without floor area).
    """
    parcels = np.asarray(parcels, dtype=object)
    buildings = np.asarray(buildings, dtype=object)
    floors = np.asarray(floors, dtype=float)
    residential = np.asarray(residential, dtype=bool)
    if floors.shape != buildings.shape or residential.shape != buildings.shape:
        raise ValueError("floors and residential must have one value per building.")
    ok = ~shapely.is_missing(buildings)
    if np.any(~(floors[ok] >= MIN_FLOORS)):
        raise ValueError(f"Every building needs at least {MIN_FLOORS:g} floors (a positive number of storeys).")
    if not per_capita_floor_area > 0:
        raise ValueError(f"Per-capita floor area must be positive, got {per_capita_floor_area}.")
    n_p = parcels.size

    area = np.where(shapely.is_missing(parcels), np.nan, shapely.area(parcels))
    pi, bi, a = _pair_areas(parcels, buildings)

    def total(weights):
        return np.bincount(pi, weights=weights, minlength=n_p)

    forms = np.full(buildings.shape, "slab", dtype=object)
    if ok.any():
        forms[ok] = building_forms(buildings[ok], tower_max_aspect)
    res = residential[bi]
    fp = total(a)
    # overlapping footprints (duplicates, a tower drawn over its podium) cover the ground only once
    i1, i2 = overlapping_pairs(buildings)
    if i1.size:
        shared = np.isin(bi, np.r_[i1, i2])
        for p in np.unique(pi[shared]):
            k = pi == p
            fp[p] = shapely.area(shapely.intersection(parcels[p], shapely.union_all(buildings[bi[k]])))
    gfa = total(a * floors[bi])
    res_fp = total(a * res)
    res_gfa = total(a * floors[bi] * res)
    slab_fp = total(a * res * (forms[bi] == "slab"))
    tower_fp = total(a * res * (forms[bi] == "tower"))

    green_area = np.zeros(n_p)
    if green is not None:
        g = np.asarray(green, dtype=object)
        g = g[~shapely.is_missing(g)]
        if g.size:
            dissolved = shapely.get_parts(shapely.union_all(g))
            gi, _, ga = _pair_areas(parcels, dissolved)
            green_area = np.bincount(gi, weights=ga, minlength=n_p)

    with np.errstate(invalid="ignore", divide="ignore"):
        avg_floors = np.where(res_fp > 0, res_gfa / np.where(res_fp > 0, res_fp, 1), np.nan)
        population = res_gfa / per_capita_floor_area
        open_area = area - fp
        out = {
            "area_m2": area,
            "fp_m2": fp,
            "density": fp / area,
            "gfa_m2": gfa,
            "res_gfa_m2": res_gfa,
            "far": gfa / area,
            "avg_floors": avg_floors,
            "population": population,
            "green_m2": green_area,
            "green_pp": np.where(population > 0, green_area / np.where(population > 0, population, 1), np.nan),
            "open_m2": open_area,
            "osr": np.where(gfa > 0, open_area / np.where(gfa > 0, gfa, 1), np.nan),
        }
    codes = category_codes(avg_floors)
    out["cat_code"] = codes
    out["category"] = np.array([CATEGORY_NAMES[c] for c in codes], dtype=str) if n_p else np.empty(0, str)
    out["form"] = parcel_forms(slab_fp, tower_fp, form_dominance)
    return {k: out[k] for k in INDICATOR_FIELDS}
