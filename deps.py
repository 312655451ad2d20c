"""Installing SunSpace's Python dependencies into a plugin-private folder (no QGIS imports here).

SunSpace needs shapely >= 2 and pyproj in QGIS's own Python. Many QGIS builds ship
them (see README "Installing"); where they do not, the plugin's *Install dependencies*
action runs pip with QGIS's interpreter into a folder of the QGIS profile,
``<profile>/python/sunspace_deps/py3.X``, which survives plugin upgrades and is put
first on ``sys.path`` when the plugin loads.

On Linux, QGIS links the system GEOS; a shapely wheel brings its own GEOS and crashes
QGIS, so shapely is built from source against the system GEOS (``--no-binary shapely``,
needs ``geos-config`` from libgeos-dev, the Python headers and a C compiler). The wheel
built once is kept in ``sunspace_deps/wheels`` so a reinstall is quick.

Everything here is pure logic (paths, interpreter lookup, pip command lines), unit-tested
without QGIS; the QGIS dialog that runs the commands lives in ``depdialog.py``.
"""
from __future__ import annotations

import glob
import os
import shutil
import sys
import sysconfig

SHAPELY_SPEC = "shapely>=2,<3"
PYPROJ_SPEC = "pyproj>=3.3"
ENV_DIR = "SUNSPACE_DEPS_DIR"  # override of the folder (tests, locked-down installations)


def py_tag(version=None) -> str:
    """``py3.11``: the deps folder is per Python version (a QGIS upgrade with a new Python starts afresh)."""
    v = version or sys.version_info
    return f"py{v[0]}.{v[1]}"


def deps_root(settings_dir: str) -> str:
    """``<profile>/python/sunspace_deps`` for a QGIS profile folder (QgsApplication.qgisSettingsDirPath())."""
    return os.path.join(settings_dir, "python", "sunspace_deps")


def deps_dir(settings_dir: str = "", environ=None, version=None) -> str:
    """The folder pip installs into and ``sys.path`` gets: ``$SUNSPACE_DEPS_DIR`` or the profile's folder."""
    env = os.environ if environ is None else environ
    if env.get(ENV_DIR):
        return os.path.join(env[ENV_DIR], py_tag(version))
    return os.path.join(deps_root(settings_dir), py_tag(version))


def wheel_dir(target: str) -> str:
    """Where wheels built from source are kept (next to the per-Python folders)."""
    return os.path.join(os.path.dirname(target), "wheels")


def activate(target: str) -> bool:
    """Put ``target`` first on ``sys.path`` (before a system-wide shapely 1.8); True when it exists."""
    if not target or not os.path.isdir(target):
        return False
    if target in sys.path:
        sys.path.remove(target)
    sys.path.insert(0, target)
    return True


def missing_dependencies():
    """Names (with what was found) of the packages SunSpace needs that this Python cannot import."""
    missing = []
    try:
        import shapely

        if int(shapely.__version__.split(".")[0]) < 2:
            missing.append(f"shapely>=2 (found {shapely.__version__})")
    except ImportError:
        missing.append("shapely>=2")
    try:
        import pyproj  # noqa: F401
    except ImportError:
        missing.append("pyproj")
    return missing


def find_python(executable=None, base_prefix=None, platform=None, version=None, exists=None):
    """The Python interpreter of the running QGIS, to run pip with; None when none is found.

    Inside QGIS ``sys.executable`` is often QGIS itself (``qgis-bin.exe`` on Windows,
    ``QGIS.app/Contents/MacOS/QGIS`` on macOS, ``/usr/bin/qgis`` on some Linux builds), never
    to be run with ``-m pip``. The interpreter is found next to it or under ``sys.base_prefix``.
    ``exists`` (a path -> bool function) is for tests.
    """
    executable = sys.executable if executable is None else executable
    base_prefix = sys.base_prefix if base_prefix is None else base_prefix
    platform = sys.platform if platform is None else platform
    v = version or sys.version_info
    exists = exists or (lambda p: os.path.isfile(p) and os.access(p, os.X_OK))
    import ntpath
    import posixpath

    path = ntpath if platform.startswith("win") else posixpath
    name = path.basename(executable or "").lower()
    if name.startswith("python") and exists(executable):
        return executable
    exe_dir = path.dirname(executable or "")
    cands = []
    if platform.startswith("win"):
        # OSGeo4W / standalone: C:\OSGeo4W\apps\Python312\python.exe; bin\python3.exe wraps it
        cands += [path.join(base_prefix, "python.exe"), path.join(base_prefix, "python3.exe"),
                  path.join(exe_dir, "python3.exe"), path.join(exe_dir, "python.exe")]
    elif platform == "darwin":
        # QGIS.app: Contents/MacOS/bin/python3, or the bundled Python.framework
        cands += [path.join(exe_dir, "bin", f"python{v[0]}.{v[1]}"), path.join(exe_dir, "bin", "python3"),
                  path.join(base_prefix, "bin", f"python{v[0]}.{v[1]}"), path.join(base_prefix, "bin", "python3")]
    else:
        cands += [path.join(base_prefix, "bin", f"python{v[0]}.{v[1]}"), path.join(base_prefix, "bin", "python3"),
                  path.join(exe_dir, f"python{v[0]}.{v[1]}"), path.join(exe_dir, "python3")]
    for c in cands:
        if c and exists(c):
            return c
    return None


