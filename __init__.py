"""SunSpace QGIS plugin: sunlight setbacks, open-space ratio and green-space FAR caps."""


def missing_dependencies():
    """Names of the Python packages SunSpace needs that this QGIS cannot import (empty if none)."""
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


class _MissingDependencies:
    """Stand-in plugin that tells the user what to install instead of failing with a traceback."""

    def __init__(self, iface, missing):
        self.iface = iface
        self.missing = missing

    def initGui(self):  # noqa: N802 (QGIS API)
        text = (
            "SunSpace needs the Python package(s) " + ", ".join(self.missing) + " in QGIS's Python "
            "(OSGeo4W Shell / terminal: python -m pip install 'shapely>=2' pyproj). "
            "SunSpace 需要在 QGIS 的 Python 中安装: " + ", ".join(self.missing)
        )
        try:
            self.iface.messageBar().pushCritical("SunSpace", text)
        except Exception:  # headless (qgis_process): the log is all there is
            from qgis.core import QgsMessageLog

            QgsMessageLog.logMessage(text, "SunSpace")

    def initProcessing(self):  # noqa: N802 (QGIS API)
        pass

    def unload(self):
        pass


def classFactory(iface):  # noqa: N802 (QGIS API)
    missing = missing_dependencies()
    if missing:
        return _MissingDependencies(iface, missing)
    from .plugin import SunSpacePlugin

    return SunSpacePlugin(iface)
