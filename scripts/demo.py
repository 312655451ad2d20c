"""make demo: SunSpace's main job on the bundled Xi'an sample district, in headless QGIS.

Writes to the output folder (default out/):
- sunspace_demo.gpkg   results; each layer carries its style (QGIS opens it coloured):
  parcel_indicators, window_sunlight, building_sunlight, parcel_sunlight, setback_zones,
  exact_setbacks, spacing_checks, shadow_line, isochrones, open_space_ratio, far_caps, indicator_ranges,
  envelope_bands, envelope_3d (3D renderer: extrudes by height in QGIS's 3D view), allowed_heights
- parcels_by_category.png, window_sunlight.png, setbacks.png, compliance.png, envelope.png   maps rendered by QGIS's print layout
- rule_index.png, indicator_list.csv   the rule-index map and the indicator list (sunspace:indicatorranges;
  parcels XA-13 and XA-18 marked as old-area renewal to show the zones)
- compliance_check.html/.pdf and compliance_check.gpkg   the one-run compliance check (sunspace:compliancecheck)
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
    try:  # the 3D renderer registry, so that styles keep their 3D renderer (envelope_3d extrudes in the 3D view)
        from qgis._3d import Qgs3D

        Qgs3D.initialize()
    except ImportError:  # pragma: no cover - QGIS built without 3D
        pass
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


def render_map(layers, legend_layers, title, path, extent_layer=None):
    from sunspace.ui.layouts import map_layout, render_png

    render_png(map_layout(layers, legend_layers, title, extent_layer=extent_layer), path)


def summary(layer, sunlight=None, control=None):
    rows = sorted(layer.getFeatures(), key=lambda f: f["parcel_id"])
    sun = {f["parcel_id"]: f for f in sunlight.getFeatures()} if sunlight is not None else {}
    ctl = {f["parcel_id"]: f for f in control.getFeatures()} if control is not None else {}
    head = (f"{'parcel':8} {'category':10} {'form':6} {'n':>5} {'DB':>6} {'FAR':>5} {'people':>7} {'green/p':>8} {'OSR':>6}"
            + (f" {'windows':>8} {'failing':>8}" if sun else "") + (f" {'floor':>6} {'base':>6}  class" if ctl else ""))
    lines = [head, "-" * len(head)]

    def num(v, fmt):
        if v is None or (hasattr(v, "isNull") and v.isNull()):
            return "-".rjust(int(fmt.split(".")[0]))
        return format(v, fmt)

    for f in rows:
        line = (f"{f['parcel_id']:8} {f['category']:10} {f['form']:6} {num(f['avg_floors'], '5.1f')} "
                f"{num(f['density'], '6.3f')} {num(f['far'], '5.2f')} {num(f['population'], '7.0f')} "
                f"{num(f['green_pp'], '8.2f')} {num(f['osr'], '6.3f')}")
        if sun:
            s = sun.get(f["parcel_id"])
            line += f" {num(s['n_windows'], '8.0f')} {num(s['fail_share'], '8.1%')}" if s is not None else ""
        if ctl:
            c = ctl.get(f["parcel_id"])
            line += f" {num(c['osr_floor'], '6.3f')} {num(c['osr_base'], '6.3f')}  {c['class']}" if c is not None else ""
        lines.append(line)
    return "\n".join(lines)


def gpkg_out(gpkg, table):
    return f"ogr:dbname='{gpkg}' table=\"{table}\" (geom)"


def styled(gpkg, table, title, qml):
    """Open a result table, apply its style and store the style in the GeoPackage as the default."""
    from qgis.core import QgsVectorLayer

    lyr = QgsVectorLayer(f"{gpkg}|layername={table}", title, "ogr")
    if not lyr.isValid():
        sys.exit(f"result layer {table} missing in {gpkg}")
    msg, ok = lyr.loadNamedStyle(os.path.join(ROOT, "ui", "styles", qml))
    if not ok:
        sys.exit(f"style {qml} not applied: {msg}")
    lyr.saveStyleToDatabase(table, f"SunSpace: {title}", True, "")
    return lyr


def parcel_outlines(gpkg):
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer, QgsVectorLayer

    lyr = QgsVectorLayer(f"{gpkg}|layername=parcel_indicators", "地块 parcels", "ogr")
    lyr.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "255,255,255,0", "outline_color": "#555555", "outline_width": "0.3", "outline_style": "dash"})))
    return lyr


def summary_rows(indicators, sun):
    rows = {f["parcel_id"]: f for f in indicators.getFeatures()}
    sun = {f["parcel_id"]: f for f in sun.getFeatures()}
    return rows, sun


def main(out_dir):
    link_plugin()
    os.makedirs(out_dir, exist_ok=True)
    app, provider, processing = start_qgis()
    from qgis.core import QgsApplication

    try:
        run_demo(out_dir, processing)
    finally:
        # every layer lived in run_demo's frame and is gone now: QGIS may exit
        QgsApplication.processingRegistry().removeProvider(provider)
        app.exitQgis()


def tower_group(parcel_geom, crs):
    """Three 20 m square point towers across the middle of a parcel (a planned scheme)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

    c = parcel_geom.centroid().asPoint()
    lyr = QgsVectorLayer(f"Polygon?crs={crs.authid()}&field=name:string", "towers", "memory")
    feats = []
    for i, dx in enumerate((-45.0, 0.0, 45.0)):
        f = QgsFeature(lyr.fields())
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(c.x() + dx - 10, c.y() - 10, c.x() + dx + 10, c.y() + 10)))
        f.setAttributes([f"T{i + 1}"])
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


