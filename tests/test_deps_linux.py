"""The Linux dependency path, end to end, on this machine's Debian QGIS (slow: builds shapely once).

A clean QGIS profile (QGIS_CUSTOM_CONFIG_PATH), Debian's /usr/bin/python3 without the project's
venv, and a stand-in for apt's python3-shapely 1.8.5 on PYTHONPATH:

1. qgis_process.bin has no SunSpace algorithms and prints, on stderr, why and what to run;
2. the install plan of the plugin's *Install dependencies* action (shapely built from source
   against the system GEOS; the wheel cached in build/wheels) installs into the profile's
   ``python/sunspace_deps/py3.X``;
3. qgis_process.bin then lists the provider and runs sunspace:parcelindicators on the sample
   district with only the layers given (fields detected).
"""
import glob
import json
import os
import shutil
import subprocess
import sys

import pytest

from sunspace import deps

QGIS_PROCESS = "/usr/bin/qgis_process.bin"
SYSTEM_PYTHON = "/usr/bin/python3"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
pytestmark = [pytest.mark.skipif(not (sys.platform.startswith("linux") and os.path.exists(QGIS_PROCESS)
                                      and os.path.exists(SYSTEM_PYTHON)), reason="Debian QGIS not installed")]


def clean_env(tmp_path, cfg, fake):
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "QGIS_CUSTOM_CONFIG_PATH": str(cfg), "QGIS_PLUGINPATH": os.path.join(ROOT, "build", "pluginpath"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(fake),
           "XDG_RUNTIME_DIR": os.environ.get("XDG_RUNTIME_DIR", str(tmp_path))}
    if os.environ.get("PIP_CACHE_DIR") or os.path.isdir(os.path.expanduser("~/.cache/pip")):
        env["PIP_CACHE_DIR"] = os.environ.get("PIP_CACHE_DIR") or os.path.expanduser("~/.cache/pip")
    return env


def qp(args, env):
    return subprocess.run([QGIS_PROCESS] + args, env=env, capture_output=True, text=True, timeout=600)


def test_linux_install_path_end_to_end(tmp_path, sample_path):
    system_shapely = subprocess.run([SYSTEM_PYTHON, "-c", "import shapely; print(shapely.__version__)"],
                                    capture_output=True, text=True)
    if system_shapely.returncode == 0 and int(system_shapely.stdout.split(".")[0]) >= 2:
        pytest.skip("the system Python already has shapely 2")
    cfg = tmp_path / "cfg"
    fake = tmp_path / "apt"  # what Debian 12's python3-shapely gives
    (fake / "shapely").mkdir(parents=True)
    (fake / "shapely" / "__init__.py").write_text("__version__ = '1.8.5'\n")
    env = clean_env(tmp_path, cfg, fake)

    enable = qp(["plugins", "enable", "sunspace"], env)
    assert enable.returncode == 0 or "already enabled" in enable.stderr, enable.stderr + enable.stdout
    listed = qp(["list"], env)
    assert "sunspace:parcelindicators" not in listed.stdout
    assert "SunSpace needs the Python package(s) shapely>=2 (found 1.8.5)" in listed.stderr, listed.stderr
    assert "--no-binary shapely" in listed.stderr and "sudo apt install" in listed.stderr
    target = deps.deps_dir(str(cfg / "profiles" / "default"), environ={})
    assert target in listed.stderr  # the folder the plugin reads is the one it names

    def have(module):
        return subprocess.run([SYSTEM_PYTHON, "-c", f"import {module}"], env=env, capture_output=True).returncode == 0

    wheels = os.path.join(ROOT, "build", "wheels")  # cached between runs
    plan = deps.install_plan(["shapely>=2 (found 1.8.5)"], target, SYSTEM_PYTHON, "linux", have=have, wheels=wheels)
    for cmd in plan:
        run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=900)
        assert run.returncode == 0, " ".join(cmd) + "\n" + deps.log_tail(run.stdout + run.stderr, 40)
    assert glob.glob(os.path.join(target, "shapely", "__init__.py"))
    assert not glob.glob(os.path.join(target, "numpy"))  # QGIS's own numpy is kept

    listed = qp(["list"], env)
    assert listed.returncode == 0, listed.stderr
    assert "sunspace:parcelindicators" in listed.stdout, listed.stderr
    assert "SunSpace needs" not in listed.stderr
    out = tmp_path / "indicators.gpkg"
    run = qp(["run", "sunspace:parcelindicators", "--json", "--", f"PARCELS={sample_path}|layername=parcels",
              f"BUILDINGS={sample_path}|layername=buildings", f"OUTPUT={out}"], env)
    assert run.returncode == 0, run.stderr + run.stdout
    result = json.loads(run.stdout[run.stdout.index("{"):])
    assert result["results"]["OUTPUT"]
    from osgeo import ogr

    ds = ogr.Open(str(out))  # kept: its layer dies with it
    rows = {f.GetField("parcel_id"): f.GetField("category") for f in ds.GetLayer(0)}
    assert len(rows) == 21 and rows["XA-18"] == "高层Ⅰ类"
    shutil.rmtree(target, ignore_errors=True)