def _have(module: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def linux_prerequisites(which=shutil.which, include_dir=None, isfile=os.path.isfile):
    """What a source build of shapely lacks on Linux: [] or the missing pieces (geos-config, headers, compiler)."""
    lack = []
    if not which("geos-config"):
        lack.append("geos-config (libgeos-dev)")
    include_dir = sysconfig.get_paths().get("include", "") if include_dir is None else include_dir
    if not isfile(os.path.join(include_dir, "Python.h")):
        lack.append("Python.h (python3-dev)")
    if not (which("cc") or which("gcc")):
        lack.append("a C compiler (build-essential)")
    return lack


LINUX_HELP = (
    "Debian/Ubuntu with python3-shapely >= 2 (Debian 13, Ubuntu 24.04 and later): sudo apt install python3-shapely python3-pyproj\n"
    "Older releases (Debian 12: its python3-shapely is 1.8.5): sudo apt install libgeos-dev python3-dev build-essential "
    "python3-pip python3-pyproj, then use Plugins ▸ SunSpace ▸ Install dependencies, or in a terminal:\n"
    "  /usr/bin/python3 -m pip install --target {target} --no-deps --no-binary shapely 'shapely>=2,<3'\n"
    "Fedora: sudo dnf install python3-shapely python3-pyproj. Arch: sudo pacman -S python-shapely python-pyproj.\n"
    "Never install a shapely wheel (pip without --no-binary shapely) on Linux: it brings its own GEOS and crashes QGIS."
)
WINDOWS_HELP = (
    "Windows: OSGeo4W Setup ▸ Advanced install ▸ python3-shapely and python3-pyproj (the standalone installer "
    "already has them), or Plugins ▸ SunSpace ▸ Install dependencies, or in the OSGeo4W Shell:\n"
    "  python -m pip install --target \"{target}\" \"shapely>=2\" pyproj"
)
MAC_HELP = (
    "macOS: Plugins ▸ SunSpace ▸ Install dependencies, or in Terminal:\n"
    "  /Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install --target \"{target}\" \"shapely>=2\" pyproj"
)


def instructions(missing, target, platform=None) -> str:
    """The message (English) telling the user what is missing and the commands that work on this platform."""
    platform = sys.platform if platform is None else platform
    how = WINDOWS_HELP if platform.startswith("win") else MAC_HELP if platform == "darwin" else LINUX_HELP
    return ("SunSpace needs the Python package(s) " + ", ".join(missing) + " in QGIS's Python; its algorithms are not "
            "available until they are installed. SunSpace installs them into " + target + ".\n" + how.format(target=target)
            + "\nThen restart QGIS.")


class Refusal(Exception):
    """The install cannot run here; the message says what to install first."""


def install_plan(missing, target, python, platform=None, prerequisites=None, have=_have, wheels=None):
    """The pip command lines (lists of arguments) that install ``missing`` into ``target``.

    Every command uses ``--no-deps`` (a pip-installed numpy would shadow the one QGIS's GDAL was
    built against) and names the needed dependencies that are missing. On Linux shapely is
    first built into a wheel from source against the system GEOS (skipped when a wheel for
    this Python is already in the wheel folder), then installed from that folder only.

    Raises :class:`Refusal` (with the commands that do work) when a Linux source build
    lacks geos-config, Python.h or a compiler, or when no Python interpreter was found.
    """
    platform = sys.platform if platform is None else platform
    if not python:
        raise Refusal("No Python interpreter was found next to QGIS; install the packages by hand:\n"
                      + instructions(missing, target, platform))
    need_shapely = any(m.startswith("shapely") for m in missing)
    need_pyproj = any(m.startswith("pyproj") for m in missing)
    pip = [python, "-m", "pip"]
    common = ["--disable-pip-version-check"]
    install = pip + ["install", "--target", target, "--upgrade", "--no-deps", "--no-warn-script-location"] + common
    extras = [m for m in ("numpy",) if need_shapely and not have(m)]
    extras += [m for m in ("certifi",) if need_pyproj and not have(m)]
    cmds = []
    linux = not (platform.startswith("win") or platform == "darwin")
    if need_shapely and linux:
        lack = linux_prerequisites() if prerequisites is None else prerequisites
        if lack:
            raise Refusal("Building shapely against QGIS's GEOS needs " + ", ".join(lack) + ".\n"
                          + LINUX_HELP.format(target=target))
        wheels = wheel_dir(target) if wheels is None else wheels
        tag = f"cp{sys.version_info[0]}{sys.version_info[1]}"
        if not glob.glob(os.path.join(wheels, f"shapely-2*-{tag}-*.whl")):
            cmds.append(pip + ["wheel", "--no-deps", "--no-binary", "shapely", "-w", wheels] + common + [SHAPELY_SPEC])
        cmds.append(install + ["--no-index", "--find-links", wheels, SHAPELY_SPEC])
        need_shapely = False
    specs = ([SHAPELY_SPEC] if need_shapely else []) + ([PYPROJ_SPEC] if need_pyproj else []) + extras
    if specs:
        cmds.append(install + specs)
    return cmds


def log_tail(text: str, lines: int = 15) -> str:
    """The last lines of a pip log, for an error message."""
    return "\n".join(text.strip().splitlines()[-lines:])
