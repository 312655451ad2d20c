"""A4-landscape print layouts for SunSpace maps: map, title, legend, optional text, scale bar."""
from __future__ import annotations

from qgis.core import (
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QFont

#: A CJK font (Debian: fonts-wqy-microhei); Qt falls back to another font where it is missing.
FONT = "WenQuanYi Micro Hei"
MM = QgsUnitTypes.LayoutMillimeters


def _place(item, x, y, w=None, h=None):
    item.attemptMove(QgsLayoutPoint(x, y, MM))
    if w is not None:
        item.attemptResize(QgsLayoutSize(w, h, MM))


def map_layout(layers, legend_layers, title, extent_layer=None, side_text=None, font=FONT):
    """A print layout: the map of ``layers`` (first on top), a title, a legend of ``legend_layers``,
    optional monospaced-ish ``side_text`` under the legend, and a scale bar."""
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(297, 210, MM))
    mp = QgsLayoutItemMap(layout)
    _place(mp, 5, 15, 205, 190)
    mp.setLayers(list(layers))
    ref = extent_layer or layers[0]
    mp.setCrs(ref.crs())
    extent = ref.extent()
    extent.grow(max(extent.width(), extent.height()) * 0.03)
    mp.setExtent(extent)
    mp.setFrameEnabled(True)
    layout.addLayoutItem(mp)
    label = QgsLayoutItemLabel(layout)
    label.setText(title)
    label.setFont(QFont(font, 14))
    _place(label, 5, 3, 287, 10)
    layout.addLayoutItem(label)
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(mp)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for lyr in legend_layers:
        root.addLayer(lyr)
    for part in (QgsLegendStyle.SymbolLabel, QgsLegendStyle.Subgroup, QgsLegendStyle.Group):
        legend.setStyleFont(part, QFont(font, 7 if part == QgsLegendStyle.SymbolLabel else 8))
    _place(legend, 214, 15)
    layout.addLayoutItem(legend)
    if side_text:
        text = QgsLayoutItemLabel(layout)
        text.setText(side_text)
        text.setFont(QFont(font, 8))
        _place(text, 214, 120, 80, 60)
        layout.addLayoutItem(text)
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(mp)
    bar.applyDefaultSize()
    bar.setUnits(QgsUnitTypes.DistanceMeters)
    bar.setUnitLabel("m")
    _place(bar, 214, 188)
    layout.addLayoutItem(bar)
    return layout


def render_png(layout, path, dpi=150):
    """Render page 1 to a PNG (rendered directly: exportToImage would also georeference the file in place)."""
    image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), dpi)
    if image.isNull() or not image.save(path, "PNG"):
        raise RuntimeError(f"map export failed: {path}")
