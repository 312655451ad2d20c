"""A first run that succeeds with defaults: every tool on the sample district with only its layers and outputs.

Fields are recognised (floors, height, use), the current year is the default, number
parameters show few decimals, parameters carry help, and floors from heights give the
same categories in every tool.
"""
import datetime
import os

import pytest
from qgis.core import QgsProcessingParameterNumber, QgsVectorLayer
from qgis_helpers import log_feedback

YEAR = datetime.date.today().year


def lyr(path, name):
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


def run(alg, params, feedback=None):
    from qgis import processing

    return processing.run(f"sunspace:{alg}", params, feedback=feedback)


def test_parameter_conventions(provider):
    from sunspace.algorithms.compat import DOUBLE_NUMBER

    for alg in provider.algorithms():
        for d in alg.parameterDefinitions():
            if isinstance(d, QgsProcessingParameterNumber) and d.dataType() == DOUBLE_NUMBER:
                assert d.metadata()["widget_wrapper"]["decimals"] in (1, 2, 3, 4), (alg.name(), d.name())
            if d.name() == "YEAR":
                assert d.defaultValue() == YEAR, alg.name()
            if d.name() in ("FLOORS_FIELD", "HEIGHT_FIELD", "SILL", "STANDARD") and hasattr(d, "help"):
                assert d.help(), (alg.name(), d.name())
    spacing = provider.algorithm("spacingcoefficients")
    assert spacing.parameterDefinition("YEAR").defaultValue() == YEAR
    floors = provider.algorithm("parcelindicators").parameterDefinition("FLOORS_FIELD")
    assert floors.defaultValue() == "floors"
    if hasattr(floors, "help"):
        assert "max(1, round(H / floor height))" in floors.help()
        assert "4.0.9" in provider.algorithm("sunlightsetbacks").parameterDefinition("SILL").help()


@pytest.mark.parametrize("alg, layers, outputs", [
    ("parcelindicators", {"PARCELS": "parcels", "BUILDINGS": "buildings"}, ["OUTPUT"]),
    ("spacingcoefficients", {"LAYER": "parcels"}, ["OUTPUT"]),
    ("sunlightsetbacks", {"BUILDINGS": "buildings"}, ["OUTPUT_ZONES", "OUTPUT_CHECKS"]),
    ("windowsunlight", {"BUILDINGS": "buildings"}, ["OUTPUT_WINDOWS", "OUTPUT_BUILDINGS"]),
    ("groundsunlight", {"BUILDINGS": "buildings"}, ["OUTPUT_RASTER", "OUTPUT_ISOCHRONES", "OUTPUT_SHADOW"]),
    ("openspaceratio", {"PARCELS": "parcels", "BUILDINGS": "buildings"}, ["OUTPUT", "OUTPUT_TABLE"]),
    ("greenfarcap", {"PARCELS": "parcels", "BUILDINGS": "buildings", "GREEN": "green", "ROADS": "roads"}, ["OUTPUT"]),
])
def test_every_tool_runs_with_defaults(provider, sample_path, tmp_path, alg, layers, outputs):
    params = {k: lyr(sample_path, v) for k, v in layers.items()}
    for o in outputs:
        params[o] = str(tmp_path / (o.lower() + (".tif" if o == "OUTPUT_RASTER" else ".gpkg")))
    log = log_feedback()
    res = run(alg, params, log)
    for o in outputs:
        assert res[o] and os.path.exists(params[o]), (alg, o)
    if "BUILDINGS" in layers:
        text = "\n".join(log.lines)
        assert "floors field 'floors'" in text and "height field 'height'" in text, text
        if alg not in ("groundsunlight",):
            assert "\"use\" = 'residential'" in text, text


def test_compliance_report_with_defaults(provider, sample_path, tmp_path):
    osr = run("openspaceratio", {"PARCELS": lyr(sample_path, "parcels"), "BUILDINGS": lyr(sample_path, "buildings"),
                                 "OUTPUT": str(tmp_path / "osr.gpkg"), "OUTPUT_TABLE": str(tmp_path / "t.gpkg")})
    res = run("compliancereport", {"OSR_LAYER": QgsVectorLayer(osr["OUTPUT"], "osr", "ogr"),
                                   "OUTPUT_HTML": str(tmp_path / "r.html")})
    assert os.path.getsize(res["OUTPUT_HTML"]) > 1000


