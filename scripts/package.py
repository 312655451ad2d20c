"""Build dist/sunspace-<version>.zip: an installable QGIS plugin with sunspace/ at its root.

Only plugin files go in: metadata, Python sources of the plugin, core, algorithms, ui,
the compiled translation, the sample district, README and LICENSE. Tests, tools,
build scripts and caches stay out.
"""
import configparser
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOP_FILES = ["__init__.py", "plugin.py", "deps.py", "depdialog.py", "metadata.txt", "README.md", "LICENSE"]
FOLDERS = {"core": (".py",), "algorithms": (".py",), "ui": (".py", ".qml", ".svg", ".png", ".html", ".css"),
           "i18n": (".qm", ".ts"), "data": (".gpkg",)}


def plugin_files():
    for name in TOP_FILES:
        if os.path.exists(os.path.join(ROOT, name)):
            yield name
    for folder, exts in FOLDERS.items():
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, folder)):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for f in sorted(filenames):
                if f.endswith(exts):
                    yield os.path.relpath(os.path.join(dirpath, f), ROOT)


def main(out_dir):
    cfg = configparser.ConfigParser()
    cfg.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    version = cfg["general"]["version"]
    if not os.path.exists(os.path.join(ROOT, "i18n", "sunspace_zh_CN.qm")):
        sys.exit("i18n/sunspace_zh_CN.qm is missing: run 'make translations' first")
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, f"sunspace-{version}.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel in plugin_files():
            zf.write(os.path.join(ROOT, rel), os.path.join("sunspace", rel))
    print(path)
    return path


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "dist"))
