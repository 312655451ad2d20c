"""make demo's script runs end to end: styled GeoPackage, a real PNG map, a summary table."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_demo(tmp_path):
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "demo.py"), str(tmp_path)],
                          capture_output=True, text=True, timeout=600, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "XA-18    高层Ⅰ类" in proc.stdout and "Traceback" not in proc.stderr
    from osgeo import ogr

    ds = ogr.Open(str(tmp_path / "sunspace_demo.gpkg"))
    assert ds.GetLayerByName("parcel_indicators").GetFeatureCount() == 21
    styles = ds.ExecuteSQL("SELECT f_table_name, useAsDefault, styleQML FROM layer_styles")
    rows = [(f.GetField(0), f.GetField(1), f.GetField(2)) for f in styles]
    defaults = [r for r in rows if r[0] == "parcel_indicators" and r[1]]
    assert len(defaults) == 1 and "categorizedSymbol" in defaults[0][2]

    names = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    assert {"parcel_indicators", "window_sunlight", "building_sunlight", "parcel_sunlight", "setback_zones",
            "exact_setbacks", "spacing_checks", "shadow_line", "isochrones", "open_space_ratio", "osr_values", "far_caps",
            "indicator_ranges"} <= names
    styled = {r[0] for r in rows}
    assert names - {"layer_styles", "osr_values"} <= styled
    assert "meet 大寒日 ≥ 2 h" in proc.stdout
    assert "<svg" in (tmp_path / "compliance_report.html").read_text(encoding="utf-8")
    assert (tmp_path / "compliance_report.pdf").stat().st_size > 5000
    assert "Basis of the check" in (tmp_path / "compliance_check.html").read_text(encoding="utf-8")
    assert (tmp_path / "compliance_check.pdf").stat().st_size > 5000
    for png in ("window_sunlight.png", "setbacks.png", "compliance.png"):
        assert (tmp_path / png).stat().st_size > 50_000
    assert (tmp_path / "ground_sunlight_hours.tif").exists()
    # the indicator list (a CSV with the zones and categories) and the rule-index map
    import csv

    with open(tmp_path / "indicator_list.csv", encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    assert {r["zone"] for r in table} == {"new", "old"} and any(r["category"] == "高层Ⅰ类" for r in table)
    assert all(float(r["std_hours"]) == (1.0 if r["zone"] == "old" else 2.0) for r in table)
    assert (tmp_path / "rule_index.png").stat().st_size > 50_000
    ranges = ds.GetLayerByName("indicator_ranges")
    zones = {f.GetField("parcel_id"): f.GetField("zone") for f in ranges}
    assert len(zones) == 21 and zones["XA-18"] == "old" and zones["XA-13"] == "old" and zones["XA-01"] == "new"
    from qgis.PyQt.QtGui import QImage

    img = QImage(str(tmp_path / "parcels_by_category.png"))
    assert img.width() > 1000 and img.height() > 800
    # the map is coloured: the high-rise III brown (#8c2d04) of the category style is on the page
    colours = {img.pixelColor(x, y).name() for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
    assert "#8c2d04" in colours and "#fee391" in colours
