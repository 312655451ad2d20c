"""Named enum members that moved between QGIS 3.22 and QGIS 3.4x / 4.

QGIS 3.3x moved many Processing enums into ``Qgis.*`` scoped enums and QGIS 4
(Qt 6) drops the old ``QVariant.Type`` field types. Every algorithm takes its
enum values from here, by name, never as raw integers.
"""
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsProcessing,
    QgsProcessingFeatureSource,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant


def _scoped(path, fallback):
    obj = Qgis
    try:
        for part in path.split("."):
            obj = getattr(obj, part)
        return obj
    except AttributeError:
        return fallback()


QGIS_VERSION_INT = Qgis.QGIS_VERSION_INT if hasattr(Qgis, "QGIS_VERSION_INT") else Qgis.versionInt()

POLYGON_SOURCE = _scoped("ProcessingSourceType.VectorPolygon", lambda: QgsProcessing.TypeVectorPolygon)
POINT_SOURCE = _scoped("ProcessingSourceType.VectorPoint", lambda: QgsProcessing.TypeVectorPoint)
NUMERIC_FIELD = _scoped("ProcessingFieldParameterDataType.Numeric", lambda: QgsProcessingParameterField.Numeric)
DOUBLE_NUMBER = _scoped("ProcessingNumberParameterType.Double", lambda: QgsProcessingParameterNumber.Double)
INTEGER_NUMBER = _scoped("ProcessingNumberParameterType.Integer", lambda: QgsProcessingParameterNumber.Integer)
FAST_INSERT = getattr(getattr(QgsFeatureSink, "Flag", QgsFeatureSink), "FastInsert")
SKIP_VALIDITY_CHECKS = _scoped(
    "ProcessingFeatureSourceFlag.SkipGeometryValidityChecks", lambda: QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks
)
ABORT_ON_INVALID = _scoped("InvalidGeometryCheck.AbortOnInvalid", lambda: QgsFeatureRequest.GeometryAbortOnInvalid)
SKIP_INVALID = _scoped("InvalidGeometryCheck.SkipInvalid", lambda: QgsFeatureRequest.GeometrySkipInvalid)
ANY_GEOMETRY_SOURCE = _scoped("ProcessingSourceType.VectorAnyGeometry", lambda: QgsProcessing.TypeVectorAnyGeometry)
FLAG_ADVANCED = _scoped("ProcessingParameterFlag.Advanced", lambda: QgsProcessingParameterDefinition.FlagAdvanced)
NO_GEOMETRY = _scoped("WkbType.NoGeometry", lambda: QgsWkbTypes.NoGeometry)
POINT_WKB = _scoped("WkbType.Point", lambda: QgsWkbTypes.Point)
POLYGON_WKB = _scoped("WkbType.MultiPolygon", lambda: QgsWkbTypes.MultiPolygon)
LINE_WKB = _scoped("WkbType.LineString", lambda: QgsWkbTypes.LineString)
WKT_PREFERRED = _scoped("CrsWktVariant.Preferred", lambda: QgsCoordinateReferenceSystem.WKT_PREFERRED)


def make_field(name: str, kind: str, comment: str = "", alias: str = "") -> QgsField:
    """A QgsField of kind ``"double"``, ``"int"`` or ``"string"`` on any QGIS 3.22+ / 4.

    Its alias is ``alias`` (English, translated here) or the field's entry in
    :data:`algorithms.fields.FIELD_ALIASES`.
    """
    from .fields import field_alias

    if QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        t = {"double": QMetaType.Type.Double, "int": QMetaType.Type.Int, "string": QMetaType.Type.QString}[kind]
    else:
        t = {"double": QVariant.Double, "int": QVariant.Int, "string": QVariant.String}[kind]
    field = QgsField(name, t)
    if comment:
        field.setComment(comment)
    text = field_alias(name, alias)
    if text:
        field.setAlias(text)
    return field


def crs_text(crs: QgsCoordinateReferenceSystem) -> str:
    """What pyproj needs to know a QGIS CRS: its EPSG code where it has one, else WKT."""
    authid = crs.authid()
    if authid.upper().startswith("EPSG:"):
        return authid
    return crs.toWkt(WKT_PREFERRED)
