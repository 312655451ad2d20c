"""Zones, east-west parcels, indicator ranges and the rule-index map in real QGIS (paper 003 sections 2 and 4.2)."""
import csv

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from qgis_helpers import memory_polygons

RES = "\"use\" = 'residential'"


def lyr(path, name):
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


def run(alg, params):
    from qgis import processing

    return processing.run(f"sunspace:{alg}", params)


def common(sample_path):
    return {"PARCELS": lyr(sample_path, "parcels"), "BUILDINGS": lyr(sample_path, "buildings"), "FLOORS_FIELD": "floors",
            "RESIDENTIAL": RES, "GREEN": lyr(sample_path, "green"), "YEAR": 2026}


def by_id(layer):
    return {f["parcel_id"]: f for f in layer.getFeatures()}


def test_old_area_lowers_floor_and_raises_far_caps(provider, sample_path):
    zones = {"ZONE_FIELD": "parcel_id", "ZONE_OLD": "XA-18，XA-13", "ZONE_HISTORIC": "XA-02"}
    plain = by_id(run("openspaceratio", dict(common(sample_path), OUTPUT="memory:", OUTPUT_TABLE="memory:"))["OUTPUT"])
    zoned = by_id(run("openspaceratio", dict(common(sample_path), OUTPUT="memory:", OUTPUT_TABLE="memory:", **zones))["OUTPUT"])
    assert plain["XA-18"]["zone"] == "new" and plain["XA-18"]["std_hours"] == 2.0 and plain["XA-18"]["mp"] == 0.5
    for pid in ("XA-18", "XA-13", "XA-02"):
        z = zoned[pid]
        assert z["zone"] == ("historic" if pid == "XA-02" else "old")
        assert z["std_hours"] == 1.0 and z["std_day"] == "大寒" and z["mp"] == 0.35
        # c = m (1 + r) MP / (3 EP) with MP 0.35 (GB 50180-2018 4.0.7, old-area renewal)
        assert z["c"] == pytest.approx(12 * 1.15 * 0.35 / 90)
        # a 1 h standard allows denser rows and less green: a lower floor value on the same parcel
        assert z["db_max"] > plain[pid]["db_max"]
        assert z["osr_floor"] < plain[pid]["osr_floor"] - 0.01, pid
        assert z["osr"] == plain[pid]["osr"]
    # new-area parcels keep their values
    assert zoned["XA-01"]["zone"] == "new" and zoned["XA-01"]["osr_floor"] == pytest.approx(plain["XA-01"]["osr_floor"])
    far_params = dict(common(sample_path), AF_SOURCE=0, OUTPUT="memory:")
    caps = by_id(run("greenfarcap", far_params)["OUTPUT"])
    caps_z = by_id(run("greenfarcap", dict(far_params, **zones))["OUTPUT"])
    for pid in ("XA-18", "XA-13"):
        assert caps_z[pid]["f_max"] > caps[pid]["f_max"] + 0.05, pid
        assert caps_z[pid]["green_req"] == pytest.approx(0.35 / 0.5 * caps[pid]["green_req"])
    assert caps_z["XA-01"]["f_max"] == pytest.approx(caps["XA-01"]["f_max"])
    with pytest.raises(QgsProcessingException, match="both for old-area renewal and for the historic city"):
        run("openspaceratio", dict(common(sample_path), OUTPUT="memory:", OUTPUT_TABLE="memory:", ZONE_FIELD="parcel_id",
                                   ZONE_OLD="XA-01", ZONE_HISTORIC="XA-01"))
    with pytest.raises(QgsProcessingException, match="no zone field"):
        run("openspaceratio", dict(common(sample_path), OUTPUT="memory:", OUTPUT_TABLE="memory:", ZONE_OLD="XA-01"))


def slab(x, y, length, depth, ns=False):
    w, h = (depth, length) if ns else (length, depth)
    return f"POLYGON(({x} {y}, {x + w} {y}, {x + w} {y + h}, {x} {y + h}, {x} {y}))"


