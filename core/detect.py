"""Recognising the usual fields of a buildings layer by name, so a first run works with defaults.

Pure Python (no QGIS): the algorithms call these when the user left the fields unset.
"""
from __future__ import annotations

FLOORS_NAMES = ("floors", "floor", "层数", "storeys", "stories", "levels", "n_floors", "num_floors", "floor_num",
                "nfloors", "楼层数", "楼层", "建筑层数")
HEIGHT_NAMES = ("height", "高度", "h", "building_h", "bldg_h", "height_m", "建筑高度", "bld_height")
USE_NAMES = ("use", "用途", "landuse", "land_use", "usage", "function", "建筑用途", "性质", "类型", "type")
RESIDENTIAL_VALUES = ("residential", "住宅", "居住", "住宅建筑", "residence", "housing")


def _match(names, candidates):
    lower = {n.strip().lower(): n for n in reversed(list(names))}
    for c in candidates:
        if c.lower() in lower:
            return lower[c.lower()]
    return ""


def detect_floors_field(names) -> str:
    """The first field named like a floors count (``floors``, ``层数``, ``storeys``, ...), or ''."""
    return _match(names, FLOORS_NAMES)


def detect_height_field(names) -> str:
    """The first field named like a height in metres (``height``, ``高度``, ``H``, ``building_h``, ...), or ''."""
    return _match(names, HEIGHT_NAMES)


def detect_use_field(names) -> str:
    """The first field named like a building use (``use``, ``用途``, ``landuse``, ...), or ''."""
    return _match(names, USE_NAMES)


def quote_value(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def residential_expression(field: str, values) -> str:
    """``"use" = 'residential'`` (or ``IN (...)``) for the residential values present in ``values``; '' if none."""
    present = []
    for v in values:
        if v is None:
            continue
        if str(v).strip().lower() in RESIDENTIAL_VALUES and str(v) not in present:
            present.append(str(v))
    if not field or not present:
        return ""
    name = '"' + field.replace('"', '""') + '"'
    if len(present) == 1:
        return f"{name} = {quote_value(present[0])}"
    return f"{name} IN ({', '.join(quote_value(v) for v in sorted(present))})"
