"""Helpers for the QGIS tests."""
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer


def memory_polygons(name, fields, rows, crs="EPSG:4545"):
    """A memory polygon layer: ``fields`` like "name:string&field=height:double", rows of (WKT, attributes)."""
    lyr = QgsVectorLayer(f"Polygon?crs={crs}&field={fields}", name, "memory")
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(lyr.fields())
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(attrs)
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


def log_feedback():
    """A processing feedback that keeps every info line (``.lines``)."""
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, info):  # noqa: N802
            self.lines.append(info)
            super().pushInfo(info)

    return Log()
