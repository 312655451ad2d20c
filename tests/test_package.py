"""make package: an installable zip with sunspace/ at its root and only plugin files."""
import importlib.util
import os
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_zip_layout(tmp_path):
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "package.py"), str(tmp_path)], check=True, capture_output=True)
    (zpath,) = list(tmp_path.glob("sunspace-*.zip"))
    names = zipfile.ZipFile(zpath).namelist()
    assert all(n.startswith("sunspace/") for n in names)
    for required in ("sunspace/__init__.py", "sunspace/metadata.txt", "sunspace/plugin.py", "sunspace/deps.py", "sunspace/depdialog.py", "sunspace/core/indicators.py",
                     "sunspace/algorithms/provider.py", "sunspace/ui/styles/parcel_category.qml", "sunspace/ui/icons/sunspace.svg",
                     "sunspace/i18n/sunspace_zh_CN.qm", "sunspace/data/sample_district.gpkg", "sunspace/LICENSE"):
        assert required in names, required
    for banned in ("tests/", "tools/", "scripts/", ".ci/", "__pycache__", ".venv", "Makefile", ".git"):
        assert not any(banned in n for n in names), banned

    # the unpacked zip imports as a plugin package
    zipfile.ZipFile(zpath).extractall(tmp_path / "plugins")
    spec = importlib.util.spec_from_file_location("sunspace_unpacked", tmp_path / "plugins" / "sunspace" / "__init__.py",
                                                  submodule_search_locations=[str(tmp_path / "plugins" / "sunspace")])
    mod = importlib.util.module_from_spec(spec)
    sys.modules["sunspace_unpacked"] = mod  # as import does: the package's relative imports need it
    try:
        spec.loader.exec_module(mod)
    finally:
        sys.modules.pop("sunspace_unpacked", None)
    assert mod.missing_dependencies() == []
