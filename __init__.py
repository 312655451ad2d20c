"""SunSpace QGIS plugin: sunlight setbacks, open-space ratio and green-space FAR caps."""
import os
import sys

from .deps import activate, deps_dir, instructions
from .deps import missing_dependencies as _missing


def dependency_dir() -> str:
    """The plugin-private folder of installed dependencies (``<profile>/python/sunspace_deps/py3.X``)."""
    try:
        from qgis.core import QgsApplication

        settings = QgsApplication.qgisSettingsDirPath()
    except Exception:  # noqa: BLE001 - outside QGIS: next to the plugins folder
        settings = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return deps_dir(settings)


def missing_dependencies():
    """Names of the Python packages SunSpace needs that this QGIS cannot import (empty if none).

    The plugin-private dependency folder is put first on ``sys.path`` before checking.
    """
    activate(dependency_dir())
    return _missing()


class _MissingDependencies:
    """Stand-in plugin that tells the user what to install, and offers to install it, instead of failing.

    Under qgis_process (initProcessing only, no GUI) the instructions go to stderr.
    """

    def __init__(self, iface, missing):
        self.iface = iface
        self.missing = missing
        self.action = None

    def text(self):
        return instructions(self.missing, dependency_dir())

    def _headless(self):
        try:
            return self.iface is None or self.iface.mainWindow() is None
        except Exception:  # noqa: BLE001
            return True

    def initProcessing(self):  # noqa: N802 (QGIS API)
        if self._headless():
            print("SunSpace: " + self.text(), file=sys.stderr, flush=True)

    def initGui(self):  # noqa: N802 (QGIS API)
        if self._headless():
            self.initProcessing()
            return
        from .depdialog import add_install_action, push_missing_message

        self.action = add_install_action(self.iface)
        push_missing_message(self.iface, self.missing, self.text())

    def unload(self):
        if self.action is not None:
            from .depdialog import remove_install_action

            remove_install_action(self.iface, self.action)
            self.action = None


def classFactory(iface):  # noqa: N802 (QGIS API)
    missing = missing_dependencies()
    if missing:
        return _MissingDependencies(iface, missing)
    from .plugin import SunSpacePlugin

    return SunSpacePlugin(iface)
