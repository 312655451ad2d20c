"""The dependency installer's pure logic: folder, interpreter lookup, pip command lines (no QGIS)."""
import os

import pytest

from sunspace import deps


def test_deps_dir_is_in_the_profile_per_python_version():
    d = deps.deps_dir("/home/u/.local/share/QGIS/QGIS3/profiles/default/", environ={}, version=(3, 12))
    assert d == os.path.join("/home/u/.local/share/QGIS/QGIS3/profiles/default", "python", "sunspace_deps", "py3.12")
    assert deps.deps_dir("/x", environ={"SUNSPACE_DEPS_DIR": "/opt/ss"}, version=(3, 9)) == os.path.join("/opt/ss", "py3.9")
    assert deps.wheel_dir(d).endswith(os.path.join("sunspace_deps", "wheels"))


def _exists(*paths):
    return lambda p: p in paths


def test_find_python_linux_executable_is_python():
    assert deps.find_python("/usr/bin/python3", "/usr", "linux", (3, 11), _exists("/usr/bin/python3")) == "/usr/bin/python3"


def test_find_python_linux_executable_is_qgis():
    got = deps.find_python("/usr/bin/qgis", "/usr", "linux", (3, 11), _exists("/usr/bin/python3.11", "/usr/bin/python3"))
    assert got == "/usr/bin/python3.11"


def test_find_python_windows_osgeo4w():
    exe = r"C:\OSGeo4W\bin\qgis-bin.exe"
    base = r"C:\OSGeo4W\apps\Python312"
    import ntpath

    want = ntpath.join(base, "python.exe")
    assert deps.find_python(exe, base, "win32", (3, 12), _exists(want)) == want
    # only the wrapper next to qgis-bin.exe
    wrapper = ntpath.join(r"C:\OSGeo4W\bin", "python3.exe")
    assert deps.find_python(exe, base, "win32", (3, 12), _exists(wrapper)) == wrapper


def test_find_python_macos_bundle():
    exe = "/Applications/QGIS.app/Contents/MacOS/QGIS"
    want = "/Applications/QGIS.app/Contents/MacOS/bin/python3"
    assert deps.find_python(exe, "/Applications/QGIS.app/Contents/Frameworks/Python.framework/Versions/3.9", "darwin",
                            (3, 9), _exists(want)) == want


def test_find_python_none():
    assert deps.find_python("/usr/bin/qgis", "/usr", "linux", (3, 11), _exists()) is None


def test_plan_linux_builds_shapely_from_source_without_deps(tmp_path):
    target = str(tmp_path / "sunspace_deps" / "py3.11")
    cmds = deps.install_plan(["shapely>=2 (found 1.8.5)"], target, "/usr/bin/python3", "linux", prerequisites=[],
                             have=lambda m: True)
    assert len(cmds) == 2
    build, install = cmds
    assert build[:4] == ["/usr/bin/python3", "-m", "pip", "wheel"]
    assert build[build.index("--no-binary") + 1] == "shapely"
    assert "--target" in install and install[install.index("--target") + 1] == target
    assert "--no-index" in install and "--no-deps" in install
    assert install[install.index("--find-links") + 1] == deps.wheel_dir(target)
    # every option is one pip accepts for that command (an install-only option broke 'pip wheel' once)
    import subprocess
    import sys

    for cmd in (build, install):
        helptext = subprocess.run([sys.executable, "-m", "pip", cmd[3], "--help"], capture_output=True, text=True).stdout
        for opt in (a for a in cmd[4:] if a.startswith("--")):
            assert opt in helptext, (cmd[3], opt)
    # a wheel built earlier: no rebuild
    os.makedirs(deps.wheel_dir(target))
    open(os.path.join(deps.wheel_dir(target), "shapely-2.1.0-cp%d%d-cp%d%d-linux_x86_64.whl" % ((os.sys.version_info[:2]) * 2)),
         "w").close()
    cmds = deps.install_plan(["shapely>=2"], target, "/usr/bin/python3", "linux", prerequisites=[], have=lambda m: True)
    assert len(cmds) == 1 and cmds[0][3] == "install"


def test_plan_linux_refuses_without_geos_config(tmp_path):
    with pytest.raises(deps.Refusal) as err:
        deps.install_plan(["shapely>=2"], str(tmp_path), "/usr/bin/python3", "linux",
                          prerequisites=["geos-config (libgeos-dev)"])
    text = str(err.value)
    assert "libgeos-dev" in text and "--no-binary shapely" in text and "sudo apt install" in text


def test_linux_prerequisites():
    assert deps.linux_prerequisites(which=lambda n: "/usr/bin/" + n, include_dir="/inc", isfile=lambda p: True) == []
    lack = deps.linux_prerequisites(which=lambda n: None, include_dir="/inc", isfile=lambda p: False)
    assert len(lack) == 3 and "libgeos-dev" in lack[0]


def test_plan_windows_uses_wheels_and_adds_missing_deps(tmp_path):
    cmds = deps.install_plan(["shapely>=2", "pyproj"], "T", r"C:\Py\python.exe", "win32",
                             have=lambda m: m != "certifi")
    assert len(cmds) == 1
    cmd = cmds[0]
    assert "--no-binary" not in cmd and "--no-deps" in cmd
    assert cmd[-3:] == [deps.SHAPELY_SPEC, deps.PYPROJ_SPEC, "certifi"]


def test_plan_refuses_without_python():
    with pytest.raises(deps.Refusal):
        deps.install_plan(["pyproj"], "T", None, "darwin")


def test_instructions_per_platform():
    assert "--no-binary shapely" in deps.instructions(["shapely>=2"], "/t", "linux")
    assert "OSGeo4W" in deps.instructions(["shapely>=2"], "/t", "win32")
    assert "QGIS.app" in deps.instructions(["shapely>=2"], "/t", "darwin")


def test_activate_puts_the_folder_first(tmp_path, monkeypatch):
    import sys

    monkeypatch.setattr(sys, "path", list(sys.path))
    assert not deps.activate(str(tmp_path / "absent"))
    assert deps.activate(str(tmp_path)) and sys.path[0] == str(tmp_path)
