"""Write the layer styles in ui/styles/*.qml from code (run under headless QGIS).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_styles.py
"""
import os
import sys

import numpy as np

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsRendererCategory,
    QgsVectorLayer,
)

HERE = os.path.dirname(os.path.abspath(__file__))
STYLES = os.path.join(os.path.dirname(HERE), "ui", "styles")
sys.path.insert(0, os.path.dirname(HERE))
from core.categories import CATEGORY_CODES, CATEGORY_NAMES_EN  # noqa: E402

CATEGORY_COLOURS = {
    "low": "#fee391",
    "mid1": "#fec44f",
    "mid2": "#fe9929",
    "high1": "#ec7014",
    "high2": "#cc4c02",
    "high3": "#8c2d04",
    "none": "#d9d9d9",
}


def fill(colour, outline="#404040"):
    return QgsFillSymbol.createSimple(
        {"color": colour, "outline_color": outline, "outline_width": "0.3", "outline_width_unit": "MM"}
    )


def parcel_category():
    cats = [
        QgsRendererCategory(c, fill(CATEGORY_COLOURS[c]), CATEGORY_NAMES_EN[c])
        for c in CATEGORY_CODES
    ]
    return QgsCategorizedSymbolRenderer("cat_code", cats)


def categorized(field, classes, symbol_factory):
    return QgsCategorizedSymbolRenderer(field, [QgsRendererCategory(v, symbol_factory(c), label) for v, c, label in classes])


PASS_FAIL = [(1, "#1a9850", "meets the standard"), (0, "#d73027", "below the standard")]


def marker(colour):
    return QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "outline_style": "no", "size": "1.2"})


def line(colour):
    return QgsLineSymbol.createSimple({"color": colour, "width": "0.6", "capstyle": "flat"})


def isochrones():
    ranges = []
    for lo, hi, colour, label in ((0, 1.5, "#08306b", "< 1 h"), (1.5, 2.5, "#2171b5", "< 2 h"), (2.5, 3.5, "#6baed6", "< 3 h"),
                                  (3.5, 24, "#c6dbef", "< 4+ h")):
        sym = fill(colour, colour)
        sym.setOpacity(0.35)
        ranges.append(QgsRendererRange(lo, hi, sym, label))
    r = QgsGraduatedSymbolRenderer("hours", ranges)
    return r


def styles():
    zone = fill("#fdae61", "#e66101")
    zone.setOpacity(0.35)
    exact = fill("#d7191c", "#a50f15")
    exact.setOpacity(0.3)
    shadow = fill("#4d4d4d", "#000000")
    shadow.setOpacity(0.35)
    return {
        "parcel_category": ("Polygon", "cat_code:string", parcel_category()),
        "window_sunlight": ("Point", "passed:integer", categorized("passed", PASS_FAIL, marker)),
        "building_sunlight": ("Polygon", "passed:integer", categorized("passed", PASS_FAIL + [(None, "#bdbdbd", "no window")], fill)),
        "spacing_checks": ("LineString", "passed:integer", categorized("passed", PASS_FAIL, line)),
        "setback_zones": ("Polygon", "k:double", QgsSingleSymbolRenderer(zone)),
        "exact_zones": ("Polygon", "hours:double", QgsSingleSymbolRenderer(exact)),
        "shadow_line": ("Polygon", "hours:double", QgsSingleSymbolRenderer(shadow)),
        "isochrones": ("Polygon", "hours:double", isochrones()),
        "osr_class3": ("Polygon", "class:string", categorized("class", [
            ("base", "#1a9850", "meets base"), ("between", "#fee08b", "between floor and base"),
            ("below", "#d73027", "below floor"), ("nodata", "#d9d9d9", "no data")], fill)),
        "osr_base": ("Polygon", "meets_base:integer", categorized("meets_base", [
            (1, "#1a9850", "meets base"), (0, "#fc8d59", "below base"), (None, "#d9d9d9", "no data")], fill)),
        "osr_floor": ("Polygon", "meets_floor:integer", categorized("meets_floor", [
            (1, "#91cf60", "meets floor"), (0, "#d73027", "below floor"), (None, "#d9d9d9", "no data")], fill)),
        "far_cap": ("Polygon", "far_class:string", categorized("far_class", [
            ("within", "#4575b4", "within FAR cap"), ("above", "#d73027", "above FAR cap"),
            ("nodata", "#d9d9d9", "no data")], fill)),
    }


HEIGHT_RAMP = ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"]


HEIGHT_EDGES = [0.0, 10.0, 20.0, 30.0, 45.0, 60.0, 80.0, 1000.0]


def heights(field, outline="#606060", width="0.3"):
    """Graduated fill by a height field in metres (0-10-20-30-45-60-80 m and above)."""
    ranges = []
    for i, (lo, hi, c) in enumerate(zip(HEIGHT_EDGES[:-1], HEIGHT_EDGES[1:], HEIGHT_RAMP)):
        sym = fill(c, outline)
        sym.symbolLayer(0).setStrokeWidth(float(width))
        label = f"{lo:g}-{hi:g} m" if hi < 1000 else f"≥ {lo:g} m"
        ranges.append(QgsRendererRange(lo, hi, sym, label))
    return QgsGraduatedSymbolRenderer(field, ranges)


def envelope_3d(layer):
    """A 3D renderer that extrudes each polygon to its ``height`` field (QGIS 3D view)."""
    from qgis.core import QgsAbstract3DSymbol, QgsProperty
    from qgis.PyQt.QtGui import QColor
    from qgis._3d import QgsPhongMaterialSettings, QgsPolygon3DSymbol, QgsVectorLayer3DRenderer

    sym = QgsPolygon3DSymbol()
    sym.setExtrusionHeight(0.0)
    props = sym.dataDefinedProperties()
    props.setProperty(QgsAbstract3DSymbol.PropertyExtrusionHeight, QgsProperty.fromField("height"))
    sym.setDataDefinedProperties(props)
    mat = QgsPhongMaterialSettings()
    mat.setDiffuse(QColor("#fdae61"))
    mat.setAmbient(QColor("#a6611a"))
    sym.setMaterial(mat)
    layer.setRenderer3D(QgsVectorLayer3DRenderer(sym))


def main():
    app = QgsApplication([], False)
    app.initQgis()
    os.makedirs(STYLES, exist_ok=True)
    extra = {
        "envelope_bands": ("Polygon", "z_max:double", heights("z_max"), None),
        "envelope_3d": ("Polygon", "height:double", heights("height"), envelope_3d),
        "allowed_heights": ("Polygon", "allowed_h:double", heights("allowed_h", "#000000", "0.8"), None),
    }
    items = {k: (g, f, r, None) for k, (g, f, r) in styles().items()}
    items.update(extra)
    for name, (geom, field, renderer, extra_fn) in items.items():
        layer = QgsVectorLayer(f"{geom}?crs=EPSG:4545&field={field}", name, "memory")
        layer.setRenderer(renderer)
        if extra_fn is not None:
            extra_fn(layer)
        path = os.path.join(STYLES, f"{name}.qml")
        msg, ok = layer.saveNamedStyle(path)
        print(path, ok)
    app.exitQgis()


if __name__ == "__main__":
    main()
