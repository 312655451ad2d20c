"""The real command-line client: qgis_process.bin with QGIS_PLUGINPATH finds and runs SunSpace.

Debian's /usr/bin/qgis_process wrapper passes --noversioncheck, which QGIS 3.22 rejects,
so the binary is called directly.
"""
import json
import os
import re
import shutil
import subprocess
import sysconfig

import pytest

QGIS_PROCESS = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"
pytestmark = pytest.mark.skipif(not os.path.exists(QGIS_PROCESS), reason="qgis_process.bin not installed")


def qp(args, plugin_path, tmp_path, lang="C.UTF-8"):
    # qgis_process.bin runs the system Python: give it the venv's shapely 2 / pyproj, as a user
    # installs them into QGIS's Python.
    site = sysconfig.get_paths()["purelib"]
    env = dict(os.environ, QGIS_PLUGINPATH=plugin_path, PYTHONPATH=os.pathsep.join([site, os.environ.get("PYTHONPATH", "")]), QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_RUNTIME_DIR=os.environ.get("XDG_RUNTIME_DIR", str(tmp_path)))
    # the test's own QGIS profile folder (not the one pytest-qgis gives the test session)
    env.pop("QGIS_OPTIONS_PATH", None)
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(tmp_path / "qgis-config")
    # the system locale (QGIS's language when its profile does not override it): English unless a test asks
    env.pop("LANGUAGE", None)
    env.update(LANG=lang, LC_ALL=lang, LC_MESSAGES=lang)
    proc = subprocess.run([QGIS_PROCESS] + args, env=env, capture_output=True, text=True, timeout=300)
    return proc


def enable(plugin_path, tmp_path):
    proc = qp(["plugins", "enable", "sunspace"], plugin_path, tmp_path)
    assert proc.returncode == 0 or "already enabled" in proc.stderr, proc.stderr + proc.stdout


def chinese_profile(tmp_path):
    """Set QGIS's interface language to Chinese as Settings > Options > General does: the profile's QGIS3.ini
    (qgis_process reads the default profile of QGIS_CUSTOM_CONFIG_PATH, see qp) gets [locale] userLocale=zh_CN
    and overrideFlag=true."""
    ini = tmp_path / "qgis-config" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    assert ini.exists(), "enable() writes the profile first"
    text = ini.read_text(encoding="utf-8")
    assert "[locale]" not in text
    ini.write_text(text.rstrip("\n") + "\n\n[locale]\nuserLocale=zh_CN\noverrideFlag=true\n", encoding="utf-8")


