"""sunspace:openspaceratio, sunspace:greenfarcap and sunspace:compliancereport in real QGIS on the sample district."""

import pytest
from qgis.core import NULL
from qgis.core import QgsProcessingException, QgsVectorLayer

from sunspace.core.categories import CATEGORY_CODES

RES = "\"use\" = 'residential'"


def lyr(path, name):
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


def run(alg, params):
    from qgis import processing

    return processing.run(f"sunspace:{alg}", params)


@pytest.fixture(scope="module")
def osr_result(qgis_processing, tmp_path_factory, sample_path):
    from qgis.core import QgsApplication

    from sunspace.algorithms.provider import SunSpaceProvider

    reg = QgsApplication.processingRegistry()
    prov = None
    if reg.providerById("sunspace") is None:
        prov = SunSpaceProvider()
        reg.addProvider(prov)
    out = tmp_path_factory.mktemp("osr")
    res = run("openspaceratio", {
        "PARCELS": lyr(sample_path, "parcels"), "BUILDINGS": lyr(sample_path, "buildings"), "FLOORS_FIELD": "floors",
        "RESIDENTIAL": RES, "GREEN": lyr(sample_path, "green"), "YEAR": 2026,
        "OUTPUT": str(out / "osr.gpkg"), "OUTPUT_TABLE": str(out / "table.gpkg")})
    yield res, out
    if prov is not None:
        reg.removeProvider(prov)


def feats(path):
    layer = QgsVectorLayer(path, "x", "ogr")
    return {f["parcel_id"] if "parcel_id" in layer.fields().names() else f["cat_code"]: f for f in layer.getFeatures()}


def test_openspaceratio_patterns(osr_result):
    res, _ = osr_result
    parcels = feats(res["OUTPUT"])
    table = feats(res["OUTPUT_TABLE"])
    assert len(parcels) == 21
    # OSR_green > OSR_sun for every residential parcel (paper 003)
    for f in parcels.values():
        if f["cat_code"] != "none":
            assert f["osr_floor"] > f["osr_sun"] > 0
    # floor values fall as floors rise: within a form, between parcels at least 5 floors apart (under
    # cumulative counting, sun through the gaps between slabs adds small bumps from one floor to the next) ...
    for form in ("slab", "tower"):
        ps = [f for f in parcels.values() if f["form"] == form]
        pairs = [(a, b) for a in ps for b in ps if b["avg_floors"] >= a["avg_floors"] + 5]
        assert pairs and all(b["osr_floor"] < a["osr_floor"] for a, b in pairs), form
    # ... and category by category from 多层Ⅰ类 up (the 低层 mean mixes slab rows with villas modelled as towers)
    order = [c for c in CATEGORY_CODES[:6] if c in table]
    floors = [table[c]["osr_floor"] for c in order[1:]]
    assert len(order) == 6 and all(a > b for a, b in zip(floors, floors[1:]))
    # base values come from compliant parcels, with their counts
    assert sum(table[c]["base_count"] for c in order) >= 5
    assert all(table[c]["base_method"] == "mean" for c in order)
    classes = {f["class"] for f in parcels.values()}
    assert {"base", "between", "below", "nodata"} <= classes
    # the deliberate sunlight breaker XA-09 fails its windows, is not eligible and falls below its floor value
    assert parcels["XA-09"]["sun_ok"] == 0 and parcels["XA-09"]["class"] == "below"
    x9 = parcels["XA-09"]
    assert x9["xs_gfa_floor"] > 0 and x9["far_floor"] < x9["far"]
    if x9["fix_floor"] == "floor area must drop":  # more open space than the parcel holds: no open-space number
        assert x9["short_floor"] == NULL and x9["osr_floor"] * x9["gfa_m2"] > x9["area_m2"]
    else:
        assert x9["short_floor"] > 0
    # never more open space missing than the parcel could still provide (its footprint)
    for f in parcels.values():
        if f["short_base"] not in (None, NULL):
            assert f["short_base"] <= f["area_m2"] - f["open_m2"] + 1e-6, f["parcel_id"]
        if f["meets_base"] == 0:
            assert f["xs_gfa_base"] > 0 and f["far_base"] == pytest.approx(f["open_m2"] / f["osr_base"] / f["area_m2"])
    # a parcel that meets its base value has no shortfall
    assert all(f["short_base"] == 0 for f in parcels.values() if f["class"] == "base")


