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


def render_png(layout, path, dpi=150, page=0):
    """Render a page (first by default) to a PNG (rendered directly: exportToImage would also georeference the file)."""
    image = QgsLayoutExporter(layout).renderPageToImage(page, QSize(), dpi)
    if image.isNull() or not image.save(path, "PNG"):
        raise RuntimeError(f"map export failed: {path}")


PAGE_W, PAGE_H = 297.0, 210.0
try:
    from qgis.core import Qgis

    TEXT_AS_TEXT = Qgis.TextRenderFormat.AlwaysText
except AttributeError:  # QGIS < 3.28
    from qgis.core import QgsRenderContext

    TEXT_AS_TEXT = QgsRenderContext.TextFormatAlwaysText


def pdf_settings():
    """PDF export settings that keep text as text (a reader, pdftotext or a search finds the tables)."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.textRenderFormat = TEXT_AS_TEXT
    return settings
ROWS_PER_PAGE = 22


def _label(layout, text, x, y, w, h, size=9, bold=False, page=0):
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    font = QFont(FONT, size)
    font.setBold(bold)
    item.setFont(font)
    layout.addLayoutItem(item)
    item.attemptResize(QgsLayoutSize(w, h, MM))
    item.attemptMove(QgsLayoutPoint(x, y, MM), page=page)
    return item


def _add_page(layout):
    from qgis.core import QgsLayoutItemPage

    page = QgsLayoutItemPage(layout)
    page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, MM))
    layout.pageCollection().addPage(page)
    return layout.pageCollection().pageCount() - 1


def _table(layout, columns, rows, x, y, w, page):
    """A manual table (text, so a PDF reader or pdftotext finds it) on ``page``."""
    from qgis.core import QgsLayoutFrame, QgsLayoutItemManualTable, QgsLayoutTableColumn, QgsTableCell

    table = QgsLayoutItemManualTable.create(layout)
    table.setIncludeTableHeader(True)
    cols = []
    for c in columns:
        col = QgsLayoutTableColumn(c)
        cols.append(col)
    table.setHeaders(cols)
    table.setTableContents([[QgsTableCell(str(v)) for v in r] for r in rows])
    for setter, size in (("setHeaderFont", 7), ("setContentFont", 7)):
        if hasattr(table, setter):
            getattr(table, setter)(QFont(FONT, size))
    table.setCellMargin(0.8)
    table.setWrapBehavior(table.WrapText)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptResize(QgsLayoutSize(w, PAGE_H - y - 8, MM))
    frame.attemptMove(QgsLayoutPoint(x, y, MM), page=page)
    table.addFrame(frame)
    if hasattr(table, "setColumnWidths"):
        table.setColumnWidths([w / max(1, len(columns)) - 1.6] * len(columns))
    return table


def _map_page(layout, project, title, map_layer, north=True):
    """A page with ``map_layer`` on the left, its legend, a north arrow and a scale bar; returns the map item."""
    from qgis.core import QgsLayoutItemPicture, QgsSymbolLayerUtils

    p = _add_page(layout)
    _label(layout, title, 5, 3, 287, 10, 13, True, page=p)
    mp = QgsLayoutItemMap(layout)
    layout.addLayoutItem(mp)
    mp.attemptResize(QgsLayoutSize(205, 190, MM))
    mp.attemptMove(QgsLayoutPoint(5, 15, MM), page=p)
    mp.setLayers([map_layer])
    mp.setKeepLayerSet(True)
    mp.setCrs(map_layer.crs())
    extent = map_layer.extent()
    extent.grow(max(extent.width(), extent.height()) * 0.05)
    mp.zoomToExtent(extent)
    mp.setFrameEnabled(True)
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(mp)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    root.addLayer(map_layer)
    for part in (QgsLegendStyle.SymbolLabel, QgsLegendStyle.Subgroup, QgsLegendStyle.Group):
        legend.setStyleFont(part, QFont(FONT, 7 if part == QgsLegendStyle.SymbolLabel else 8))
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(214, 15, MM), page=p)
    if north:
        arrow = QgsLayoutItemPicture(layout)
        svg = QgsSymbolLayerUtils.svgSymbolNameToPath("arrows/NorthArrow_02.svg", project.pathResolver())
        arrow.setPicturePath(svg)
        layout.addLayoutItem(arrow)
        arrow.attemptResize(QgsLayoutSize(14, 14, MM))
        arrow.attemptMove(QgsLayoutPoint(192, 18, MM), page=p)
        arrow.setLinkedMap(mp)
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(mp)
    bar.applyDefaultSize()
    bar.setUnits(QgsUnitTypes.DistanceMeters)
    bar.setUnitLabel("m")
    layout.addLayoutItem(bar)
    bar.attemptMove(QgsLayoutPoint(214, 188, MM), page=p)
    return mp


def report_layout(title, subtitle, basis_heading, basis, summary, warnings, map_layer, chart_svg, tables, project=None,
                  name=None, label_field="parcel_id", rule_map=None):
    """The multi-page A4-landscape report: cover with the basis, the compliance map, the chart and the tables.

    Every text is a layout item (label or table), so the PDF holds it as text. ``rule_map`` is
    ``(title, layer)``: a third page with the rule-index map and its legend. With ``project`` and
    ``name`` the layout is added to the project's Layout Manager (replacing one of the same name).
    """
    import tempfile

    from qgis.core import QgsLayoutItemPicture

    project = project or QgsProject.instance()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    if name:
        layout.setName(name)
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, MM))
    # page 1: cover and basis
    _label(layout, title, 10, 8, 277, 12, 16, True)
    _label(layout, "   ·   ".join(t for t in subtitle if t), 10, 21, 277, 7, 10)
    _label(layout, basis_heading, 10, 31, 277, 7, 12, True)
    text = "\n".join(f"{k}: {v}" for k, v in basis)
    _label(layout, text, 10, 39, 277, 118, 8)
    _label(layout, "\n".join([summary] + list(warnings)), 10, 160, 277, 45, 8)
    # page 2: the compliance map (page 3: the rule-index map)
    label_parcels(map_layer, label_field)
    _map_page(layout, project, title, map_layer)
    if rule_map is not None:
        _map_page(layout, project, rule_map[0], rule_map[1]).setCustomProperty("sunspace_keep_layers", True)
    # tables; the category table shares its page with the chart
    for i, (heading, columns, rows) in enumerate(tables):
        chunks = [rows[k:k + ROWS_PER_PAGE] for k in range(0, len(rows), ROWS_PER_PAGE)] or [[]]
        for j, chunk in enumerate(chunks):
            p = _add_page(layout)
            _label(layout, heading + (f" ({j + 1}/{len(chunks)})" if len(chunks) > 1 else ""), 10, 8, 277, 8, 11, True,
                   page=p)
            if chunk:
                _table(layout, columns, chunk, 10, 18, 277, p)
            else:
                _label(layout, "—", 10, 18, 277, 8, 9, page=p)
            if i == 0 and j == 0 and chart_svg:
                tmp = tempfile.NamedTemporaryFile(suffix=".svg", delete=False, dir=_svg_dir())
                tmp.write(chart_svg.encode("utf-8"))
                tmp.close()
                pic = QgsLayoutItemPicture(layout)
                pic.setPicturePath(tmp.name)
                layout.addLayoutItem(pic)
                pic.attemptResize(QgsLayoutSize(190, 80, MM))
                pic.attemptMove(QgsLayoutPoint(10, 120, MM), page=p)
    layout.renderContext().setTextRenderFormat(TEXT_AS_TEXT)  # text stays text in the PDF (searchable)
    if name and project is not None:
        manager = project.layoutManager()
        old = manager.layoutByName(name)
        if old is not None:
            manager.removeLayout(old)
        manager.addLayout(layout)
    return layout


def label_parcels(layer, field="parcel_id"):
    """Label the parcels by ``field`` (the names the report's tables use)."""
    from qgis.core import QgsPalLayerSettings, QgsTextFormat, QgsVectorLayerSimpleLabeling

    if not field or field not in layer.fields().names():
        return
    pal = QgsPalLayerSettings()
    pal.fieldName = field
    fmt = QgsTextFormat()
    fmt.setFont(QFont(FONT, 8))
    fmt.setSize(8)
    pal.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(pal))
    layer.setLabelsEnabled(True)


