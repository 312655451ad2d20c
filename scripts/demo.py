"""make demo: SunSpace's main job on the bundled Xi'an sample district, in headless QGIS.

Writes to the output folder (default out/):
- sunspace_demo.gpkg   results; each layer carries its style (QGIS opens it coloured)
- parcels_by_category.png   map rendered by QGIS's own print layout
and prints a summary table.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGINPATH = os.path.join(ROOT, "build", "pluginpath")
SAMPLE = os.path.join(ROOT, "data", "sample_district.gpkg")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
FONT = "WenQuanYi Micro Hei"  # Debian fonts-wqy-microhei (installed by scripts/bootstrap.sh)


def link_plugin():
    os.makedirs(PLUGINPATH, exist_ok=True)
    link = os.path.join(PLUGINPATH, "sunspace")
    if not os.path.lexists(link):
        os.symlink(ROOT, link)
    sys.path.insert(0, PLUGINPATH)


def start_qgis():
    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    from sunspace.algorithms.provider import SunSpaceProvider

    provider = SunSpaceProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider, processing


def sample_layer(name):
    from qgis.core import QgsVectorLayer

    lyr = QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr")
    if not lyr.isValid():
        sys.exit(f"cannot open {name} in {SAMPLE}")
    return lyr


def style_context_layers(buildings, green):
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    buildings.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "#5f6b75", "outline_color": "#2b2f33", "outline_width": "0.15"})))
    green.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "#74c476", "outline_color": "#31a354", "outline_width": "0.2"})))


def label_parcels(layer):
    from qgis.core import QgsPalLayerSettings, QgsTextFormat, QgsVectorLayerSimpleLabeling
    from qgis.PyQt.QtGui import QColor, QFont

    settings = QgsPalLayerSettings()
    settings.fieldName = "parcel_id || '\\n' || category || ' ' || coalesce(format_number(osr, 2), '-')"
    settings.isExpression = True
    fmt = QgsTextFormat()
    fmt.setFont(QFont(FONT, 7))
    fmt.setSize(7)
    fmt.setColor(QColor("#111111"))
    buf = fmt.buffer()
    buf.setEnabled(True)
    buf.setSize(0.8)
    fmt.setBuffer(buf)
    settings.setFormat(fmt)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def render_map(layers, legend_layers, title, path):
    from qgis.core import (
        QgsLayoutExporter,
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemScaleBar,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsPrintLayout,
        QgsProject,
        QgsUnitTypes,
    )
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QFont

    project = QgsProject.instance()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(297, 210, QgsUnitTypes.LayoutMillimeters))
    mp = QgsLayoutItemMap(layout)
    mp.attemptMove(QgsLayoutPoint(5, 15, QgsUnitTypes.LayoutMillimeters))
    mp.attemptResize(QgsLayoutSize(210, 190, QgsUnitTypes.LayoutMillimeters))
    mp.setLayers(layers)
    extent = layers[-1].extent()
    extent.grow(30)
    mp.setExtent(extent)
    mp.setFrameEnabled(True)
    layout.addLayoutItem(mp)
    label = QgsLayoutItemLabel(layout)
    label.setText(title)
    label.setFont(QFont(FONT, 14))
    label.attemptMove(QgsLayoutPoint(5, 4, QgsUnitTypes.LayoutMillimeters))
    label.attemptResize(QgsLayoutSize(280, 10, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(label)
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(mp)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for lyr in legend_layers:
        root.addLayer(lyr)
    legend.attemptMove(QgsLayoutPoint(218, 15, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(legend)
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(mp)
    bar.applyDefaultSize()
    bar.setUnits(QgsUnitTypes.DistanceMeters)
    bar.setNumberOfSegments(4)
    bar.setUnitsPerSegment(100)
    bar.setUnitLabel("m")
    bar.attemptMove(QgsLayoutPoint(218, 185, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(bar)
    # render the page ourselves: exportToImage would also try to georeference the PNG in place
    image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), 150)
    if image.isNull() or not image.save(path, "PNG"):
        raise RuntimeError(f"map export failed: {path}")


def summary(layer):
    rows = sorted(layer.getFeatures(), key=lambda f: f["parcel_id"])
    head = f"{'parcel':8} {'category':10} {'form':6} {'n':>5} {'DB':>6} {'FAR':>5} {'people':>7} {'green/p':>8} {'OSR':>6}"
    lines = [head, "-" * len(head)]

    def num(v, fmt):
        if v is None or (hasattr(v, "isNull") and v.isNull()):
            return "-".rjust(int(fmt.split(".")[0]))
        return format(v, fmt)

    for f in rows:
        lines.append(f"{f['parcel_id']:8} {f['category']:10} {f['form']:6} {num(f['avg_floors'], '5.1f')} "
                     f"{num(f['density'], '6.3f')} {num(f['far'], '5.2f')} {num(f['population'], '7.0f')} "
                     f"{num(f['green_pp'], '8.2f')} {num(f['osr'], '6.3f')}")
    return "\n".join(lines)


def main(out_dir):
    link_plugin()
    os.makedirs(out_dir, exist_ok=True)
    app, provider, processing = start_qgis()
    from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

    gpkg = os.path.join(out_dir, "sunspace_demo.gpkg")
    if os.path.exists(gpkg):
        os.remove(gpkg)
    parcels, buildings, green = (sample_layer(n) for n in ("parcels", "buildings", "green"))
    print("SunSpace demo: Xi'an sample district (EPSG:4545), parcel indicators ...")
    res = processing.run("sunspace:parcelindicators", {
        "PARCELS": parcels, "BUILDINGS": buildings, "FLOORS_FIELD": "floors",
        "RESIDENTIAL": "\"use\" = 'residential'", "GREEN": green, "PER_CAPITA": 30.0,
        "OUTPUT": f"ogr:dbname='{gpkg}' table=\"parcel_indicators\" (geom)",
    })
    out = QgsVectorLayer(f"{gpkg}|layername=parcel_indicators", "地块指标 parcel indicators", "ogr")
    assert out.isValid(), res
    msg, ok = out.loadNamedStyle(os.path.join(ROOT, "ui", "styles", "parcel_category.qml"))
    if not ok:
        sys.exit(f"style not applied: {msg}")
    out.saveStyleToDatabase("sunspace_category", "SunSpace: parcels by category 按类别着色", True, "")
    label_parcels(out)
    style_context_layers(buildings, green)
    buildings.setName("建筑 buildings")
    green.setName("集中绿地 concentrated green")
    QgsProject.instance().addMapLayers([out, green, buildings])
    png = os.path.join(out_dir, "parcels_by_category.png")
    render_map([buildings, green, out], [out, green, buildings],
               "SunSpace — 居住地块类别与开敞空间率 Parcel categories and open-space ratio (Xi'an sample)", png)
    print(summary(out))
    print(f"\nwrote {gpkg} (layer parcel_indicators, styled)\nwrote {png}")
    QgsProject.instance().clear()
    del out, parcels, buildings, green
    QgsApplication.processingRegistry().removeProvider(provider)
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "out"))