def test_openspaceratio_from_table(provider, sample_path, tmp_path):
    csv = tmp_path / "values.csv"
    csv.write_text("category,base,floor\n低层,2.0,1.0\n多层I类,1.2,0.8\nhigh1,0.7,0.5\n高层Ⅱ类,0.5,0.3\n高层Ⅲ类,0.4,0.3\nmid2,1,0.6\n",
                   encoding="utf-8")
    params = {"PARCELS": lyr(sample_path, "parcels"), "BUILDINGS": lyr(sample_path, "buildings"), "FLOORS_FIELD": "floors",
              "RESIDENTIAL": RES, "GREEN": lyr(sample_path, "green"), "YEAR": 2026, "BASE_METHOD": 3,
              "BASE_TABLE": str(csv), "TABLE_CATEGORY": "category", "TABLE_BASE": "base", "TABLE_FLOOR": "floor",
              "COLOUR_BY": 1, "OUTPUT": "memory:", "OUTPUT_TABLE": "memory:"}
    res = run("openspaceratio", params)
    p = {f["parcel_id"]: f for f in res["OUTPUT"].getFeatures()}
    assert p["XA-01"]["osr_base"] == 1.2 and p["XA-01"]["osr_floor"] == 0.8
    assert p["XA-01"]["class"] == "base"  # OSR 1.22 >= 1.2
    assert p["XA-18"]["class"] == "between"  # 0.638: floor 0.5 <= OSR < base 0.7
    assert p["XA-18"]["short_base"] == pytest.approx((0.7 - p["XA-18"]["osr"]) * p["XA-18"]["gfa_m2"])
    csv.write_text("category,base\n中层,1.0\n", encoding="utf-8")
    params.update(TABLE_FLOOR=None)
    with pytest.raises(QgsProcessingException, match="unknown category '中层'"):
        run("openspaceratio", params)


def test_greenfarcap_reproduces_paper_004(provider, sample_path):
    params = {"PARCELS": lyr(sample_path, "parcels"), "BUILDINGS": lyr(sample_path, "buildings"), "FLOORS_FIELD": "floors",
              "RESIDENTIAL": RES, "GREEN": lyr(sample_path, "green"), "ROADS": lyr(sample_path, "roads"),
              "ROAD_WIDTH_FIELD": "width", "YEAR": 2026, "AF_SOURCE": 1, "AF_FLOORS": 35, "AF_DENSITY": 0.20, "OUTPUT": "memory:"}
    out = {f["parcel_id"]: f for f in run("greenfarcap", params)["OUTPUT"].getFeatures()}
    for pid, f in out.items():
        if f["cat_code"] != "none":
            assert f["af_max"] == pytest.approx(7.0) and f["f_max"] == pytest.approx(4.55, abs=0.01), pid
            assert f["far_class"] == "within"
    # concentrated green: XA-05 was laid out with too little green
    assert out["XA-05"]["green_a_ok"] == 0 and out["XA-01"]["green_a_ok"] == 1
    shares = [f["green_sun"] for f in out.values() if isinstance(f["green_sun"], float)]
    assert len(shares) >= 15 and all(0 <= v <= 1 for v in shares)
    # with the sunlight model the caps follow each parcel's floors and form
    params.update(AF_SOURCE=0)
    model = {f["parcel_id"]: f for f in run("greenfarcap", params)["OUTPUT"].getFeatures()}
    assert model["XA-13"]["f_max"] > model["XA-01"]["f_max"]
    assert {f["far_class"] for f in model.values()} >= {"within", "above"}


