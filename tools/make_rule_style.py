"""Write ui/styles/rule_index.qml: the rule-index map style (paper 003 section 4.2 (3)).

Categorised on ``rule_key`` = "<zone>|<category code>": fill colour by category (low-rise pale to
high-rise III dark), zone by pattern (new area plain, old-area renewal diagonal hatching, historic
city cross-hatching and a brown outline); labels show ``rule_label`` (category and allowed FAR range).

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python tools/make_rule_style.py
"""
import os
import sys

from qgis.core import (
    QgsApplication, QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsLinePatternFillSymbolLayer, QgsPalLayerSettings,
    QgsRendererCategory, QgsTextFormat, QgsTextBufferSettings, QgsVectorLayer, QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "ui", "styles", "rule_index.qml")
COLOURS = {"low": "#fff5b8", "mid1": "#fdd49e", "mid2": "#fc8d59", "high1": "#ef6548", "high2": "#d7301f",
           "high3": "#990000", "none": "#d9d9d9"}
# English legend labels (translated when the style is applied: algorithms/common.py LEGEND_LABELS)
CATS = {"low": "Low-rise (1-3)", "mid1": "Multi-storey I (4-6)", "mid2": "Multi-storey II (7-9)",
        "high1": "High-rise I (10-18)", "high2": "High-rise II (19-26)", "high3": "High-rise III (27+)",
        "none": "Non-residential"}
ZONES = {"new": "New area", "old": "Old-area renewal", "historic": "Historic city"}


def symbol(cat, zone):
    sym = QgsFillSymbol.createSimple({"color": COLOURS[cat], "outline_color": "#6e3b1e" if zone == "historic" else "#404040",
                                      "outline_width": "0.6" if zone == "historic" else "0.3"})
    for angle in {"old": (45,), "historic": (45, 135)}.get(zone, ()):
        hatch = QgsLinePatternFillSymbolLayer()
        hatch.setLineAngle(angle)
        hatch.setDistance(2.0)
        hatch.setColor(QColor(60, 60, 60))
        hatch.setLineWidth(0.2)
        sym.appendSymbolLayer(hatch)
    return sym


def main():
    app = QgsApplication([], False)
    app.initQgis()
    layer = QgsVectorLayer("Polygon?crs=EPSG:4545&field=rule_key:string&field=rule_label:string", "rules", "memory")
    cats = [QgsRendererCategory(f"{z}|{c}", symbol(c, z), f"{zn} · {cn}") for z, zn in ZONES.items() for c, cn in CATS.items()]
    layer.setRenderer(QgsCategorizedSymbolRenderer("rule_key", cats))
    pal = QgsPalLayerSettings()
    pal.fieldName = "rule_label"
    fmt = QgsTextFormat()
    fmt.setFont(QFont("WenQuanYi Micro Hei"))
    fmt.setSize(7)
    buf = QgsTextBufferSettings()
    buf.setEnabled(True)
    buf.setSize(0.8)
    fmt.setBuffer(buf)
    pal.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(pal))
    layer.setLabelsEnabled(True)
    msg, ok = layer.saveNamedStyle(OUT)
    if not ok:
        sys.exit(msg)
    print(OUT)


if __name__ == "__main__":
    main()
