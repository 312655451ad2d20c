"""Shared adapter code: QGIS features -> numpy/shapely arrays, messages and styles."""
from __future__ import annotations

import os

import numpy as np
import shapely
from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingAlgorithm,
    QgsProcessingLayerPostProcessorInterface,
)

from ..core.validation import repair_polygons
from .compat import SKIP_VALIDITY_CHECKS, crs_text

STYLE_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "ui", "styles")


def is_null(value) -> bool:
    """True for None and for QGIS NULL (a null QVariant)."""
    return value is None or (hasattr(value, "isNull") and value.isNull())


def source_name(source, fallback: str) -> str:
    """The layer's name for messages (sources do not always know one)."""
    try:
        name = source.sourceName()
    except AttributeError:
        name = ""
    return name or fallback


def read_polygons(source, name, feedback, fields=(), expression=None, context=None):
    """Read a polygon feature source into arrays.

    Returns
    -------
    dict with ``ids`` (feature ids), ``geoms`` (shapely, in the source CRS, repaired,
    None where unusable), ``crs`` (text for pyproj), ``attrs`` (field -> list) and,
    if ``expression`` is given, ``expr`` (list of its values per feature).
    """
    if source is None:
        raise QgsProcessingException(f"Layer '{name}' could not be opened.")
    if not source.sourceCrs().isValid():
        raise QgsProcessingException(
            f"Layer '{name}' has no valid coordinate reference system; set one (Layer Properties > Source) and run again."
        )
    expr = None
    expr_ctx = None
    if expression:
        expr = QgsExpression(expression)
        if expr.hasParserError():
            raise QgsProcessingException(f"Expression for layer '{name}' is invalid: {expr.parserErrorString()}")
        expr_ctx = context.expressionContext() if context is not None else None
        if expr_ctx is not None:
            expr_ctx.appendScope(source.createExpressionContextScope())
        expr.prepare(expr_ctx)
    ids, wkb, attrs, values = [], [], {f: [] for f in fields}, []
    total = source.featureCount() or 1
    # SunSpace repairs and reports invalid geometries itself (repair_polygons), so the
    # context's invalid-geometry filter must not drop or abort on them first.
    for n, feat in enumerate(source.getFeatures(QgsFeatureRequest(), SKIP_VALIDITY_CHECKS)):
        if feedback is not None and feedback.isCanceled():
            break
        ids.append(feat.id())
        geom = feat.geometry()
        wkb.append(None if geom.isNull() or geom.isEmpty() else bytes(geom.asWkb()))
        for f in fields:
            v = feat[f]
            attrs[f].append(None if is_null(v) else v)
        if expr is not None:
            expr_ctx.setFeature(feat)
            val = expr.evaluate(expr_ctx)
            if expr.hasEvalError():
                raise QgsProcessingException(
                    f"Layer '{name}', feature {feat.id()}: expression '{expression}' failed: {expr.evalErrorString()}"
                )
            values.append(val)
        if feedback is not None and n % 500 == 0:
            feedback.setProgressText(f"Reading '{name}': {n}/{total}")
    if not ids:
        raise QgsProcessingException(
            f"Layer '{name}' has no features to use (is it empty, or is 'selected features only' on with nothing selected?)."
        )
    # heights come from fields: any Z or M in the geometry is dropped
    geoms = shapely.force_2d(shapely.from_wkb(np.array(wkb, dtype=object)))
    geoms, warnings = repair_polygons(geoms, ids, name)
    for w in warnings:
        if feedback is not None:
            feedback.pushInfo("Warning: " + w)
    out = {"ids": np.array(ids), "geoms": geoms, "crs": crs_text(source.sourceCrs()), "attrs": attrs}
    if expr is not None:
        out["expr"] = values
    return out


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Apply a .qml from ``ui/styles`` to an output layer when Processing loads it."""

    _keep = []  # sip: the object must outlive the algorithm run

    def __init__(self, qml_name: str):
        super().__init__()
        self.qml_path = os.path.join(STYLE_DIR, qml_name)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if layer is None or not layer.isValid():
            return
        message, ok = layer.loadNamedStyle(self.qml_path)
        if not ok and feedback is not None:
            feedback.pushInfo(f"Style {os.path.basename(self.qml_path)} not applied: {message}")
        layer.triggerRepaint()

    @classmethod
    def create(cls, qml_name: str) -> "StylePostProcessor":
        obj = cls(qml_name)
        cls._keep.append(obj)
        return obj


def style_on_load(context, dest_id: str, qml_name: str) -> None:
    """Attach a style post-processor to an output that Processing will load into the project."""
    if dest_id and context.willLoadLayerOnCompletion(dest_id):
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(StylePostProcessor.create(qml_name))


def to_qgs(geom):
    """A QgsGeometry from a shapely geometry (None or empty gives a null geometry)."""
    from qgis.core import QgsGeometry

    g = QgsGeometry()
    if geom is not None and not geom.is_empty:
        # explicit 2-D: under qgis_process the older system GEOS may serve shapely and rejects its default
        g.fromWkb(shapely.to_wkb(geom, output_dimension=2))
    return g


def tr(text: str) -> str:
    """Translate a SunSpace label (context "SunSpace", see i18n/)."""
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate("SunSpace", text)


GROUPS = {"parcels": "Parcels 地块", "sunlight": "Sunlight 日照", "control": "Planning control 规划控制"}


class SunSpaceAlgorithm(QgsProcessingAlgorithm):
    """Base of every SunSpace algorithm: subclasses set NAME, DISPLAY (English 中文) and GROUP."""

    NAME = ""
    DISPLAY = ""
    GROUP = ""

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr(self.DISPLAY)

    def group(self):
        return tr(GROUPS[self.GROUP])

    def groupId(self):  # noqa: N802 (QGIS API)
        return self.GROUP

    def createInstance(self):  # noqa: N802 (QGIS API)
        return type(self)()