def test_compliance_report(osr_result, provider, tmp_path):
    res, _ = osr_result
    layer = QgsVectorLayer(res["OUTPUT"], "开敞空间率", "ogr")
    renderer_before = layer.renderer().type()
    html = tmp_path / "report.html"
    pdf = tmp_path / "report.pdf"
    out = run("compliancereport", {"OSR_LAYER": layer, "OUTPUT_HTML": str(html), "OUTPUT_PDF": str(pdf)})
    text = html.read_text(encoding="utf-8")
    assert out["OUTPUT_HTML"] == str(html) and pdf.stat().st_size > 5000
    assert "data:image/png;base64," in text and "<svg" in text and "高层Ⅲ类" in text
    assert "XA-09" in text  # listed among the failing parcels
    assert layer.renderer().type() == renderer_before  # the input layer is not restyled
    with pytest.raises(QgsProcessingException, match="not an open-space-ratio result"):
        run("compliancereport", {"OSR_LAYER": QgsVectorLayer("Polygon?crs=EPSG:4545&field=a:int", "plain", "memory"),
                                 "OUTPUT_HTML": str(tmp_path / "x.html")})


def test_greenfarcap_bad_road_width_is_named(provider, sample_path):
    roads = QgsVectorLayer("LineString?crs=EPSG:4545&field=width:string", "my roads", "memory")
    from qgis.core import QgsFeature, QgsGeometry

    f = QgsFeature(roads.fields())
    f.setGeometry(QgsGeometry.fromWkt("LINESTRING(586000 3787000, 586100 3787000)"))
    f.setAttributes(["wide"])
    roads.dataProvider().addFeatures([f])
    params = {"PARCELS": lyr(sample_path, "parcels"), "BUILDINGS": lyr(sample_path, "buildings"), "FLOORS_FIELD": "floors",
              "RESIDENTIAL": RES, "GREEN": lyr(sample_path, "green"), "ROADS": roads, "ROAD_WIDTH_FIELD": "width",
              "YEAR": 2026, "AF_SOURCE": 1, "OUTPUT": "memory:"}
    with pytest.raises(QgsProcessingException, match=r"'my roads' \(estate roads\), field 'width', feature 1: road width 'wide'"):
        run("greenfarcap", params)


def test_percentile_base_colour_switch_and_measured_m(provider, sample_path):
    from qgis import processing
    from qgis.core import QgsProject

    common = {"PARCELS": lyr(sample_path, "parcels"), "BUILDINGS": lyr(sample_path, "buildings"), "FLOORS_FIELD": "floors",
              "RESIDENTIAL": RES, "GREEN": lyr(sample_path, "green"), "YEAR": 2026}
    res = processing.runAndLoadResults("sunspace:openspaceratio", dict(common, BASE_METHOD=2, PERCENTILE=75, COLOUR_BY=2,
                                                                       OUTPUT="TEMPORARY_OUTPUT", OUTPUT_TABLE="TEMPORARY_OUTPUT"))
    loaded = QgsProject.instance().mapLayer(res["OUTPUT"])
    table = QgsProject.instance().mapLayer(res["OUTPUT_TABLE"])
    try:
        assert loaded.renderer().classAttribute() == "meets_floor"  # coloured by the floor value
        assert {f["base_method"] for f in table.getFeatures()} == {"percentile 75"}
    finally:
        QgsProject.instance().removeMapLayers([res["OUTPUT"], res["OUTPUT_TABLE"]])
    one = QgsVectorLayer(f"{sample_path}|layername=parcels|subset=\"parcel_id\" = 'XA-01'", "xa01", "ogr")
    out = run("greenfarcap", dict(common, PARCELS=one, MEASURE_M=True, OUTPUT="memory:"))
    f = next(out["OUTPUT"].getFeatures())
    assert 1.0 < f["m_used"] <= 100.0 and f["m_used"] != 12.0
    # c and F_max follow the measured m (paper 004: c = m (1 + r) MP / (3 EP))
    assert f["c"] == pytest.approx(f["m_used"] * 1.15 * 0.5 / 90.0)
    assert f["f_max"] == pytest.approx(1.0 / (f["c"] + 1.0 / f["af_max"]))