def test_detected_fields_match_explicit_ones(provider, sample_path, tmp_path):
    """Defaults recognise floors and use: the same indicators as naming them."""
    base = {"PARCELS": lyr(sample_path, "parcels"), "BUILDINGS": lyr(sample_path, "buildings")}
    auto = run("parcelindicators", dict(base, OUTPUT=str(tmp_path / "a.gpkg")))["OUTPUT"]
    named = run("parcelindicators", dict(base, FLOORS_FIELD="floors", HEIGHT_FIELD="height",
                                         RESIDENTIAL="\"use\" = 'residential'", OUTPUT=str(tmp_path / "b.gpkg")))["OUTPUT"]
    a = {f["parcel_id"]: (f["category"], f["far"]) for f in QgsVectorLayer(auto, "a", "ogr").getFeatures()}
    b = {f["parcel_id"]: (f["category"], f["far"]) for f in QgsVectorLayer(named, "b", "ogr").getFeatures()}
    assert a == b and len(a) == 21
    # an empty expression (what the dialog sends) recognises the use field too: a school never becomes housing
    log = log_feedback()
    empty = run("parcelindicators", dict(base, RESIDENTIAL="", OUTPUT=str(tmp_path / "d.gpkg")), log)["OUTPUT"]
    assert any("residential buildings are" in t for t in log.lines)
    assert {f["parcel_id"]: (f["category"], f["far"]) for f in QgsVectorLayer(empty, "d", "ogr").getFeatures()} == b
    # "true" counts every building as residential: more residential floor area
    everyone = run("parcelindicators", dict(base, RESIDENTIAL="true", OUTPUT=str(tmp_path / "c.gpkg")))["OUTPUT"]
    res_all = sum(f["res_gfa_m2"] for f in QgsVectorLayer(everyone, "c", "ogr").getFeatures())
    res_auto = sum(f["res_gfa_m2"] for f in QgsVectorLayer(auto, "a", "ogr").getFeatures())
    assert res_all > res_auto + 1000.0  # the non-residential buildings now count


def _heights_layer(sample_path):
    """The sample buildings with a height field h = floors × 3.0 + 0.6 and no floors field."""
    from qgis_helpers import memory_polygons

    src = lyr(sample_path, "buildings")
    rows = [(f.geometry().asWkt(), [f["floors"] * 3.0 + 0.6, f["use"]]) for f in src.getFeatures()]
    return memory_polygons("bheights", "h:double&field=use:string", rows)


def test_floors_from_heights_same_category_in_every_tool(provider, sample_path, tmp_path):
    parcels = lyr(sample_path, "parcels")
    heights = _heights_layer(sample_path)
    common = {"PARCELS": parcels, "BUILDINGS": heights, "HEIGHT_FIELD": "h", "RESIDENTIAL": "\"use\" = 'residential'"}
    pi = run("parcelindicators", dict(common, OUTPUT=str(tmp_path / "pi.gpkg")))["OUTPUT"]
    osr = run("openspaceratio", dict(common, OUTPUT=str(tmp_path / "osr.gpkg"), OUTPUT_TABLE=str(tmp_path / "t.gpkg")))
    ref = run("parcelindicators", {"PARCELS": parcels, "BUILDINGS": lyr(sample_path, "buildings"), "FLOORS_FIELD": "floors",
                                   "RESIDENTIAL": "\"use\" = 'residential'", "OUTPUT": str(tmp_path / "ref.gpkg")})["OUTPUT"]

    def cats(path):
        return {f["parcel_id"]: f["category"] for f in QgsVectorLayer(path, "x", "ogr").getFeatures()}

    assert cats(pi) == cats(osr["OUTPUT"]) == cats(ref)
    assert len(set(cats(ref).values())) > 2  # the sample spans several categories


@pytest.mark.parametrize("ext, driver", [(".img", "HFA"), (".asc", "AAIGrid"), (".tif", "GTiff")])
def test_ground_raster_format_crs_and_style(provider, sample_path, tmp_path, ext, driver):
    from osgeo import gdal, osr
    from qgis.core import QgsRasterLayer

    from sunspace.algorithms.common import STYLE_DIR

    out = str(tmp_path / ("hours" + ext))
    run("groundsunlight", {"BUILDINGS": lyr(sample_path, "buildings"), "FLOORS_FIELD": "floors", "SPACING": 4.0,
                           "AREA": lyr(sample_path, "parcels"), "OUTPUT_RASTER": out,
                           "OUTPUT_ISOCHRONES": str(tmp_path / "iso.gpkg"), "OUTPUT_SHADOW": str(tmp_path / "sh.gpkg")})
    ds = gdal.Open(out)
    assert ds.GetDriver().ShortName == driver
    srs = osr.SpatialReference(wkt=ds.GetProjection())
    want = osr.SpatialReference()
    want.ImportFromEPSG(4545)
    assert srs.IsSame(want) or (srs.GetAttrValue("PROJECTION") == "Transverse_Mercator"
                                and abs(srs.GetProjParm("central_meridian") - 108.0) < 1e-9), ds.GetProjection()
    gt = ds.GetGeoTransform()
    assert gt[1] == pytest.approx(4.0, rel=0.05)  # EPSG:4545 and the local frame differ by a scale of ~1
    sl = lyr(sample_path, "buildings").extent()
    assert sl.xMinimum() - 500 < gt[0] < sl.xMaximum() and 3.0e6 < gt[3] < 5.0e6  # Gauss-Krueger metres, not local
    band = ds.GetRasterBand(1)
    assert band.GetNoDataValue() == -1.0
    values = band.ReadAsArray()
    assert (values == -1.0).any() and ((values >= 0) & (values <= 24)).any()
    layer = QgsRasterLayer(out, "h")
    _msg, ok = layer.loadNamedStyle(os.path.join(STYLE_DIR, "ground_sunlight.qml"))
    assert ok and layer.renderer().type() == "singlebandpseudocolor"
    items = layer.renderer().shader().rasterShaderFunction().colorRampItemList()
    assert [i.value for i in items][:3] == [1.0, 2.0, 3.0]  # the standards' hours are class borders