def show_in_layouts(project, layer, prefix="SunSpace: ", rule_layer=None):
    """Point the map items of SunSpace report layouts whose layers are not in ``project`` at ``layer``.

    The report is rendered from a temporary layer; once the results are loaded, the layout kept in the
    Layout Manager shows the loaded layer, so it still draws after the project is saved and reopened.
    The rule-index map (and its legend) takes ``rule_layer`` instead (kept as it is without one).
    """
    ids = set(project.mapLayers())
    for layout in project.layoutManager().printLayouts():
        if not layout.name().startswith(prefix):
            continue
        for item in layout.items():
            rule = isinstance(item, QgsLayoutItemMap) and item.customProperty("sunspace_keep_layers") or \
                isinstance(item, QgsLayoutItemLegend) and item.linkedMap() is not None and \
                item.linkedMap().customProperty("sunspace_keep_layers")
            shown = rule_layer if rule else layer
            if shown is None:
                continue  # the rule-index map is not the class map
            if isinstance(item, QgsLayoutItemMap) and not any(l.id() in ids for l in item.layers() if l is not None):
                item.setLayers([shown])
                item.setKeepLayerSet(True)
                item.refresh()
            elif isinstance(item, QgsLayoutItemLegend):
                root = item.model().rootGroup()
                if not any(getattr(n, "layerId", lambda: "")() in ids for n in root.children()):
                    root.removeAllChildren()
                    root.addLayer(shown)


def _svg_dir():
    import os
    import tempfile

    d = os.path.join(tempfile.gettempdir(), "sunspace-charts")
    os.makedirs(d, exist_ok=True)
    return d