def scene():
    """Two 200 m x 200 m parcels: A with three 10-storey slabs running north-south (homes facing east and west),
    B with two 10-storey slabs running east-west (facing south), both with ample green."""
    x0, y0 = 586000, 3787000
    parcels = memory_polygons("scene parcels", "pid:string", [
        (slab(x0, y0, 200, 200), ["A"]), (slab(x0 + 300, y0, 200, 200), ["B"])])
    blds = memory_polygons("scene buildings", "floors:integer&field=use:string", [
        (slab(x0 + 20, y0 + 60, 60, 12, ns=True), [10, "residential"]),
        (slab(x0 + 90, y0 + 60, 60, 12, ns=True), [10, "residential"]),
        (slab(x0 + 160, y0 + 60, 60, 12, ns=True), [10, "residential"]),
        (slab(x0 + 370, y0 + 20, 60, 12), [10, "residential"]),
        (slab(x0 + 370, y0 + 150, 60, 12), [10, "residential"]),
    ])
    green = memory_polygons("scene green", "g:integer", [(slab(x0 + 10, y0 + 140, 180, 50), [1]),
                                                          (slab(x0 + 310, y0 + 50, 60, 90), [1])])
    return parcels, blds, green


def test_east_west_parcel_is_flagged_and_left_out_of_the_base(provider):
    parcels, blds, green = scene()
    params = {"PARCELS": parcels, "BUILDINGS": blds, "FLOORS_FIELD": "floors", "RESIDENTIAL": RES, "GREEN": green,
              "YEAR": 2026, "OUTPUT": "memory:", "OUTPUT_TABLE": "memory:"}
    out = {f["pid"]: f for f in run("openspaceratio", params)["OUTPUT"].getFeatures()}
    a, b = out["A"], out["B"]
    assert a["cat_code"] == b["cat_code"] == "high1"
    assert a["ew_share"] == pytest.approx(1.0) and a["ew_flag"] == 1
    assert b["ew_share"] == pytest.approx(0.0) and b["ew_flag"] == 0
    # A meets the sunlight and green tests (its south ends face open ground) yet is not in the base sample
    assert a["sun_ok"] == 1 and a["green_ok"] == 1 and a["eligible"] == 0
    assert b["eligible"] == 1 and b["base_count"] == 1 and b["osr_base"] == pytest.approx(b["osr"])
    # with the threshold at 100 % nothing is east-west and A joins the base sample
    loose = {f["pid"]: f for f in run("openspaceratio", dict(params, EW_SHARE=100))["OUTPUT"].getFeatures()}
    assert loose["A"]["ew_flag"] == 0 and loose["A"]["eligible"] == 1 and loose["B"]["base_count"] == 2
    assert loose["B"]["osr_base"] == pytest.approx((a["osr"] + b["osr"]) / 2)
    # a 30-degree threshold does not change a 90-degree turn; rotating the threshold past 90 is refused
    far = {f["pid"]: f for f in run("greenfarcap", {k: v for k, v in params.items() if k != "OUTPUT_TABLE"})["OUTPUT"]
           .getFeatures()}
    assert far["A"]["ew_flag"] == 1 and far["B"]["ew_flag"] == 0


