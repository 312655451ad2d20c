"""The real command-line client: qgis_process.bin with QGIS_PLUGINPATH finds and runs SunSpace.

Debian's /usr/bin/qgis_process wrapper passes --noversioncheck, which QGIS 3.22 rejects,
so the binary is called directly.
"""
import json
import os
import shutil
import subprocess
import sysconfig

import pytest

QGIS_PROCESS = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"
pytestmark = pytest.mark.skipif(not os.path.exists(QGIS_PROCESS), reason="qgis_process.bin not installed")


def qp(args, plugin_path, tmp_path):
    # qgis_process.bin runs the system Python: give it the venv's shapely 2 / pyproj, as a user
    # installs them into QGIS's Python.
    site = sysconfig.get_paths()["purelib"]
    env = dict(os.environ, QGIS_PLUGINPATH=plugin_path, PYTHONPATH=os.pathsep.join([site, os.environ.get("PYTHONPATH", "")]), QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_RUNTIME_DIR=os.environ.get("XDG_RUNTIME_DIR", str(tmp_path)))
    proc = subprocess.run([QGIS_PROCESS] + args, env=env, capture_output=True, text=True, timeout=300)
    return proc


def enable(plugin_path, tmp_path):
    proc = qp(["plugins", "enable", "sunspace"], plugin_path, tmp_path)
    assert proc.returncode == 0 or "already enabled" in proc.stderr, proc.stderr + proc.stdout


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
    assert rows["XA-18"].GetField("osr") == pytest.approx((24000 - 3280) / 32480, rel=5e-4)
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
    assert "容积率上限" in report.read_text(encoding="utf-8")


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
