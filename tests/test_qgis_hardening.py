"""Hostile but realistic inputs (issue 8): every run either gives the right answer or a clear refusal.

Each case is a row of a table: the algorithm, how its parameters are spoiled, and the message
(a regular expression) that must come out, or a check of the result. No case may end in a
traceback or in exit 0 with an answer a user would misread.
"""
import json
import os

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from qgis_helpers import memory_polygons

SQ = "POLYGON((586000 3787000, 586100 3787000, 586100 3787100, 586000 3787100, 586000 3787000))"
SQ2 = "POLYGON((586200 3787000, 586260 3787000, 586260 3787050, 586200 3787050, 586200 3787000))"
B1 = "POLYGON((586010 3787010, 586050 3787010, 586050 3787022, 586010 3787022, 586010 3787010))"
B2 = "POLYGON((586010 3787060, 586050 3787060, 586050 3787072, 586010 3787072, 586010 3787060))"


def run(alg, params, feedback=None, context=None):
    from qgis import processing

    return processing.run(f"sunspace:{alg}", params, feedback=feedback, context=context)


class Capture(QgsProcessingFeedback):
    """Keeps every info and warning line."""

    def __init__(self, cancel_after=None):
        super().__init__()
        self.lines = []
        self.cancel_after = cancel_after
        self.progress_calls = 0

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)

    def pushWarning(self, info):  # noqa: N802
        self.lines.append(info)

    def setProgress(self, value):  # noqa: N802
        self.progress_calls += 1
        if self.cancel_after is not None and self.progress_calls >= self.cancel_after:
            self.cancel()
        super().setProgress(value)

    @property
    def text(self):
        return "\n".join(self.lines)


def buildings(rows, fields="use:string&field=floors:double", name="b", crs="EPSG:4545"):
    return memory_polygons(name, fields, rows, crs)


def parcels(rows=((SQ, ["p1"]),), name="p", crs="EPSG:4545"):
    return memory_polygons(name, "parcel_id:string", list(rows), crs)


def indicator_params(p, b, **kw):
    params = {"PARCELS": p, "BUILDINGS": b, "FLOORS_FIELD": "floors", "RESIDENTIAL": "\"use\" = 'residential'",
              "OUTPUT": "memory:"}
    params.update(kw)
    return params


def window_params(b, **kw):
    params = {"BUILDINGS": b, "FLOORS_FIELD": "floors", "RESIDENTIAL": "", "SPACING": 5.0, "YEAR": 2026,
              "OUTPUT_WINDOWS": "memory:", "OUTPUT_BUILDINGS": "memory:"}
    params.update(kw)
    return params


def two_buildings():
    return buildings([(B1, ["residential", 6]), (B2, ["residential", 6])])


def point_layer():
    lyr = QgsVectorLayer("Point?crs=EPSG:4545&field=floors:double&field=use:string", "pts", "memory")
    f = QgsFeature(lyr.fields())
    f.setGeometry(QgsGeometry.fromWkt("POINT(586020 3787020)"))
    f.setAttributes([6, "residential"])
    lyr.dataProvider().addFeatures([f])
    return lyr


def line_layer():
    lyr = QgsVectorLayer("LineString?crs=EPSG:4545&field=parcel_id:string", "lines", "memory")
    f = QgsFeature(lyr.fields())
    f.setGeometry(QgsGeometry.fromWkt("LINESTRING(586000 3787000, 586100 3787100)"))
    f.setAttributes(["x"])
    lyr.dataProvider().addFeatures([f])
    return lyr


