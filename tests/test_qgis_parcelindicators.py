"""sunspace:parcelindicators through real QGIS Processing on the sample district."""
import hashlib
import shutil

import pytest
from qgis_helpers import memory_polygons
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)

# The two hand-checked parcels of the sample (see tools/make_sample.py), design values in metres.
# EPSG:4545's grid scale at the site (86 km east of 108E) is 1.00009, so design areas drawn in the
# grid are 0.018 % larger than on the ground; 5e-4 covers it.
XA01 = dict(area_m2=36000, fp_m2=6 * 720, gfa_m2=6 * 720 * 6, res_gfa_m2=6 * 720 * 6, avg_floors=6,
            population=6 * 720 * 6 / 30, green_m2=1200, open_m2=36000 - 4320, category="多层Ⅰ类", cat_code="mid1", form="slab")
# The shop's half reaches 100 m2 into one slab (the sample draws them overlapping): that ground is covered once,
# while both buildings keep their floor area.
XA18 = dict(area_m2=24000, fp_m2=4 * 720 + 400 - 100, gfa_m2=4 * 720 * 11 + 400 * 2, res_gfa_m2=4 * 720 * 11, avg_floors=11,
            population=4 * 720 * 11 / 30, green_m2=1080, open_m2=24000 - 3180, category="高层Ⅰ类", cat_code="high1", form="slab")
for d in (XA01, XA18):
    d["density"] = d["fp_m2"] / d["area_m2"]
    d["far"] = d["gfa_m2"] / d["area_m2"]
    d["osr"] = d["open_m2"] / d["gfa_m2"]
    d["green_pp"] = d["green_m2"] / d["population"]


def layer(path, name):
    lyr = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert lyr.isValid(), name
    return lyr


def run(params):
    from qgis import processing

    return processing.run("sunspace:parcelindicators", params)


def base_params(parcels, buildings, green=None):
    return {
        "PARCELS": parcels, "BUILDINGS": buildings, "FLOORS_FIELD": "floors", "RESIDENTIAL": "\"use\" = 'residential'",
        "GREEN": green, "PER_CAPITA": 30.0, "OUTPUT": "memory:",
    }


def by_id(out_layer):
    return {f["parcel_id"]: f for f in out_layer.getFeatures()}


def md5(path):
    return hashlib.md5(open(path, "rb").read()).hexdigest()


@pytest.fixture()
def sample_copy(tmp_path, sample_path):
    dst = tmp_path / "sample.gpkg"
    shutil.copy(sample_path, dst)
    return str(dst)


def test_sample_district_hand_checked_parcels(provider, sample_copy):
    before = md5(sample_copy)
    parcels, buildings, green = (layer(sample_copy, n) for n in ("parcels", "buildings", "green"))
    counts = (parcels.featureCount(), buildings.featureCount(), green.featureCount())
    out = run(base_params(parcels, buildings, green))["OUTPUT"]
    feats = by_id(out)
    assert len(feats) == counts[0]
    for pid, expect in (("XA-01", XA01), ("XA-18", XA18)):
        f = feats[pid]
        for key, value in expect.items():
            if isinstance(value, str):
                assert f[key] == value, (pid, key)
            else:
                assert f[key] == pytest.approx(value, rel=5e-4), (pid, key)
    # input layers unchanged, on disk and in memory
    assert (parcels.featureCount(), buildings.featureCount(), green.featureCount()) == counts
    assert "osr" not in parcels.fields().names()
    del parcels, buildings, green
    assert md5(sample_copy) == before


def test_every_category_and_form_in_sample(provider, sample_path):
    out = run(base_params(layer(sample_path, "parcels"), layer(sample_path, "buildings"), layer(sample_path, "green")))["OUTPUT"]
    cats = {f["cat_code"] for f in out.getFeatures()}
    forms = {f["form"] for f in out.getFeatures()}
    assert {"low", "mid1", "mid2", "high1", "high2", "high3"} <= cats
    assert {"slab", "tower", "mixed"} <= forms
    low_green = [f["parcel_id"] for f in out.getFeatures() if f["green_pp"] is not None and f["green_pp"] < 0.5]
    assert low_green, "some parcels must break the 0.5 m2/person green requirement"


def reproject(lyr, epsg):
    from qgis import processing

    return processing.run("native:reprojectlayer", {"INPUT": lyr, "TARGET_CRS": QgsCoordinateReferenceSystem(f"EPSG:{epsg}"),
                                                   "OUTPUT": "memory:"})["OUTPUT"]


@pytest.mark.parametrize("epsg", [4326, 3857])
def test_crs_invariance(provider, sample_path, epsg):
    src = [layer(sample_path, n) for n in ("parcels", "buildings", "green")]
    ref = by_id(run(base_params(*src))["OUTPUT"])
    moved = [reproject(lyr, epsg) for lyr in src]
    # mixed CRSs too: parcels reprojected, buildings reprojected, green left in EPSG:4545
    got = by_id(run(base_params(moved[0], moved[1], src[2]))["OUTPUT"])
    for pid, f in ref.items():
        for key in ("area_m2", "fp_m2", "gfa_m2", "green_m2", "osr", "far"):
            if f[key]:
                assert got[pid][key] == pytest.approx(f[key], rel=5e-3), (epsg, pid, key)