def test_gpkg_output_keeps_its_style_in_the_users_language(provider, sample_path, tmp_path):
    """A GeoPackage output carries its style as the default: a fresh layer on the file opens categorized,
    legend in the language of the run (Chinese here), field aliases with it."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(os.path.join(os.path.dirname(os.path.dirname(__file__)), "i18n", "sunspace_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    out = str(tmp_path / "pi.gpkg")
    try:
        run("parcelindicators", {"PARCELS": lyr(sample_path, "parcels"), "BUILDINGS": lyr(sample_path, "buildings"),
                                 "OUTPUT": out})
    finally:
        QCoreApplication.removeTranslator(translator)
    fresh = QgsVectorLayer(out, "fresh", "ogr")  # a new layer: its default style comes from the file
    assert fresh.isValid() and fresh.renderer().type() == "categorizedSymbol"
    assert fresh.renderer().classAttribute() == "cat_code" and "cat_code" in fresh.fields().names()
    labels = [c.label() for c in fresh.renderer().categories()]
    assert "低层（1-3层）" in labels and "Low-rise (1-3)" not in labels, labels
    from osgeo import ogr

    ds = ogr.Open(out)
    rows = [(f.GetField("f_table_name"), f.GetField("useAsDefault")) for f in ds.GetLayerByName("layer_styles")]
    assert rows == [(os.path.splitext(os.path.basename(out))[0], 1)]


def test_styles_of_tables_in_one_gpkg_and_a_later_qgis_style_save(provider, sample_path, tmp_path):
    """Two runs into tables of one GeoPackage each store their default style; QGIS can then save another style
    into the same file while layers on it are open, under QGIS's default style name (the table's name; a SunSpace
    style of that name made QGIS ask "overwrite?" in a modal dialog: the hang of tests/test_demo.py)."""
    gpkg = str(tmp_path / "demo.gpkg")
    base = {"PARCELS": lyr(sample_path, "parcels"), "BUILDINGS": lyr(sample_path, "buildings")}
    run("parcelindicators", dict(base, OUTPUT=f"ogr:dbname='{gpkg}' table=\"indicators\" (geom)"))
    for _ in range(2):  # written twice: its style is replaced, not doubled
        run("openspaceratio", dict(base, OUTPUT=f"ogr:dbname='{gpkg}' table=\"osr_class3\" (geom)",
                                   OUTPUT_TABLE=f"ogr:dbname='{gpkg}' table=\"osr_values\""))
    osr = QgsVectorLayer(f"{gpkg}|layername=osr_class3", "osr", "ogr")  # named like its style file
    assert osr.isValid() and osr.renderer().type() == "categorizedSymbol"
    assert osr.renderer().classAttribute() == "class"
    indicators = QgsVectorLayer(f"{gpkg}|layername=indicators", "indicators", "ogr")
    assert indicators.renderer().type() == "categorizedSymbol" and indicators.renderer().classAttribute() == "cat_code"
    # a later save by QGIS itself, with both layers alive (what scripts/demo.py does)
    from qgis.core import QgsFillSymbol, QgsSingleSymbolRenderer

    indicators.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({"color": "255,0,0"})))
    indicators.saveStyleToDatabase("indicators", "by hand", True, "")
    osr.saveStyleToDatabase("osr_class3", "by hand", True, "")  # no "overwrite?" dialog: our name differs
    del indicators, osr
    again = QgsVectorLayer(f"{gpkg}|layername=indicators", "again", "ogr")
    assert again.renderer().type() == "singleSymbol"  # the hand-saved default replaced the run's one
    from osgeo import ogr

    ds = ogr.Open(gpkg)
    rows = sorted((f.GetField("f_table_name"), f.GetField("styleName"), f.GetField("useAsDefault"))
                  for f in ds.GetLayerByName("layer_styles"))
    assert rows == [("indicators", "SunSpace parcel_category", 0), ("indicators", "indicators", 1),
                    ("osr_class3", "SunSpace osr_class3", 0), ("osr_class3", "osr_class3", 1)], rows