def test_list_and_run(plugin_path, sample_path, tmp_path):
    enable(plugin_path, tmp_path)
    listed = qp(["list"], plugin_path, tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "sunspace:parcelindicators" in listed.stdout

    out = tmp_path / "indicators.gpkg"
    run = qp(["run", "sunspace:parcelindicators", "--json", "--",
              f"PARCELS={sample_path}|layername=parcels", f"BUILDINGS={sample_path}|layername=buildings",
              "FLOORS_FIELD=floors", "RESIDENTIAL=\"use\" = 'residential'", f"GREEN={sample_path}|layername=green",
              f"OUTPUT={out}"], plugin_path, tmp_path)
    assert run.returncode == 0, run.stderr + run.stdout
    result = json.loads(run.stdout[run.stdout.index("{"):])
    assert os.path.exists(out) and result["results"]["OUTPUT"]

    from osgeo import ogr

    ds = ogr.Open(str(out))
    lyr = ds.GetLayer(0)
    rows = {f.GetField("parcel_id"): f for f in lyr}
    assert len(rows) == 21
    assert rows["XA-18"].GetField("osr") == pytest.approx((24000 - 3180) / 32480, rel=5e-4)  # 100 m2 of overlap counted once
    assert rows["XA-18"].GetField("category") == "高层Ⅰ类"


def test_bad_input_is_a_clear_error(plugin_path, sample_path, tmp_path):
    enable(plugin_path, tmp_path)
    # a "buildings" layer without any height or floors field (nothing to recognise)
    run = qp(["run", "sunspace:parcelindicators", "--",
              f"PARCELS={sample_path}|layername=parcels", f"BUILDINGS={sample_path}|layername=green",
              f"OUTPUT={tmp_path / 'x.gpkg'}"], plugin_path, tmp_path)
    assert run.returncode != 0
    assert "Layer 'green' (buildings): choose a height field or a floors field." in (run.stdout + run.stderr)
    assert "Traceback" not in (run.stdout + run.stderr)


@pytest.mark.parametrize("alg, args, outputs", [
    ("spacingcoefficients", ["LATITUDE=34.3", "YEAR=2026"], ["OUTPUT"]),
    ("sunlightsetbacks", ["BUILDINGS={s}|layername=buildings", "FLOORS_FIELD=floors", "RESIDENTIAL=\"use\" = 'residential'",
                          "EXACT=false"], ["OUTPUT_ZONES", "OUTPUT_CHECKS"]),
    ("windowsunlight", ["BUILDINGS={s}|layername=buildings", "FLOORS_FIELD=floors", "RESIDENTIAL=\"use\" = 'residential'",
                        "SPACING=5", "PARCELS={s}|layername=parcels"], ["OUTPUT_WINDOWS", "OUTPUT_BUILDINGS", "OUTPUT_PARCELS"]),
    ("groundsunlight", ["BUILDINGS={s}|layername=buildings", "FLOORS_FIELD=floors", "AREA={s}|layername=parcels", "SPACING=5"],
     ["OUTPUT_RASTER", "OUTPUT_ISOCHRONES", "OUTPUT_SHADOW"]),
])
def test_sunlight_algorithms_run(plugin_path, sample_path, tmp_path, alg, args, outputs):
    enable(plugin_path, tmp_path)
    outs = [f"{o}={tmp_path / (o.lower() + ('.tif' if o == 'OUTPUT_RASTER' else '.gpkg'))}" for o in outputs]
    run = qp(["run", f"sunspace:{alg}", "--json", "--"] + [a.format(s=sample_path) for a in args] + outs,
             plugin_path, tmp_path)
    assert run.returncode == 0, run.stderr[-2000:] + run.stdout[-2000:]
    result = json.loads(run.stdout[run.stdout.index("{"):])
    for o in outputs:
        path = str(result["results"][o]).split("|")[0]
        assert os.path.exists(path) and os.path.getsize(path) > 0, o


def test_planning_control_algorithms_run(plugin_path, sample_path, tmp_path):
    enable(plugin_path, tmp_path)
    common = [f"PARCELS={sample_path}|layername=parcels", f"BUILDINGS={sample_path}|layername=buildings", "FLOORS_FIELD=floors",
              "RESIDENTIAL=\"use\" = 'residential'", f"GREEN={sample_path}|layername=green", "YEAR=2026"]
    osr = tmp_path / "osr.gpkg"
    run = qp(["run", "sunspace:openspaceratio", "--json", "--"] + common + [f"OUTPUT={osr}", f"OUTPUT_TABLE={tmp_path / 't.gpkg'}"],
             plugin_path, tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    far = tmp_path / "far.gpkg"
    run = qp(["run", "sunspace:greenfarcap", "--json", "--"] + common + [f"OUTPUT={far}"], plugin_path, tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    report = tmp_path / "report.html"
    run = qp(["run", "sunspace:compliancereport", "--json", "--", f"OSR_LAYER={osr}", f"FAR_LAYER={far}",
              f"OUTPUT_HTML={report}"], plugin_path, tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "FAR caps and concentrated green" in report.read_text(encoding="utf-8")  # English QGIS: English report


def test_indicator_ranges_run(plugin_path, sample_path, tmp_path):
    """sunspace:indicatorranges through qgis_process with zones, a CSV list (Chinese zone and category names) and a PNG map."""
    enable(plugin_path, tmp_path)
    table, png = tmp_path / "list.csv", tmp_path / "rules.png"
    run = qp(["run", "sunspace:indicatorranges", "--", f"PARCELS={sample_path}|layername=parcels",
              f"BUILDINGS={sample_path}|layername=buildings", "FLOORS_FIELD=floors", "RESIDENTIAL=\"use\" = 'residential'",
              f"GREEN={sample_path}|layername=green", "YEAR=2026", "ZONE_FIELD=parcel_id", "ZONE_OLD=XA-18",
              f"OUTPUT={tmp_path / 'parcels.gpkg'}", f"OUTPUT_TABLE={table}", f"OUTPUT_MAP={png}"], plugin_path, tmp_path)
    assert run.returncode == 0, run.stderr[-2000:] + run.stdout[-2000:]
    text = table.read_text(encoding="utf-8")
    assert "老城区旧区改建" in text and "高层Ⅲ类" in text and png.stat().st_size > 20000
    log = run.stdout + run.stderr
    # English QGIS (system locale C, no language chosen in the profile): the English log
    assert re.search(r"Indicator list: \d+ rows \(zone × category × form\)", log) and "指标赋值清单" not in log, log[-3000:]


def test_chinese_qgis_runs_indicator_ranges_in_chinese(plugin_path, sample_path, tmp_path):
    """QGIS set to Chinese in its profile: qgis_process loads the plugin (classFactory + initProcessing, no
    initGui), whose translator then speaks Chinese in the log and in the error messages."""
    enable(plugin_path, tmp_path)
    chinese_profile(tmp_path)
    table = tmp_path / "list.csv"
    args = [f"PARCELS={sample_path}|layername=parcels", f"BUILDINGS={sample_path}|layername=buildings", "FLOORS_FIELD=floors",
            "RESIDENTIAL=\"use\" = 'residential'", f"GREEN={sample_path}|layername=green", "YEAR=2026"]
    run = qp(["run", "sunspace:indicatorranges", "--"] + args + ["ZONE_FIELD=parcel_id", "ZONE_OLD=XA-18",
              f"OUTPUT={tmp_path / 'parcels.gpkg'}", f"OUTPUT_TABLE={table}"], plugin_path, tmp_path)
    assert run.returncode == 0, run.stderr[-2000:] + run.stdout[-2000:]
    log = run.stdout + run.stderr
    assert re.search(r"指标赋值清单：共 \d+ 行（区段 × 类别 × 建筑形式）", log), log[-3000:]
    assert "分区 老城区旧区改建：" in log and "Indicator list:" not in log
    assert "老城区旧区改建" in table.read_text(encoding="utf-8")
    # a user error in Chinese, and nothing written
    bad = qp(["run", "sunspace:indicatorranges", "--"] + args + ["ZONE_OLD=XA-18", f"OUTPUT={tmp_path / 'bad.gpkg'}",
              f"OUTPUT_TABLE={tmp_path / 'bad.csv'}"], plugin_path, tmp_path)
    log = bad.stdout + bad.stderr
    assert bad.returncode != 0
    assert "已给出分区取值，但未选择分区字段：请选择地块的分区字段。" in log, log[-3000:]
    assert "no zone field" not in log and "Traceback" not in log
    assert not (tmp_path / "bad.csv").exists()


@pytest.mark.parametrize("how", ["profile", "system locale"])
def test_chinese_error_from_parcel_indicators(plugin_path, sample_path, tmp_path, how):
    """The language QGIS would use: the profile's choice, else the system locale (LANG=zh_CN.UTF-8)."""
    enable(plugin_path, tmp_path)
    if how == "profile":
        chinese_profile(tmp_path)
    # buildings without any height or floors field (nothing to recognise): a user error
    run = qp(["run", "sunspace:parcelindicators", "--", f"PARCELS={sample_path}|layername=parcels",
              f"BUILDINGS={sample_path}|layername=green", f"OUTPUT={tmp_path / 'x.gpkg'}"], plugin_path, tmp_path,
             lang="C.UTF-8" if how == "profile" else "zh_CN.UTF-8")
    log = run.stdout + run.stderr
    assert run.returncode != 0
    assert "：请选择高度字段或层数字段。" in log, log[-3000:]
    assert "choose a height field" not in log and "Traceback" not in log


def test_compliance_check_chain_runs(plugin_path, sample_path, tmp_path):
    enable(plugin_path, tmp_path)
    html, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
    run = qp(["run", "sunspace:compliancecheck", "--json", "--", f"PARCELS={sample_path}|layername=parcels",
              f"BUILDINGS={sample_path}|layername=buildings", "FLOORS_FIELD=floors", "RESIDENTIAL=\"use\" = 'residential'",
              f"GREEN={sample_path}|layername=green", "YEAR=2026", f"OUTPUT={tmp_path / 'parcels.gpkg'}",
              f"OUTPUT_BUILDINGS={tmp_path / 'buildings.gpkg'}", f"OUTPUT_TABLE={tmp_path / 'table.gpkg'}",
              f"OUTPUT_HTML={html}", f"OUTPUT_PDF={pdf}"], plugin_path, tmp_path)
    assert run.returncode == 0, run.stderr[-2000:] + run.stdout[-2000:]
    result = json.loads(run.stdout[run.stdout.index("{"):])
    assert result["results"]["OUTPUT_PDF"] == str(pdf) and pdf.stat().st_size > 5000
    text = html.read_text(encoding="utf-8")
    assert "GB 50180-2018 4.0.9" in text and "XA-09" in text
    from osgeo import ogr

    ds = ogr.Open(str(tmp_path / "parcels.gpkg"))
    rows = {f.GetField("parcel_id"): f.GetField("class") for f in ds.GetLayer(0)}
    assert len(rows) == 21 and rows["XA-09"] == "below"


def test_defaults_through_qgis_process(plugin_path, sample_path, tmp_path):
    """Only the layers and the output: fields and the residential expression are recognised."""
    enable(plugin_path, tmp_path)
    out = tmp_path / "osr.gpkg"
    run = qp(["run", "sunspace:parcelindicators", "--", f"PARCELS={sample_path}|layername=parcels",
              f"BUILDINGS={sample_path}|layername=buildings", f"OUTPUT={out}"], plugin_path, tmp_path)
    assert run.returncode == 0, run.stderr + run.stdout
    assert "\"use\" = 'residential'" in run.stdout + run.stderr
    from osgeo import ogr

    ds = ogr.Open(str(out))  # kept: its layer dies with it
    rows = {f.GetField("parcel_id"): f.GetField("category") for f in ds.GetLayer(0)}
    assert rows["XA-18"] == "高层Ⅰ类" and len(rows) == 21


def test_window_sunlight_uses_worker_processes_inside_qgis_process(plugin_path, sample_path, tmp_path, monkeypatch):
    """Inside QGIS, sys.executable is QGIS itself: the worker processes are started with the Python
    next to QGIS's Python library and find the plugin and its dependencies; answers unchanged."""
    import sqlite3

    enable(plugin_path, tmp_path)
    args = [f"BUILDINGS={sample_path}|layername=buildings", "FLOORS_FIELD=floors",
            "RESIDENTIAL=\"use\" = 'residential'", "SPACING=2", "EVERY_FLOOR=true"]
    rows = {}
    for name, limit in (("one", "100000000"), ("tiles", "0")):
        monkeypatch.setenv("SUNSPACE_TILES_MIN_RECEIVERS", limit)
        monkeypatch.setenv("SUNSPACE_WORKERS", "2")
        out = tmp_path / f"{name}.gpkg"
        run = qp(["run", "sunspace:windowsunlight", "--"] + args
                 + [f"OUTPUT_WINDOWS={out}", f"OUTPUT_BUILDINGS={tmp_path / (name + '_b.gpkg')}"], plugin_path, tmp_path)
        assert run.returncode == 0, run.stderr[-2000:] + run.stdout[-2000:]
        assert "Traceback" not in run.stdout + run.stderr and "worker process failed" not in run.stdout + run.stderr
        assert ("on 2 processes" in run.stdout) == (name == "tiles"), run.stdout[-2000:]
        con = sqlite3.connect(out)
        table = con.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()[0]
        rows[name] = sorted(con.execute(f'SELECT bldg_fid, floor, z_m, facing, minutes, passed, true_solar, beijing '
                                        f'FROM "{table}"').fetchall())
        con.close()
    assert len(rows["one"]) > 2000 and rows["one"] == rows["tiles"]