# ---------------------------------------------------------------------------------------------
# the table of refusals: (id, algorithm, parameters factory, expected message regex)
# ---------------------------------------------------------------------------------------------
REFUSALS = [
    ("expression syntax error", "parcelindicators",
     lambda: indicator_params(parcels(), two_buildings(), RESIDENTIAL="\"use\" = = 'residential'"),
     r"expression .* is invalid"),
    ("expression names a missing field", "parcelindicators",
     lambda: indicator_params(parcels(), two_buildings(), RESIDENTIAL="\"usage\" = 'residential'"),
     r"names field\(s\) usage that layer 'b' \(buildings\) does not have"),
    ("points as buildings", "parcelindicators", lambda: indicator_params(parcels(), point_layer()),
     r"'pts' \(buildings\) holds points; this input needs polygons"),
    ("lines as parcels", "parcelindicators", lambda: indicator_params(line_layer(), two_buildings()),
     r"'lines' \(parcels\) holds lines; this input needs polygons"),
    ("heights in centimetres", "parcelindicators",
     lambda: indicator_params(parcels(), buildings([(B1, ["residential", 1800.0])], "use:string&field=height:double"),
                              FLOORS_FIELD=None, HEIGHT_FIELD="height"),
     r"heights up to 1800 m .*centimetres"),
    ("a fifth of a floor", "parcelindicators",
     lambda: indicator_params(parcels(), buildings([(B1, ["residential", 0.2])])),
     r"field 'floors': fewer than half a floor in feature\(s\) 1"),
    ("floors as text", "parcelindicators",
     lambda: indicator_params(parcels(), buildings([(B1, ["residential", "六"])], "use:string&field=floors:string")),
     r"field 'floors': '六' is not a number \(feature\(s\) 1\)"),
    ("every geometry NULL", "parcelindicators",
     lambda: indicator_params(parcels(), buildings([("", ["residential", 6]), ("", ["residential", 3])])),
     r"'b' \(buildings\): no feature has a usable geometry"),
    ("projected coordinates tagged EPSG:4326", "parcelindicators",
     lambda: indicator_params(parcels(crs="EPSG:4326"), two_buildings()),
     r"coordinates of layer 'p' \(parcels\) .* do not fit"),
    ("degrees tagged with a projected CRS", "parcelindicators",
     lambda: indicator_params(parcels([("POLYGON((108.9 34.2, 108.91 34.2, 108.91 34.21, 108.9 34.2))", ["p"])]),
                              two_buildings()),
     r"do not fit its coordinate reference system"),
    ("southern hemisphere", "windowsunlight",
     lambda: window_params(buildings([("POLYGON((151.20 -33.87, 151.2005 -33.87, 151.2005 -33.8699, 151.20 -33.8699, "
                                       "151.20 -33.87))", ["residential", 6])], crs="EPSG:4326")),
     r"south of the equator"),
    ("layer spanning 16 degrees of latitude", "windowsunlight",
     lambda: window_params(buildings([
         ("POLYGON((108.90 34.20, 108.9005 34.20, 108.9005 34.2001, 108.90 34.2001, 108.90 34.20))", ["residential", 6]),
         ("POLYGON((108.90 18.00, 108.9005 18.00, 108.9005 18.0001, 108.90 18.0001, 108.90 18.00))", ["residential", 6])],
         crs="EPSG:4326")),
     r"spans 18\.00 to 34\.20 degrees of latitude"),
    ("residential value in the wrong case", "windowsunlight",
     lambda: window_params(two_buildings(), RESIDENTIAL="\"use\" = 'Residential'"),
     r"no residential building to analyse"),
    ("window points below ground", "windowsunlight",
     lambda: window_params(two_buildings(), WINDOWS=_windows(-50.0), WINDOW_Z_FIELD="z", WINDOW_FACING_FIELD="facing"),
     r"window heights below ground in feature\(s\) 1"),
    ("window point inside a building", "windowsunlight",
     lambda: window_params(two_buildings(), WINDOWS=_windows(3.0, "POINT(586030 3787016)"), WINDOW_Z_FIELD="z",
                           WINDOW_FACING_FIELD="facing"),
     r"window point\(s\) 1 lie inside a building"),
    ("spacing coefficients in Sydney", "spacingcoefficients",
     lambda: {"POINT": "151.2,-33.87 [EPSG:4326]", "YEAR": 2026, "OUTPUT": "memory:"},
     r"outside the range SunSpace supports"),
    ("unwritable output", "spacingcoefficients",
     lambda: {"LATITUDE": 34.3, "YEAR": 2026, "OUTPUT": "/proc/no/such/folder/k.gpkg"},
     r"Could not create layer /proc/no/such/folder/k\.gpkg"),
]


def _windows(z, wkt="POINT(586030 3787009)"):
    lyr = QgsVectorLayer("Point?crs=EPSG:4545&field=z:double&field=facing:double", "w", "memory")
    f = QgsFeature(lyr.fields())
    f.setGeometry(QgsGeometry.fromWkt(wkt))
    f.setAttributes([z, 180.0])
    lyr.dataProvider().addFeatures([f])
    return lyr


