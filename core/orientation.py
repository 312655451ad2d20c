"""Facade orientation of residential buildings and east-west parcels (paper 003 section 2).

Paper 003 notes that in Xi'an some 高层Ⅲ类 parcels "meet" the sunlight standard by laying the
homes out east-west (main facades facing east or west): they get more floor area at the cost of
west sun in summer and a low open-space ratio. Such parcels are evaluated apart.

The main facade of a building is the longest side of its minimum rotated rectangle (for a slab its
long facade; a point tower likewise by its longest facade). Its orientation is the angle between
that facade's outward normal and due south, folded to 0-90 degrees (a facade and its back face
the same way up to 180 degrees): 0 for a slab running east-west (facing south), 90 for one running
north-south (facing east and west). A building is ``east-west`` when the angle exceeds a threshold
(default 45 degrees). Coordinates are a local metric frame with x east and y north.
"""
from __future__ import annotations

import numpy as np
import shapely

__all__ = ["facade_angle", "east_west", "parcel_ew_share"]


#: Below this side ratio a footprint has no main facade (a square point tower faces every way).
SQUARE_ASPECT = 1.2


def facade_angle(footprints, square_aspect: float = SQUARE_ASPECT) -> np.ndarray:
    """Angle in degrees (0-90) between each footprint's main-facade normal and due south; NaN when degenerate.

    The main facade is the longer side of the minimum rotated rectangle. A near-square footprint
    (side ratio below ``square_aspect``) has no main facade: one of its four facades always turns
    at most 45 degrees from south, and that one is taken (so a square tower is never east-west).
    """
    geoms = np.asarray(footprints, dtype=object)
    out = np.full(geoms.shape, np.nan)
    ok = ~shapely.is_missing(geoms)
    if not ok.any():
        return out
    rects = shapely.oriented_envelope(geoms[ok])
    vals = []
    for r in np.ravel(rects):
        if r is None or r.geom_type != "Polygon":
            vals.append(np.nan)
            continue
        xy = np.asarray(r.exterior.coords)[:3]
        d = np.diff(xy, axis=0)
        e = np.hypot(d[:, 0], d[:, 1])
        if not e.min() > 0:
            vals.append(np.nan)
            continue
        dx, dy = d[int(np.argmax(e))]
        # the facade runs along (dx, dy); its normal faces south when the facade runs east-west
        ang = float(np.degrees(np.arctan2(abs(dy), abs(dx))))  # 0 = east-west facade, 90 = north-south facade
        if e.max() / e.min() < square_aspect:
            ang = min(ang, 90.0 - ang)  # the facade nearest to south
        vals.append(ang)
    out[ok] = vals
    return out


def east_west(angles, threshold=45.0) -> np.ndarray:
    """True where the main facade is turned more than ``threshold`` degrees from south."""
    if not 0.0 < threshold < 90.0:
        raise ValueError(f"The east-west threshold must lie between 0 and 90 degrees, got {threshold}.")
    a = np.asarray(angles, float)
    return np.where(np.isfinite(a), a > threshold + 1e-9, False)


def parcel_ew_share(parcels, footprints, floors, residential, ew) -> np.ndarray:
    """Per parcel: share of its residential floor area in east-west buildings (NaN without residential floor area).

    A building crossing a parcel line counts by the share of its footprint inside, as in the indicators.
    """
    parcels = np.asarray(parcels, dtype=object)
    fps = np.asarray(footprints, dtype=object)
    floors = np.asarray(floors, float)
    res = np.asarray(residential, bool) & ~shapely.is_missing(fps)
    ew = np.asarray(ew, bool)
    n_p = parcels.size
    total, east = np.zeros(n_p), np.zeros(n_p)
    pv = np.flatnonzero(~shapely.is_missing(parcels))
    bv = np.flatnonzero(res)
    if pv.size and bv.size:
        tree = shapely.STRtree(fps[bv])
        pi, bi = tree.query(parcels[pv], predicate="intersects")
        pi, bi = pv[pi], bv[bi]
        a = shapely.area(shapely.intersection(parcels[pi], fps[bi])) * floors[bi]
        np.add.at(total, pi, a)
        np.add.at(east, pi, a * ew[bi])
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, east / np.where(total > 0, total, 1.0), np.nan)
