"""Write the layer styles in ui/styles/*.qml from code (run under headless QGIS).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_styles.py
"""
import os
import sys

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsRendererCategory,
    QgsVectorLayer,
)

HERE = os.path.dirname(os.path.abspath(__file__))
STYLES = os.path.join(os.path.dirname(HERE), "ui", "styles")
sys.path.insert(0, os.path.dirname(HERE))
from core.categories import CATEGORY_CODES, CATEGORY_NAMES, CATEGORY_NAMES_EN  # noqa: E402

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
        QgsRendererCategory(c, fill(CATEGORY_COLOURS[c]), f"{CATEGORY_NAMES[c]} {CATEGORY_NAMES_EN[c]}")
        for c in CATEGORY_CODES
    ]
    return QgsCategorizedSymbolRenderer("cat_code", cats)


def main():
    app = QgsApplication([], False)
    app.initQgis()
    os.makedirs(STYLES, exist_ok=True)
    layer = QgsVectorLayer("Polygon?crs=EPSG:4545&field=cat_code:string", "style", "memory")
    layer.setRenderer(parcel_category())
    path = os.path.join(STYLES, "parcel_category.qml")
    msg, ok = layer.saveNamedStyle(path)
    print(path, ok, msg)
    app.exitQgis()


if __name__ == "__main__":
    main()