@pytest.mark.parametrize("case, alg, make, pattern", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refusals(provider, case, alg, make, pattern):
    with pytest.raises(QgsProcessingException, match=pattern) as err:
        run(alg, make())
    assert "Traceback" not in str(err.value)


# ---------------------------------------------------------------------------------------------
# right answers where the input is odd but usable
# ---------------------------------------------------------------------------------------------
def test_duplicate_feature_ids_keep_each_parcel_its_own_numbers(provider, tmp_path):
    """A GeoJSON where every feature has "id": 1: outputs are keyed by row, not id."""
    def feature(wkt_coords, props):
        return {"type": "Feature", "id": 1, "properties": props,
                "geometry": {"type": "Polygon", "coordinates": [wkt_coords]}}

    sq = [[586000, 3787000], [586100, 3787000], [586100, 3787100], [586000, 3787100], [586000, 3787000]]
    sq2 = [[586200, 3787000], [586260, 3787000], [586260, 3787050], [586200, 3787050], [586200, 3787000]]
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4545"}}
    path = tmp_path / "dup.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": crs,
                                "features": [feature(sq, {"parcel_id": "A"}), feature(sq2, {"parcel_id": "B"})]}))
    p = QgsVectorLayer(str(path), "dup", "ogr")
    assert p.isValid() and p.featureCount() == 2
    out = run("parcelindicators", indicator_params(p, two_buildings()))["OUTPUT"]
    got = {f["parcel_id"]: f for f in out.getFeatures()}
    assert got["A"]["area_m2"] == pytest.approx(10000, rel=1e-3)
    assert got["B"]["area_m2"] == pytest.approx(3000, rel=1e-3)
    assert got["A"]["fp_m2"] == pytest.approx(2 * 480, rel=1e-3) and got["B"]["fp_m2"] == 0


def test_non_polygons_mixed_into_a_layer_are_counted(provider, tmp_path):
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4545"}}
    b1 = [[586010, 3787010], [586050, 3787010], [586050, 3787022], [586010, 3787022], [586010, 3787010]]
    feats = [{"type": "Feature", "properties": {"use": "residential", "floors": 6},
              "geometry": {"type": "Polygon", "coordinates": [b1]}},
             {"type": "Feature", "properties": {"use": "residential", "floors": 6},
              "geometry": {"type": "Point", "coordinates": [586070, 3787070]}}]
    path = tmp_path / "mixed.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "crs": crs, "features": feats}))
    b = QgsVectorLayer(str(path), "mixed", "ogr")
    fb = Capture()
    out = run("parcelindicators", indicator_params(parcels(), b), feedback=fb)["OUTPUT"]
    f = next(out.getFeatures())
    assert f["fp_m2"] == pytest.approx(480, rel=1e-3)
    assert "1 feature(s) that are not polygons were left out" in fb.text


def test_residential_expression_matching_nothing_warns_with_values(provider):
    fb = Capture()
    run("parcelindicators", indicator_params(parcels(), two_buildings(), RESIDENTIAL="\"use\" = 'Residential'"), feedback=fb)
    assert "marks none of the 2 features" in fb.text and "Values of 'use': residential" in fb.text


def test_buildings_far_from_parcels_warn(provider):
    far = "POLYGON((1086010 3787010, 1086050 3787010, 1086050 3787022, 1086010 3787022, 1086010 3787010))"
    fb = Capture()
    run("parcelindicators", indicator_params(parcels(), buildings([(far, ["residential", 6])])), feedback=fb)
    assert "do not overlap" in fb.text


def test_cancelled_setbacks_return_nothing_and_leave_no_file(provider, tmp_path):
    b = two_buildings()
    out = tmp_path / "exact.gpkg"
    fb = Capture(cancel_after=3)
    res = run("sunlightsetbacks", {"BUILDINGS": b, "FLOORS_FIELD": "floors", "RESIDENTIAL": "", "YEAR": 2026,
                                   "RESOLUTION": 0.5, "OUTPUT_ZONES": str(tmp_path / "zones.gpkg"),
                                   "OUTPUT_EXACT": str(out), "OUTPUT_CHECKS": str(tmp_path / "checks.gpkg")}, feedback=fb)
    assert res == {} or not any(v for v in res.values())
    assert not out.exists() and not (tmp_path / "zones.gpkg").exists()


