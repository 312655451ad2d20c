"""Input checks shared by every tool: clear messages naming layer, feature and field.

Core functions raise :class:`ValueError` with a message a planner can act on;
the Processing algorithms turn it into ``QgsProcessingException`` unchanged.
"""
from __future__ import annotations

import numpy as np
import shapely

__all__ = ["id_list", "check_positive", "repair_polygons", "floors_from_height"]


def id_list(ids, limit: int = 10) -> str:
    """``"3, 17, 42"`` or ``"3, 17, ... (25 features)"`` for messages."""
    ids = [str(i) for i in ids]
    if len(ids) <= limit:
        return ", ".join(ids)
    return ", ".join(ids[:limit]) + f", ... ({len(ids)} features)"


def check_positive(values, ids, field: str, layer: str) -> np.ndarray:
    """Return ``values`` as float, or raise naming every feature whose value is NULL, zero or negative.

    Parameters
    ----------
    values : sequence
        Field values; ``None`` and NaN count as NULL.
    ids : sequence
        Feature ids, in the same order, used in the message.
    field, layer : str
        Names used in the message.
    """
    v = np.array([np.nan if x is None else x for x in values], dtype=float)
    ids = np.asarray(ids)
    null = ~np.isfinite(v)
    bad = ~null & (v <= 0)
    parts = []
    if null.any():
        parts.append(f"NULL in feature(s) {id_list(ids[null])}")
    if bad.any():
        parts.append(f"zero or negative in feature(s) {id_list(ids[bad])}")
    if parts:
        raise ValueError(f"Layer '{layer}', field '{field}': " + "; ".join(parts) + ". Fix or filter these features.")
    return v


def _polygonal(g):
    """The polygonal part of a geometry (make_valid can return collections)."""
    if g is None or g.is_empty:
        return None
    if g.geom_type in ("Polygon", "MultiPolygon"):
        return g
    parts = [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return None
    return shapely.union_all(parts)


def repair_polygons(geometries, ids, layer: str):
    """Repair invalid polygons and report what was done, by feature id.

    Returns
    -------
    geoms : numpy.ndarray of shapely geometries
        Valid polygons or multipolygons; ``None`` where a feature has no usable
        polygon (missing, empty, or collapsed to lines by the repair).
    warnings : list of str
        One message per kind of problem, naming the layer and feature ids.
    """
    geoms = np.array(geometries, dtype=object)
    ids = np.asarray(ids)
    warnings = []
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing.any():
        warnings.append(f"Layer '{layer}': feature(s) {id_list(ids[missing])} have no geometry and are skipped.")
    invalid = ~missing & ~shapely.is_valid(geoms)
    lost = []
    for i in np.flatnonzero(invalid):
        fixed = _polygonal(shapely.make_valid(geoms[i]))
        geoms[i] = fixed
        if fixed is None:
            lost.append(ids[i])
    if invalid.any():
        warnings.append(
            f"Layer '{layer}': invalid geometry repaired in feature(s) {id_list(ids[invalid])}"
            + (f"; nothing polygonal was left of {id_list(lost)}, skipped." if lost else ".")
        )
    geoms[missing] = None
    return geoms, warnings


def floors_from_height(height, floor_height: float = 3.0) -> np.ndarray:
    """Whole floors from a building height: ``max(1, round(H / floor_height))``.

    Parameters
    ----------
    height : array_like, metres
    floor_height : float, metres per storey (default 3.0)
    """
    if not floor_height > 0:
        raise ValueError(f"Floor height must be positive, got {floor_height}.")
    h = np.asarray(height, float)
    return np.maximum(1.0, np.round(h / floor_height))