def test_selected_features_only(provider, sample_path):
    parcels = layer(sample_path, "parcels")
    buildings = layer(sample_path, "buildings")
    QgsProject.instance().addMapLayers([parcels, buildings], False)
    try:
        parcels.selectByExpression("\"parcel_id\" IN ('XA-01', 'XA-18')")
        params = base_params(QgsProcessingFeatureSourceDefinition(parcels.id(), True), buildings)
        out = run(params)["OUTPUT"]
        assert sorted(by_id(out)) == ["XA-01", "XA-18"]
        parcels.removeSelection()
        with pytest.raises(QgsProcessingException, match="no features"):
            run(params)
    finally:
        QgsProject.instance().removeMapLayers([parcels.id(), buildings.id()])


def memory_layer(name, rows, fields="floors:double"):
    return memory_polygons(name, f"fid_txt:string&field={fields}", rows)


SQ = "POLYGON((586000 3787000, 586100 3787000, 586100 3787100, 586000 3787100, 586000 3787000))"
B1 = "POLYGON((586010 3787010, 586050 3787010, 586050 3787022, 586010 3787022, 586010 3787010))"


def test_null_and_negative_floors_named(provider):
    parcels = memory_layer("my parcels", [(SQ, ["p", 1])])
    bld = memory_layer("my buildings", [(B1, ["a", 6]), (B1, ["b", None]), (B1, ["c", -3])])
    params = base_params(parcels, bld)
    params["RESIDENTIAL"] = ""
    with pytest.raises(QgsProcessingException) as err:
        run(params)
    msg = str(err.value)
    assert "'my buildings'" in msg and "'floors'" in msg and "NULL in feature(s) 2" in msg and "negative in feature(s) 3" in msg


def test_no_floor_or_height_field(provider):
    # no field named like floors or height: nothing to recognise
    params = base_params(memory_layer("p", [(SQ, ["p", 1])]), memory_layer("b", [(B1, ["a", 6])], fields="zz:double"))
    params["FLOORS_FIELD"] = None
    params["RESIDENTIAL"] = ""
    with pytest.raises(QgsProcessingException, match="height field or a floors field"):
        run(params)


def test_height_field_and_invalid_geometry_repaired(provider):
    bowtie = "POLYGON((586000 3787000, 586100 3787100, 586100 3787000, 586000 3787100, 586000 3787000))"
    parcels = memory_layer("p", [(SQ, ["p", 1]), (bowtie, ["bow", 1])])
    bld = memory_layer("b", [(B1, ["a", 17.9])], fields="height:double")
    params = base_params(parcels, bld)
    params.update(FLOORS_FIELD=None, HEIGHT_FIELD="height", FLOOR_HEIGHT=3.0, RESIDENTIAL="")
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    class Capture(QgsProcessingFeedback):
        text = []

        def pushInfo(self, info):  # noqa: N802
            self.text.append(info)

        def pushWarning(self, info):  # noqa: N802
            self.text.append(info)

    from qgis import processing

    fb = Capture()
    ctx = QgsProcessingContext()
    from sunspace.algorithms.compat import ABORT_ON_INVALID

    ctx.setInvalidGeometryCheck(ABORT_ON_INVALID)  # the QGIS GUI default: SunSpace must still repair and report
    out = processing.run("sunspace:parcelindicators", params, context=ctx, feedback=fb)["OUTPUT"]
    feats = {f["fid_txt"]: f for f in out.getFeatures()}
    assert feats["p"]["gfa_m2"] == pytest.approx(480 * 6, rel=5e-4)  # 17.9 m / 3.0 -> 6 floors
    assert feats["bow"]["area_m2"] == pytest.approx(5000, rel=5e-4)
    assert any("invalid geometry repaired in feature(s) 2" in t for t in fb.text)


def test_output_loaded_into_project_is_styled_by_category(provider, sample_path):
    from qgis import processing

    params = base_params(layer(sample_path, "parcels"), layer(sample_path, "buildings"))
    params["OUTPUT"] = "TEMPORARY_OUTPUT"
    res = processing.runAndLoadResults("sunspace:parcelindicators", params)
    loaded = QgsProject.instance().mapLayer(res["OUTPUT"])
    try:
        assert loaded is not None
        renderer = loaded.renderer()
        assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "cat_code"
        assert {c.value() for c in renderer.categories()} >= {"low", "mid1", "mid2", "high1", "high2", "high3", "none"}
    finally:
        QgsProject.instance().removeMapLayer(res["OUTPUT"])


def test_non_polygon_layer_refused(provider):
    points = QgsVectorLayer("Point?crs=EPSG:4545&field=floors:double", "points", "memory")
    params = base_params(memory_layer("p", [(SQ, ["p", 1])]), points)
    with pytest.raises(QgsProcessingException):
        run(params)


def test_empty_layer_refused(provider):
    params = base_params(memory_layer("p", [(SQ, ["p", 1])]), memory_layer("empty buildings", []))
    with pytest.raises(QgsProcessingException, match=r"'empty buildings' \(buildings\) has no features"):
        run(params)