def test_indicator_ranges_table_parcels_and_map(provider, sample_path, tmp_path):
    table = tmp_path / "list.csv"
    png = tmp_path / "rules.png"
    res = run("indicatorranges", dict(common(sample_path), ZONE_FIELD="parcel_id", ZONE_OLD="XA-18,XA-13",
                                      OUTPUT="memory:", OUTPUT_TABLE=str(table), OUTPUT_MAP=str(png)))
    rows = list(csv.DictReader(open(res["OUTPUT_TABLE"], encoding="utf-8")))
    key = {(r["zone"], r["cat_code"], r["form"]): r for r in rows}
    assert {r["zone"] for r in rows} == {"new", "old"}
    for cat in ("low", "mid1", "mid2", "high1", "high2", "high3"):
        for form in ("slab", "tower"):
            new, old = key[("new", cat, form)], key[("old", cat, form)]
            # the old-area zone lowers the floor value and raises the FAR it allows
            assert float(old["floor_lo"]) < float(new["floor_lo"]) and float(old["far_fl_hi"]) > float(new["far_fl_hi"])
            n_lo, n_hi = int(new["n_min"]), int(new["n_max"])
            assert float(new["h_max"]) == pytest.approx(3.0 * n_hi)
            # at the category's top floors the floor value's FAR cap is 1 / (f + 1/n) with the smallest f ...
            assert float(new["far_fl_hi"]) == pytest.approx(1 / (float(new["floor_lo"]) + 1 / n_hi), rel=1e-6)
            # ... and equals paper 004's green-space cap F_max (one limit, two papers)
            assert float(new["fmax_hi"]) == pytest.approx(float(new["far_fl_hi"]), rel=1e-6)
            if new["base"]:
                b = float(new["base"])
                assert float(new["db_bs_hi"]) == pytest.approx(1 / (1 + n_lo * b))
                assert float(new["far_bs_lo"]) == pytest.approx(1 / (b + 1 / n_lo))
    assert (key[("new", "low", "slab")]["n_min"], key[("new", "high3", "slab")]["n_max"]) == ("1", "33")
    parcels = by_id(res["OUTPUT"])
    for pid, f in parcels.items():
        if f["cat_code"] == "none":
            continue
        n, dens, floor = f["avg_floors"], f["density"], f["osr_floor"]
        # the caps reproduce the floor value when substituted back into OSR = (1 - DB) / FAR
        assert (1 - f["db_cap_fl"]) / (n * f["db_cap_fl"]) == pytest.approx(floor)
        assert f["far_cap_fl"] == pytest.approx(n * f["db_cap_fl"])
        assert f["d_far_fl"] == pytest.approx(f["far"] - f["far_cap_fl"])
        # a parcel below its floor value is above its FAR cap and its density cap, and the other way round
        assert (f["osr"] < floor) == (f["d_db_fl"] > 0), pid
        if f["osr_base"] is not None and f["osr_base"] == f["osr_base"]:
            assert f["n_cap_bs"] == pytest.approx((1 - dens) / (dens * f["osr_base"]))
        assert f["far_range"] and f["rule_key"] == f"{f['zone']}|{f['cat_code']}"
    assert parcels["XA-09"]["d_far_fl"] > 0  # the sunlight breaker sits above its allowed FAR
    assert parcels["XA-18"]["far_cap_fl"] > run_plain_cap(sample_path, "XA-18")
    assert png.stat().st_size > 20000
    from qgis.PyQt.QtGui import QImage

    assert not QImage(str(png)).isNull()


def run_plain_cap(sample_path, pid):
    out = run("indicatorranges", dict(common(sample_path), OUTPUT="memory:", OUTPUT_TABLE="memory:"))
    return by_id(out["OUTPUT"])[pid]["far_cap_fl"]


def test_indicator_ranges_pdf_and_bad_map_file(provider, sample_path, tmp_path):
    one = QgsVectorLayer(f"{sample_path}|layername=parcels|subset=\"parcel_id\" IN ('XA-01', 'XA-18')", "two", "ogr")
    pdf = tmp_path / "rules.pdf"
    res = run("indicatorranges", dict(common(sample_path), PARCELS=one, OUTPUT="memory:", OUTPUT_TABLE="memory:",
                                      OUTPUT_MAP=str(pdf)))
    assert pdf.read_bytes()[:4] == b"%PDF" and res["OUTPUT_MAP"] == str(pdf)
    with pytest.raises(QgsProcessingException, match="must be a .png or .pdf file"):
        run("indicatorranges", dict(common(sample_path), PARCELS=one, OUTPUT="memory:", OUTPUT_TABLE="memory:",
                                    OUTPUT_MAP=str(tmp_path / "rules.svg")))


def test_indicator_list_as_xlsx(provider, sample_path, tmp_path):
    """The indicator list through the sink as a spreadsheet (issue 12: CSV/XLSX), same rows as the CSV."""
    from qgis.core import QgsVectorLayer

    xlsx = tmp_path / "list.xlsx"
    res = run("indicatorranges", dict(common(sample_path), ZONE_FIELD="parcel_id", ZONE_OLD="XA-18",
                                      OUTPUT="memory:", OUTPUT_TABLE=str(xlsx)))
    sheet = QgsVectorLayer(res["OUTPUT_TABLE"], "list", "ogr")
    assert xlsx.exists() and sheet.isValid() and sheet.featureCount() > 0
    names = sheet.fields().names()
    assert {"zone", "cat_code", "form", "floor_lo", "far_fl_hi"} <= set(names)
    assert {f["zone"] for f in sheet.getFeatures()} == {"new", "old"}
