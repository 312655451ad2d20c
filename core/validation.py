"""Input checks shared by every tool: clear messages naming layer, feature and field.

Core functions raise :class:`ValueError` with a message a planner can act on;
the Processing algorithms turn it into ``QgsProcessingException`` unchanged.
"""
from __future__ import annotations

import numpy as np
import shapely

from .errors import N_, SunSpaceError

__all__ = ["id_list", "check_positive", "check_valid_footprints", "repair_polygons", "floors_from_height", "floors_and_heights"]


def id_list(ids, limit: int = 10) -> str:
    """``"3, 17, 42"`` or ``"3, 17, ... (25 features)"`` for messages."""
    ids = [str(i) for i in ids]
    if len(ids) <= limit:
        return ", ".join(ids)
    return ", ".join(ids[:limit]) + f", ... ({len(ids)} features)"


def check_valid_footprints(geometries, ids=None):
    """Refuse footprints that are not valid polygons (missing ones pass: they are skipped).

    A self-intersecting ring has no inside or outside, so its walls have no outward side and
    every sunlight figure near it would be wrong without a sign; repair first
    (:func:`repair_polygons`, QGIS's *Fix geometries*).

    Parameters
    ----------
    geometries : array of shapely geometries
    ids : sequence or None; the features' ids for the message (default: their positions)

    Raises
    ------
    SunSpaceError
        naming the invalid features and the first one's problem.
    """
    geoms = np.asarray(geometries, dtype=object)
    bad = np.flatnonzero(~shapely.is_missing(geoms) & ~shapely.is_valid(geoms))
    if bad.size:
        ids = np.arange(geoms.size) if ids is None else np.asarray(ids)
        raise SunSpaceError("Footprint(s) {ids} are not valid polygons ({reason}); repair them first "
                            "(in QGIS: Fix geometries).", ids=id_list(ids[bad]),
                            reason=shapely.is_valid_reason(geoms[bad[0]]))


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
    ids = np.asarray(ids)
    v = np.full(len(values), np.nan)
    text = []
    for i, x in enumerate(values):
        if x is None:
            continue
        try:
            v[i] = float(x)
        except (TypeError, ValueError):
            text.append(i)
    if text:
        raise SunSpaceError("Layer {layer}, field '{field}': '{value}' is not a number (feature(s) {ids}). Fix or filter "
                            "these features.", layer=layer, field=field, value=str(values[text[0]]), ids=id_list(ids[text]))
    null = ~np.isfinite(v)
    bad = ~null & (v <= 0)
    if null.any() and bad.any():
        raise SunSpaceError("Layer {layer}, field '{field}': NULL in feature(s) {ids}; zero or negative in feature(s) {bad}. "
                            "Fix or filter these features.", layer=layer, field=field, ids=id_list(ids[null]),
                            bad=id_list(ids[bad]))
    if null.any():
        raise SunSpaceError("Layer {layer}, field '{field}': NULL in feature(s) {ids}. Fix or filter these features.",
                            layer=layer, field=field, ids=id_list(ids[null]))
    if bad.any():
        raise SunSpaceError("Layer {layer}, field '{field}': zero or negative in feature(s) {ids}. Fix or filter these "
                            "features.", layer=layer, field=field, ids=id_list(ids[bad]))
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
    warnings : list of (template, values)
        One message per kind of problem, naming the layer and feature ids
        (``template.format(**values)``; the plugin translates the template).
    """
    geoms = np.array(geometries, dtype=object)
    ids = np.asarray(ids)
    warnings = []
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing.any():
        warnings.append((N_("Layer {layer}: feature(s) {ids} have no geometry and are skipped."),
                         {"layer": layer, "ids": id_list(ids[missing])}))
    invalid = ~missing & ~shapely.is_valid(geoms)
    lost = []
    for i in np.flatnonzero(invalid):
        fixed = _polygonal(shapely.make_valid(geoms[i]))
        geoms[i] = fixed
        if fixed is None:
            lost.append(ids[i])
    if invalid.any():
        if lost:
            warnings.append((N_("Layer {layer}: invalid geometry repaired in feature(s) {ids}; nothing polygonal was "
                                "left of {lost}, skipped."), {"layer": layer, "ids": id_list(ids[invalid]), "lost": id_list(lost)}))
        else:
            warnings.append((N_("Layer {layer}: invalid geometry repaired in feature(s) {ids}."),
                             {"layer": layer, "ids": id_list(ids[invalid])}))
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
        raise SunSpaceError("Floor height must be positive, got {value}.", value=floor_height)
    h = np.asarray(height, float)
    return np.maximum(1.0, np.round(h / floor_height))


#: Values beyond these are not building heights in metres or floor counts (centimetres, feet, typos).
MAX_HEIGHT_M = 1000.0
MAX_FLOORS = 200


def floors_and_heights(height=None, floors=None, floor_height: float = 3.0, layer: str = "buildings",
                       height_field: str = "", floors_field: str = "", ids=None):
    """The one rule for floors and heights, used by every SunSpace tool.

    - a floors field, when given, gives the floors; a height field, when given, gives the height;
    - with only a height H: floors = max(1, round(H / floor height)) (:func:`floors_from_height`);
    - with only floors f: height = f x floor height.

    So a 10.6 m building with 3 m floors has 4 floors and a 10.6 m top in every tool.

    Parameters
    ----------
    height, floors : array_like or None (values already checked positive)
    floor_height : float, metres

    Returns
    -------
    floors, height : numpy.ndarray (floors, metres)

    Raises
    ------
    SunSpaceError
        When values are implausible: heights above 1000 m (centimetres?) or more than 200 floors.
    """
    if height is None and floors is None:
        raise SunSpaceError("Layer {layer}: choose a height field or a floors field.", layer=layer)
    ids = np.arange(len(height if height is not None else floors)) if ids is None else np.asarray(ids)
    if height is not None:
        h = np.asarray(height, float)
        big = np.isfinite(h) & (h > MAX_HEIGHT_M)
        if big.any():
            raise SunSpaceError("Layer {layer}, field '{field}': heights up to {top:.0f} m in feature(s) {ids}; SunSpace reads "
                                "heights in metres (centimetres or millimetres?).", layer=layer, field=height_field,
                                top=float(np.nanmax(h)), ids=id_list(ids[big]))
    if floors is not None:
        f = np.asarray(floors, float)
        small = np.isfinite(f) & (f < 0.5)
        if small.any():
            raise SunSpaceError("Layer {layer}, field '{field}': fewer than half a floor in feature(s) {ids}; a building has "
                                "at least one floor.", layer=layer, field=floors_field, ids=id_list(ids[small]))
        big = np.isfinite(f) & (f > MAX_FLOORS)
        if big.any():
            raise SunSpaceError("Layer {layer}, field '{field}': {top:.0f} floors in feature(s) {ids}; is this a height "
                                "or a floors field?", layer=layer, field=floors_field, top=float(np.nanmax(f)),
                                ids=id_list(ids[big]))
    if floors is None:
        h = np.asarray(height, float)
        return floors_from_height(h, floor_height), h
    f = np.asarray(floors, float)
    h = np.asarray(height, float) if height is not None else f * floor_height
    return f, h