def run_demo(out_dir, processing):
    from qgis.core import QgsProject

    gpkg = os.path.join(out_dir, "sunspace_demo.gpkg")
    if os.path.exists(gpkg):
        os.remove(gpkg)
    parcels, buildings, green = (sample_layer(n) for n in ("parcels", "buildings", "green"))
    residential = "\"use\" = 'residential'"
    print("SunSpace demo: Xi'an sample district (EPSG:4545)")
    print("1/9 parcel indicators ...")
    processing.run("sunspace:parcelindicators", {
        "PARCELS": parcels, "BUILDINGS": buildings, "FLOORS_FIELD": "floors", "RESIDENTIAL": residential,
        "GREEN": green, "PER_CAPITA": 30.0, "OUTPUT": gpkg_out(gpkg, "parcel_indicators")})
    sun = {"BUILDINGS": buildings, "FLOORS_FIELD": "floors", "RESIDENTIAL": residential, "STANDARD": 0, "YEAR": 2026,
           "RULES": 0}
    print("2/9 window sunlight (GB 50180-2018: 大寒日 ≥ 2 h, 8-16 h; south facades sampled every 1 m) ...")
    processing.run("sunspace:windowsunlight", dict(sun, SPACING=1.0, PARCELS=parcels,
                   OUTPUT_WINDOWS=gpkg_out(gpkg, "window_sunlight"), OUTPUT_BUILDINGS=gpkg_out(gpkg, "building_sunlight"),
                   OUTPUT_PARCELS=gpkg_out(gpkg, "parcel_sunlight")))
    print("3/9 sunlight setbacks and spacing checks (exact zones on a 2 m grid) ...")
    processing.run("sunspace:sunlightsetbacks", dict(sun, EXACT=True, RESOLUTION=2.0,
                   OUTPUT_ZONES=gpkg_out(gpkg, "setback_zones"), OUTPUT_EXACT=gpkg_out(gpkg, "exact_setbacks"),
                   OUTPUT_CHECKS=gpkg_out(gpkg, "spacing_checks")))
    print("4/9 standard shadow line on the parcels (2 m grid) ...")
    processing.run("sunspace:groundsunlight", dict(sun, AREA=parcels, SPACING=2.0, ISO_HOURS="1,2,3",
                   OUTPUT_RASTER=os.path.join(out_dir, "ground_sunlight_hours.tif"),
                   OUTPUT_ISOCHRONES=gpkg_out(gpkg, "isochrones"), OUTPUT_SHADOW=gpkg_out(gpkg, "shadow_line")))

    print("5/9 open-space ratio with floor and base values, FAR caps (the DB_max curve is computed once, then cached) ...")
    control = dict(sun, PARCELS=parcels, GREEN=green, PER_CAPITA=30.0)
    processing.run("sunspace:openspaceratio", dict(control, OUTPUT=gpkg_out(gpkg, "open_space_ratio"),
                                                    OUTPUT_TABLE=f"ogr:dbname='{gpkg}' table=\"osr_values\""))
    processing.run("sunspace:greenfarcap", dict(control, ROADS=sample_layer("roads"), ROAD_WIDTH_FIELD="width",
                                                 OUTPUT=gpkg_out(gpkg, "far_caps")))
    print("6/9 indicator list and rule-index map (zones: XA-13 and XA-18 as old-area renewal) ...")
    processing.run("sunspace:indicatorranges", dict(control, ZONE_FIELD="parcel_id", ZONE_OLD="XA-13, XA-18",
                   OUTPUT=gpkg_out(gpkg, "indicator_ranges"), OUTPUT_TABLE=os.path.join(out_dir, "indicator_list.csv"),
                   OUTPUT_MAP=os.path.join(out_dir, "rule_index.png")))
    print("7/9 compliance report ...")
    from qgis.core import QgsVectorLayer

    osr_layer = QgsVectorLayer(f"{gpkg}|layername=open_space_ratio", "开敞空间率 open-space ratio", "ogr")
    far_layer = QgsVectorLayer(f"{gpkg}|layername=far_caps", "容积率上限 FAR caps", "ogr")
    processing.run("sunspace:compliancereport", {"OSR_LAYER": osr_layer, "FAR_LAYER": far_layer,
                   "TITLE": "SunSpace 开敞空间率合规报告 — Xi'an sample district",
                   "OUTPUT_HTML": os.path.join(out_dir, "compliance_report.html"),
                   "OUTPUT_PDF": os.path.join(out_dir, "compliance_report.pdf")})
    del osr_layer, far_layer
    print("   the same in one run: sunspace:compliancecheck (report with its basis; what the dock panel runs) ...")
    check = os.path.join(out_dir, "compliance_check.gpkg")
    if os.path.exists(check):
        os.remove(check)
    processing.run("sunspace:compliancecheck", dict(control, ROADS=sample_layer("roads"), ROAD_WIDTH_FIELD="width",
                   DISTRICT="Xi'an sample district", OUTPUT=gpkg_out(check, "parcels"),
                   OUTPUT_BUILDINGS=gpkg_out(check, "buildings"), OUTPUT_TABLE=f"ogr:dbname='{check}' table=\"values\"",
                   OUTPUT_HTML=os.path.join(out_dir, "compliance_check.html"),
                   OUTPUT_PDF=os.path.join(out_dir, "compliance_check.pdf")))
    print("8/9 sunlight envelope over parcel XA-08 (its buildings treated as demolished; rule: compliant windows stay "
          "compliant, others lose no minute; cap 100 m; 2 m cells) ...")
    from qgis.core import QgsFeatureRequest

    site = sample_layer("parcels").materialize(QgsFeatureRequest().setFilterExpression("\"parcel_id\" = 'XA-08'"))
    env = processing.run("sunspace:sunlightenvelope", dict(sun, SPACING=2.0, SITE=site, CAP=100.0, CELL=2.0,
                         OUTPUT_RASTER=os.path.join(out_dir, "envelope_heights.tif"),
                         OUTPUT_BANDS=gpkg_out(gpkg, "envelope_bands"), OUTPUT_ENVELOPE=gpkg_out(gpkg, "envelope_3d")))
    print("9/9 allowed heights of a planned tower group on XA-08 ...")
    towers = tower_group(next(site.getFeatures()).geometry(), site.crs())
    allowed = processing.run("sunspace:allowedheight", dict(sun, SPACING=2.0, PLANNED=towers, SITE=site, CAP=100.0,
                             CELL=2.0, OUTPUT=gpkg_out(gpkg, "allowed_heights")))

    out = styled(gpkg, "parcel_indicators", "地块指标 parcel indicators", "parcel_category.qml")
    osr = styled(gpkg, "open_space_ratio", "开敞空间率 open-space ratio", "osr_class3.qml")
    far = styled(gpkg, "far_caps", "容积率上限 FAR caps", "far_cap.qml")
    windows = styled(gpkg, "window_sunlight", "窗户日照 window sunlight", "window_sunlight.qml")
    bsun = styled(gpkg, "building_sunlight", "建筑日照 building sunlight", "building_sunlight.qml")
    psun = styled(gpkg, "parcel_sunlight", "地块日照 parcel sunlight", "building_sunlight.qml")
    zones = styled(gpkg, "setback_zones", "系数法日照间距 coefficient setback zones", "setback_zones.qml")
    exact = styled(gpkg, "exact_setbacks", "精确日照影响范围 exact setback zones", "exact_zones.qml")
    checks = styled(gpkg, "spacing_checks", "间距校核 spacing checks", "spacing_checks.qml")
    shadow = styled(gpkg, "shadow_line", "标准日照阴影线 standard shadow line", "shadow_line.qml")
    styled(gpkg, "isochrones", "等时线 isochrones", "isochrones.qml")
    bands = styled(gpkg, "envelope_bands", "日照包络体分级 envelope height bands", "envelope_bands.qml")
    env3d = styled(gpkg, "envelope_3d", "日照包络体（三维） sunlight envelope (3D)", "envelope_3d.qml")
    limits = styled(gpkg, "allowed_heights", "推算限高 allowed heights", "allowed_heights.qml")
    styled(gpkg, "indicator_ranges", "规则索引 rule index", "rule_index.qml")
    label_parcels(out)
    style_context_layers(buildings, green)
    buildings.setName("建筑 buildings")
    green.setName("集中绿地 concentrated green")
    outline = parcel_outlines(gpkg)
    project = QgsProject.instance()
    project.addMapLayers([out, green, buildings, windows, bsun, psun, zones, exact, checks, shadow, outline, osr, far,
                          bands, env3d, limits])
    maps = [
        ("parcels_by_category.png", [buildings, green, out], [out, green, buildings],
         "SunSpace — 居住地块类别与开敞空间率 Parcel categories and open-space ratio (Xi'an sample)"),
        ("window_sunlight.png", [outline, shadow, bsun, windows], [windows, bsun, shadow],
         "SunSpace — 大寒日2小时窗户日照与标准日照阴影线 Window sunlight (大寒日 ≥ 2 h) and the standard shadow line"),
        ("setbacks.png", [outline, zones, exact, buildings, checks], [checks, exact, zones, buildings],
         "SunSpace — 日照间距：系数法范围、精确范围与间距校核 Sunlight setbacks and spacing checks"),
        ("compliance.png", [buildings, osr], [osr, buildings],
         "SunSpace — 开敞空间率：基础值与底线值 Open-space ratio against base and floor values"),
        ("envelope.png", [limits, outline, bands, buildings], [bands, limits, buildings],
         "SunSpace — 日照包络体与推算限高 Sunlight envelope of XA-08 and allowed heights of a tower group"),
    ]
    for name, layers, legend, title in maps:
        # the envelope map shows the whole district (its first layer is the small tower group)
        render_map(layers, legend, title, os.path.join(out_dir, name), outline if name == "envelope.png" else None)
    print()
    print(summary(out, psun, osr))
    n_w = windows.featureCount()
    n_fail = sum(1 for f in windows.getFeatures() if f["passed"] == 0)
    n_chk = checks.featureCount()
    n_close = sum(1 for f in checks.getFeatures() if f["passed"] == 0)
    print(f"\nwindows: {n_w - n_fail} of {n_w} meet 大寒日 ≥ 2 h; spacing checks: {n_close} of {n_chk} facing pairs too close")
    print(f"sunlight envelope of XA-08: volume {env['VOLUME']:,.0f} m³ (strict rule {env['VOLUME_STRICT']:,.0f} m³), "
          f"floor area {env['FLOOR_AREA']:,.0f} m², FAR {env['FAR']:.2f}; {env['VERIFIED']} windows verified")
    for f in limits.getFeatures():
        limit = ("the height cap" if f["cap_binds"] else
                 f"a window of building {f['limit_bldg']} at {f['limit_true']} true solar time, {f['limit_bj']} Beijing time")
        print(f"allowed height {f['name']}: {f['allowed_h']:.1f} m, {f['floors']} floors (limit: {limit})")
    print(f"tower group: worst window margin {allowed['MARGIN']:.0f} min; {allowed['VERIFIED']} windows verified")
    print(f"wrote {gpkg} (styled layers; envelope_3d extrudes in QGIS's 3D view)")
    for name, *_ in maps:
        print(f"wrote {os.path.join(out_dir, name)}")
    print(f"wrote {os.path.join(out_dir, 'ground_sunlight_hours.tif')}")
    print(f"wrote {os.path.join(out_dir, 'envelope_heights.tif')}")
    for name in ("rule_index.png", "indicator_list.csv"):
        print(f"wrote {os.path.join(out_dir, name)}")
    for name in ("compliance_report.html", "compliance_report.pdf", "compliance_check.html", "compliance_check.pdf"):
        print(f"wrote {os.path.join(out_dir, name)}")
    project.clear()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "out"))