def test_failed_run_removes_its_partial_geopackage(provider, tmp_path):
    out = tmp_path / "w.gpkg"
    with pytest.raises(QgsProcessingException):
        run("windowsunlight", window_params(two_buildings(), WINDOWS=_windows(-1.0), WINDOW_Z_FIELD="z",
                                            WINDOW_FACING_FIELD="facing", OUTPUT_WINDOWS=str(out)))
    assert not out.exists()


# ---------------------------------------------------------------------------------------------
# base/floor tables and the report
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("rows, pattern", [
    ("mid1,nan", r"'nan' is not a number|nan is not an open-space ratio"),
    ("mid1,inf", r"is not an open-space ratio"),
    ("mid1,-0.5", r"-0.5 is not an open-space ratio"),
    ("mid1,1e308", r"1e\+?308 is not an open-space ratio"),
    ("mid1,0.5\nmid1,0.6", r"category 'mid1' appears twice"),
    ("", r"has no rows"),
    ("villa,0.5", r"unknown category 'villa'"),
])
def test_bad_base_tables(provider, sample_path, tmp_path, rows, pattern):
    csv = tmp_path / "bases.csv"
    csv.write_text("category,base\n" + rows + ("\n" if rows else ""), encoding="utf-8")
    table = QgsVectorLayer(f"file://{csv}?delimiter=,&detectTypes=no", "bases", "delimitedtext")
    assert table.isValid()
    with pytest.raises(QgsProcessingException, match=pattern):
        run("openspaceratio", {"PARCELS": parcels(), "BUILDINGS": two_buildings(), "FLOORS_FIELD": "floors",
                               "RESIDENTIAL": "", "BASE_METHOD": 3, "BASE_TABLE": table, "TABLE_CATEGORY": "category",
                               "TABLE_BASE": "base", "OUTPUT": "memory:", "OUTPUT_TABLE": "memory:"})


def test_table_without_the_base_column_is_named(provider, tmp_path):
    csv = tmp_path / "bases.csv"
    csv.write_text("category,value\nmid1,0.5\n", encoding="utf-8")
    table = QgsVectorLayer(f"file://{csv}?delimiter=,", "bases", "delimitedtext")
    with pytest.raises(QgsProcessingException, match=r"has no field 'base' \(its fields: category, value\)"):
        run("openspaceratio", {"PARCELS": parcels(), "BUILDINGS": two_buildings(), "FLOORS_FIELD": "floors",
                               "RESIDENTIAL": "", "BASE_METHOD": 3, "BASE_TABLE": table, "TABLE_CATEGORY": "category",
                               "TABLE_BASE": "base", "OUTPUT": "memory:", "OUTPUT_TABLE": "memory:"})


def _osr_like_layer(base_count_text):
    fields = ("parcel_id:string&field=osr:double&field=osr_floor:double&field=osr_base:double&field=class:string"
              "&field=cat_code:string&field=category:string&field=short_base:double&field=short_floor:double"
              "&field=base_count:string&field=avg_floors:double")
    return memory_polygons("osr", fields, [(SQ, ["<b>p1</b>", 0.3, 0.4, 0.5, "below", "mid1", "多层Ⅰ类", 100.0, 50.0,
                                                base_count_text, 5.0])])


def test_report_escapes_every_layer_value(provider, tmp_path):
    html_path = tmp_path / "r.html"
    run("compliancereport", {"OSR_LAYER": _osr_like_layer("<script>alert(1)</script>"), "OUTPUT_HTML": str(html_path)})
    text = html_path.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in text and "<b>p1</b>" not in text


def test_report_to_an_unwritable_path_is_refused(provider, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"Cannot write the HTML report .*folder does not exist"):
        run("compliancereport", {"OSR_LAYER": _osr_like_layer("3"), "OUTPUT_HTML": str(tmp_path / "no" / "r.html")})
    assert not os.path.exists(tmp_path / "no")


def test_duplicated_buildings_warn_and_cover_the_ground_once(provider):
    fb = Capture()
    b = buildings([(B1, ["residential", 6]), (B1, ["residential", 6])])
    f = next(run("parcelindicators", indicator_params(parcels(), b), feedback=fb)["OUTPUT"].getFeatures())
    assert f["density"] == pytest.approx(0.048, rel=1e-3)
    assert "1 pair(s) of footprints overlap (1/2)" in fb.text
