"""sunspace:compliancecheck and sunspace:basevalues in real QGIS on the sample district."""
import os
import shutil
import subprocess

import pytest
from qgis.core import NULL, QgsProject, QgsVectorLayer

RES = "\"use\" = 'residential'"


def lyr(path, name):
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


def common(sample_path):
    return {"PARCELS": lyr(sample_path, "parcels"), "BUILDINGS": lyr(sample_path, "buildings"), "FLOORS_FIELD": "floors",
            "RESIDENTIAL": RES, "GREEN": lyr(sample_path, "green"), "ROADS": lyr(sample_path, "roads"),
            "ROAD_WIDTH_FIELD": "width", "YEAR": 2026}


def pdf_text(path):
    exe = shutil.which("pdftotext")
    if exe is None:  # scripts/bootstrap.sh installs it: in CI its absence is a failure, not a skip
        (pytest.fail if os.environ.get("CI") else pytest.skip)("pdftotext (poppler-utils) not installed")
    return subprocess.run([exe, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


@pytest.fixture(scope="module")
def check(qgis_processing, tmp_path_factory, sample_path):
    from qgis import processing
    from qgis.core import QgsApplication

    from sunspace.algorithms.provider import SunSpaceProvider

    reg = QgsApplication.processingRegistry()
    prov = None
    if reg.providerById("sunspace") is None:
        prov = SunSpaceProvider()
        reg.addProvider(prov)
    out = tmp_path_factory.mktemp("check")
    res = processing.run("sunspace:compliancecheck", dict(
        common(sample_path), DISTRICT="Xi'an sample", OUTPUT=str(out / "parcels.gpkg"),
        OUTPUT_BUILDINGS=str(out / "buildings.gpkg"), OUTPUT_TABLE=str(out / "table.gpkg"),
        OUTPUT_HTML=str(out / "report.html"), OUTPUT_PDF=str(out / "report.pdf")))
    yield res, out
    if prov is not None:
        reg.removeProvider(prov)


# Golden values of the sample district (default parameters, 大寒日 2026, base values derived from the input):
# parcel -> (OSR, floor value, base value, class). Reviewed against the README: the sunlight breakers XA-04 and
# XA-09 fall below base (XA-09 below its floor value), the green breakers XA-05/12/16 are not eligible.
GOLDEN = {
    'XA-01': (1.222, 0.526, 1.404, 'between'),
    'XA-02': (1.251, 0.541, 1.251, 'base'),
    'XA-03': (1.206, 0.503, 1.251, 'between'),
    'XA-04': (0.571, 0.526, 1.404, 'between'),
    'XA-05': (0.66, 0.518, 0.776, 'between'),
    'XA-06': (0.776, 0.52, 0.776, 'base'),
    'XA-07': (0.736, 0.519, 1.511, 'between'),
    'XA-08': (0.359, 0.358, 1.511, 'between'),
    'XA-09': (0.389, 0.515, 1.511, 'below'),
    'XA-10': (0.389, 0.342, 0.424, 'between'),
    'XA-11': (0.424, 0.512, 0.424, 'below'),
    'XA-12': (0.344, 0.339, 0.424, 'between'),
    'XA-13': (0.306, 0.327, None, 'below'),
    'XA-14': (0.62, 0.442, 1.511, 'between'),
    'XA-15': (5.297, None, None, 'nodata'),
    'XA-16': (0.269, 0.324, None, 'below'),
    'XA-17': (1.586, 0.529, 1.404, 'base'),
    'XA-18': (0.641, 0.519, 1.511, 'between'),  # its shop overlaps a slab by 100 m2: that ground counts once
    'XA-19': (2.287, 0.401, 1.511, 'base'),
    'XA-20': (0.528, 0.368, 1.511, 'between'),
    'XA-21': (0.368, 0.403, None, 'below'),
}


def test_chain_outputs_and_fields(check):
    res, out = check
    parcels = {f["parcel_id"]: f for f in QgsVectorLayer(res["OUTPUT"], "p", "ogr").getFeatures()}
    assert len(parcels) == 21
    f = parcels["XA-18"]
    # upstream fields kept, indicators once, every step's fields in one layer
    for name in ("parcel_id", "name", "landuse", "osr", "far", "osr_floor", "osr_base", "class", "n_fail_win",
                 "xs_gfa_base", "short_base", "far_base", "provisional", "floor_gt_base", "f_max", "far_class", "green_chk"):
        assert name in f.fields().names(), name
    assert f["osr"] == pytest.approx((24000 - 3180) / 32480, rel=5e-4)  # 100 m2 of overlapping footprints counted once
    # derived from the input: fewer than 5 eligible parcels per category, all provisional
    assert all(p["provisional"] == 1 for p in parcels.values() if p["cat_code"] != "none")
    # shortfalls never exceed what the parcel could provide
    for p in parcels.values():
        if p["short_base"] != NULL:
            assert p["short_base"] <= p["area_m2"] - p["open_m2"] + 1e-6
        if p["fix_base"] == "floor area must drop":
            assert p["short_base"] == NULL and p["osr_base"] * p["gfa_m2"] > p["area_m2"]
    buildings = list(QgsVectorLayer(res["OUTPUT_BUILDINGS"], "b", "ogr").getFeatures())
    assert len(buildings) == 198
    assert sum(b["win_fail"] for b in buildings) == sum(p["n_fail_win"] for p in parcels.values())
    table = {t["cat_code"]: t for t in QgsVectorLayer(res["OUTPUT_TABLE"], "t", "ogr").getFeatures()}
    assert set(table) >= {"low", "mid1", "mid2", "high1", "high2", "high3"}


def test_golden_values(check):
    res, _ = check
    parcels = {f["parcel_id"]: f for f in QgsVectorLayer(res["OUTPUT"], "p", "ogr").getFeatures()}
    got = {k: (f["osr"], f["osr_floor"], f["osr_base"], f["class"]) for k, f in parcels.items()}
    assert set(GOLDEN) == set(got)
    for k, (osr, floor, base, cls) in GOLDEN.items():
        g = got[k]
        assert g[0] == pytest.approx(osr, abs=1e-3), k
        assert (g[1] == NULL and floor is None) or g[1] == pytest.approx(floor, abs=5e-3), k
        assert (g[2] == NULL and base is None) or g[2] == pytest.approx(base, abs=5e-3), k
        assert g[3] == cls, k


def test_report_pdf_has_basis_and_tables(check):
    res, out = check
    html = (out / "report.html").read_text(encoding="utf-8")
    text = pdf_text(out / "report.pdf")
    assert pdf_pages(out / "report.pdf") >= 5
    for needle in ("Basis of the check", "GB 50180-2018 4.0.9", "declination", "Counting rules", "8–16 h",
                   "Floor height", "c = 0.0", "Model buildings", "Base values", "EPSG:4545", "Xi'an sample",
                   "Floor and base values by category", "Parcels below their base or floor value",
                   "Sunlight: south windows failing", "FAR caps and concentrated green", "PROVISIONAL", "XA-09"):
        assert needle in text, needle
        assert needle.replace("'", "&#x27;") in html or needle in html, needle
    # the layout is in the project's Layout Manager
    assert any(l.name().startswith("SunSpace: ") for l in QgsProject.instance().layoutManager().printLayouts())


def test_basevalues_table_feeds_the_check(qgis_processing, provider, sample_path, tmp_path):
    from qgis import processing

    bv = processing.run("sunspace:basevalues", dict(common(sample_path), OUTPUT=str(tmp_path / "base.gpkg")))
    table = QgsVectorLayer(bv["OUTPUT"], "base", "ogr")
    rows = {f["cat_code"]: f for f in table.getFeatures()}
    h = rows["high1"]
    assert h["base_count"] >= 1 and h["base"] == pytest.approx(h["mean"]) and h["provisional"] == 1
    assert h["ci_method"].startswith("Student-t")
    if h["base_count"] >= 2:
        assert h["ci_low"] < h["mean"] < h["ci_high"]
    assert h["n_slab"] + h["n_tower"] <= h["base_count"] + 0
    res = processing.run("sunspace:openspaceratio", dict(
        common(sample_path), BASE_METHOD=3, BASE_TABLE=table, TABLE_CATEGORY="cat_code", TABLE_BASE="base",
        OUTPUT="memory:", OUTPUT_TABLE="memory:"))
    p = {f["parcel_id"]: f for f in res["OUTPUT"].getFeatures()}
    assert p["XA-18"]["osr_base"] == pytest.approx(h["base"]) and p["XA-18"]["base_count"] == h["base_count"]
    assert p["XA-18"]["provisional"] == 1  # carried from the table


def test_report_in_chinese_with_a_chinese_ui(check, tmp_path):
    from qgis import processing
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    res, _ = check
    translator = QTranslator()
    assert translator.load(os.path.join(os.path.dirname(os.path.dirname(__file__)), "i18n", "sunspace_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        out = processing.run("sunspace:compliancereport", {"OSR_LAYER": QgsVectorLayer(res["OUTPUT"], "p", "ogr"),
                                                            "OUTPUT_HTML": str(tmp_path / "zh.html"),
                                                            "OUTPUT_PDF": str(tmp_path / "zh.pdf")})
    finally:
        QCoreApplication.removeTranslator(translator)
    text = open(out["OUTPUT_HTML"], encoding="utf-8").read()
    assert 'lang="zh-CN"' in text and "检查依据" in text and "各类别的底线值与基础值" in text
    assert "Basis of the check" not in text
    assert "检查依据" in pdf_text(tmp_path / "zh.pdf")
    # zones and east-west parcels in Chinese too (the layer carries the zone fields)
    assert "分区地块汇总" in text and "<td>新建区</td>" in text and "东西向地块（不计入基础值，0 块）" in text
    assert "分区地块汇总" in pdf_text(tmp_path / "zh.pdf")


def test_cancel_mid_chain_writes_nothing(qgis_processing, provider, sample_path, tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    seen = []

    def progress(value):
        seen.append(value)
        if value >= 50:  # in the middle of the chain (one progress bar over the five steps)
            feedback.cancel()

    feedback.progressChanged.connect(progress)
    res = processing.run("sunspace:compliancecheck", dict(
        common(sample_path), OUTPUT=str(tmp_path / "p.gpkg"), OUTPUT_BUILDINGS=str(tmp_path / "b.gpkg"),
        OUTPUT_TABLE=str(tmp_path / "t.gpkg"), OUTPUT_HTML=str(tmp_path / "r.html")), feedback=feedback)
    assert not res.get("OUTPUT_HTML")
    assert not any(os.path.exists(tmp_path / n) for n in ("p.gpkg", "b.gpkg", "t.gpkg", "r.html"))
    assert max(seen) >= 50  # the run was under way when cancelled


@pytest.fixture(scope="module")
def zoned(check, tmp_path_factory, sample_path):
    from qgis import processing

    out = tmp_path_factory.mktemp("zoned")
    res = processing.run("sunspace:compliancecheck", dict(
        common(sample_path), DISTRICT="Xi'an sample", ZONE_FIELD="parcel_id", ZONE_OLD="XA-13, XA-18",
        OUTPUT=str(out / "parcels.gpkg"), OUTPUT_BUILDINGS=str(out / "buildings.gpkg"),
        OUTPUT_TABLE=str(out / "table.gpkg"), OUTPUT_HTML=str(out / "report.html"), OUTPUT_PDF=str(out / "report.pdf")))
    return res, out


def test_report_states_zones_and_rule_index(zoned):
    from sunspace.core.ranges import far_cap_osr

    res, out = zoned
    parcels = {f["parcel_id"]: f for f in QgsVectorLayer(res["OUTPUT"], "p", "ogr").getFeatures()}
    assert {k for k, f in parcels.items() if f["zone"] == "old"} == {"XA-13", "XA-18"}
    assert parcels["XA-18"]["std_hours"] == 1.0 and parcels["XA-18"]["mp"] == pytest.approx(0.35)
    ew = sorted(k for k, f in parcels.items() if f["ew_flag"] == 1)
    html = (out / "report.html").read_text(encoding="utf-8")
    text = pdf_text(out / "report.pdf")
    # the basis: the zone field, the values mapped, each zone's standard and MP
    for needle in ("Zones", "field 'parcel_id': old-area renewal = XA-13, XA-18", "Zone: Old-area renewal",
                   "Zone: New area", "Zone: Historic city", "MP 0.35 m²/person; 2 parcel(s)", "MP 0.5 m²/person; 19 parcel(s)",
                   "Parcels by zone", "East-west parcels, left out of the base values ({n})".format(n=len(ew)),
                   "Rule-index map of residential parcels",
                   "Rule-index map: FAR allowed by the floor and base values, per zone and category"):
        assert needle in html.replace("&#x27;", "'"), needle
        assert needle in text, needle
    assert "<th>FAR allowed by the floor value</th>" in html and "<th>FAR allowed by the base value</th>" in html
    # the per-zone summary: old area 2 parcels, their classes add up
    old_row = html.split("<td>Old-area renewal</td>")[1].split("</tr>")[0]
    cells = [c.split("</td>")[0] for c in old_row.split("<td>")[1:]]
    assert cells[0] == "大寒 ≥ 1 h" and cells[1] == "0.35" and cells[2] == "2"
    assert sum(int(c) for c in cells[3:7]) == 2
    # east-west parcels listed with their share, and said to be left out of the base values
    for k in ew:
        assert f"<td>{k}</td>" in html and f"{parcels[k]['ew_share'] * 100:.0f}" in html
        assert parcels[k]["eligible"] == 0
    if ew:
        assert "are left out of the base values" in html
    # the indicator table: the base value's FAR range for XA-18's category in the old area, from 1 / (f + 1/n)
    f18 = parcels["XA-18"]
    from sunspace.core.ranges import category_floors

    lo, hi = category_floors(f18["cat_code"])
    far_lo, far_hi = far_cap_osr(f18["osr_base"], lo), far_cap_osr(f18["osr_base"], hi)
    row = f"<td>Old-area renewal</td><td>{f18['category']}</td><td>{lo}–{hi}</td>"
    assert row in html
    assert f"<td>{far_lo:.2f}–{far_hi:.2f}</td>" in html.split(row)[1].split("</tr>")[0]
    assert pdf_pages(out / "report.pdf") >= 8


def test_east_west_parcels_listed_with_share(qgis_app):
    """The sample's slabs all turn 8° from grid north: east-west rows are made here, the report table reads them."""
    from sunspace.algorithms.report import zone_tables

    rows = [{"parcel_id": "A", "zone": "new", "std_day": "大寒", "std_hours": 2.0, "mp": 0.5, "class": "base", "ew_flag": 0,
             "ew_share": 0.1, "category": "高层Ⅰ类", "osr": 0.5},
            {"parcel_id": "B", "zone": "old", "std_day": "大寒", "std_hours": 1.0, "mp": 0.35, "class": "below", "ew_flag": 1,
             "ew_share": 0.734, "category": "高层Ⅲ类", "osr": 0.3}]
    tables, notes = zone_tables(rows)
    (t1, _, zone_rows), (t2, cols, ew_rows) = tables
    assert t1 == "Parcels by zone"
    assert zone_rows == [["New area", "大寒 ≥ 2 h", "0.5", "1", "1", "0", "0", "0", "0"],
                         ["Old-area renewal", "大寒 ≥ 1 h", "0.35", "1", "0", "0", "1", "0", "1"]]
    assert t2 == "East-west parcels, left out of the base values (1)"
    assert ew_rows == [["B", "Old-area renewal", "高层Ⅲ类", "73", "0.300", "below floor"]]
    assert len(notes) == 1 and "(B)" in notes[0] and "left out of the base values" in notes[0]
    assert zone_tables([{"parcel_id": "A", "osr": 0.5}]) == ([], [])
