"""Shared adapter code: QGIS features -> numpy/shapely arrays, messages and styles."""
from __future__ import annotations

import math
import os
import re
import threading

import numpy as np
import shapely
from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingAlgorithm,
    QgsProcessingLayerPostProcessorInterface,
)

from ..core.errors import Cancelled, SunSpaceError
from ..core.geodesy import check_coordinates
from ..core.validation import id_list, repair_polygons
from .compat import ABORT_ON_INVALID, FAST_INSERT, SKIP_INVALID, SKIP_VALIDITY_CHECKS, crs_text

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


def warn(feedback, text: str) -> None:
    """A warning in the Processing log (pushWarning where the QGIS version has it)."""
    if feedback is None:
        return
    if hasattr(feedback, "pushWarning"):
        feedback.pushWarning(text)
    else:  # pragma: no cover - QGIS < 3.16
        feedback.pushInfo(tr("Warning: ") + text)


def check_canceled(feedback) -> None:
    """Raise :class:`Cancelled` when the user has cancelled (the base class returns quietly)."""
    if feedback is not None and feedback.isCanceled():
        raise Cancelled()


def translate_error(exc: SunSpaceError) -> str:
    """The user's-language message of a :class:`SunSpaceError` (template through tr(), then its values)."""
    text = tr(exc.template)
    try:
        return text.format(**exc.values) if exc.values else text
    except (KeyError, IndexError, ValueError):  # a translation with a broken field: never hide the error
        return str(exc)


GEOMETRY_KIND = {"polygon": "polygons", "point": "points", "line": "lines"}


def _geometry_kind(geom_type) -> str:
    """'polygon', 'line', 'point' or '' for a QgsWkbTypes geometry type."""
    from qgis.core import QgsWkbTypes

    names = {QgsWkbTypes.PolygonGeometry: "polygon", QgsWkbTypes.LineGeometry: "line", QgsWkbTypes.PointGeometry: "point"}
    return names.get(geom_type, "")


def parameter_layer_name(parameters, name, source, role) -> str:
    """The name of the layer given for a parameter: the GeoPackage layer name for "file.gpkg|layername=x"."""
    value = parameters.get(name)
    m = re.search(r"layername=([^|]+)", str(getattr(value, "source", value) or ""))
    if m:  # "file.gpkg|layername=buildings": the layer's own name, not the file's
        return m.group(1).strip()
    return source_name(source, role) if source is not None else role


def layer_label(name: str, role: str) -> str:
    """``"'blocks' (parcels)"``: the layer's own name and its role in the tool, for messages."""
    return tr("'{name}' ({role})").format(name=name, role=tr(role)) if name and name != role else f"'{tr(role)}'"


def _invalid_geometry_mode(context) -> str:
    """'repair' (SunSpace's default), 'skip' or 'abort', from the QGIS invalid-features setting.

    QGIS's own default (skip) is only honoured when the user has set it
    (Processing ▸ Options ▸ General ▸ Invalid features filtering); otherwise SunSpace
    repairs invalid polygons and reports them, which changes no parcel's existence.
    """
    from qgis.core import QgsSettings

    if context is None or QgsSettings().value("Processing/Configuration/FILTER_INVALID_GEOMETRIES", None) is None:
        return "repair"  # the user never chose: Processing's own fallback is not a choice
    check = context.invalidGeometryCheck()
    if check == ABORT_ON_INVALID:
        return "abort"
    if check == SKIP_INVALID:
        return "skip"
    return "repair"


def read_layer(alg, parameters, name, context, feedback, role, fields=(), expression=None, whole_layer=False,
               kind="polygon", required=True):
    """Read a feature-source parameter into arrays, by row position.

    Every output is keyed on the row position, never on the feature id alone (ids
    may repeat, e.g. in GeoJSON); ids are carried as data for messages and outputs.

    Parameters
    ----------
    alg : QgsProcessingAlgorithm
    name : str
        The parameter name.
    role : str
        What the layer is for ("parcels", "buildings", ...), used in messages.
    fields : field names whose values are read (None for NULL).
    expression : str or None
        A QGIS expression evaluated per feature (parsed and checked first).
    whole_layer : bool
        Read every feature of the layer even when "selected features only" is on;
        ``selected`` then marks the selection (buildings still cast shadows).
    kind : "polygon" or "point"

    Returns
    -------
    dict or None (optional parameter left empty) with ``ids``, ``geoms`` (shapely, source CRS,
    repaired; None where unusable), ``qgeoms`` (the features' own QgsGeometry), ``rows``
    (attribute lists), ``attrs`` (field -> list), ``expr`` (values, with an expression),
    ``selected`` (bool per row), ``crs`` (text for pyproj), ``name``, ``label``, ``source``, ``fields``.
    """
    source = alg.parameterAsSource(parameters, name, context)
    if source is None:
        if not required and not parameters.get(name):
            return None
        raise QgsProcessingException(alg.invalidSourceError(parameters, name))
    lname = parameter_layer_name(parameters, name, source, role)
    label = layer_label(lname, role)
    if not source.sourceCrs().isValid():
        raise SunSpaceError("Layer {layer} has no valid coordinate reference system; set one (Layer Properties ▸ Source) "
                            "and run again.", layer=label)
    from qgis.core import QgsWkbTypes

    want = _geometry_kind(QgsWkbTypes.PolygonGeometry if kind == "polygon" else QgsWkbTypes.PointGeometry)
    layer_kind = _geometry_kind(QgsWkbTypes.geometryType(source.wkbType()))
    if layer_kind and layer_kind != want:
        raise SunSpaceError("Layer {layer} holds {found}; this input needs {wanted}.", layer=label,
                            found=tr(GEOMETRY_KIND[layer_kind]), wanted=tr(GEOMETRY_KIND[want]))
    for f in fields:
        if f and source.fields().indexFromName(f) < 0:
            raise SunSpaceError("Layer {layer} has no field '{field}'.", layer=label, field=f)
    if source.featureCount() == 0:
        raise SunSpaceError("Layer {layer} has no features to use (is it empty, or is 'selected features only' on with "
                            "nothing selected?).", layer=label)

    selected_ids = None
    reader = source
    if whole_layer:
        value = parameters.get(name)
        if getattr(value, "selectedFeaturesOnly", False):
            from qgis.core import QgsProcessingUtils

            layer = alg.parameterAsVectorLayer(parameters, name, context)
            if layer is None:  # a feature-source definition: its layer by id or source text
                layer = QgsProcessingUtils.mapLayerFromString(value.source.staticValue(), context)
            if layer is not None:
                req = QgsFeatureRequest()
                req.setFlags(QgsFeatureRequest.NoGeometry)
                req.setNoAttributes()
                selected_ids = {f.id() for f in source.getFeatures(req)}
                reader = layer

    expr = expr_ctx = None
    if expression:
        expr, expr_ctx = _prepare_expression(expression, source, label, context)

    mode = _invalid_geometry_mode(context)
    ids, wkb, qgeoms, rows, values, dropped = [], [], [], [], [], []
    attrs = {f: [] for f in fields if f}
    total = max(1, reader.featureCount())
    request = QgsFeatureRequest()
    get = (lambda: reader.getFeatures(request, SKIP_VALIDITY_CHECKS)) if reader is source else (lambda: reader.getFeatures(request))
    for n, feat in enumerate(get()):
        if n % 1000 == 0:
            check_canceled(feedback)
            if feedback is not None:
                feedback.setProgressText(tr("Reading {layer}: {n}/{total}").format(layer=label, n=n, total=total))
        geom = feat.geometry()
        gkind = "" if geom.isNull() else _geometry_kind(geom.type())
        if gkind and gkind != want:
            dropped.append(feat.id())
            continue
        ids.append(feat.id())
        qgeoms.append(geom)
        rows.append(feat.attributes())
        wkb.append(None if geom.isNull() or geom.isEmpty() else bytes(geom.asWkb()))
        for f in attrs:
            v = feat[f]
            attrs[f].append(None if is_null(v) else v)
        if expr is not None:
            expr_ctx.setFeature(feat)
            val = expr.evaluate(expr_ctx)
            if expr.hasEvalError():
                raise SunSpaceError("Layer {layer}, feature {fid}: the expression '{expr}' failed: {error}", layer=label,
                                    fid=feat.id(), expr=expression, error=expr.evalErrorString())
            values.append(val)
    if dropped:
        warn(feedback, tr("Layer {layer}: {n} feature(s) that are not {wanted} were left out ({ids}).").format(
            layer=label, n=len(dropped), wanted=tr(GEOMETRY_KIND[want]), ids=id_list(dropped)))
    if not ids and not dropped:
        raise SunSpaceError("Layer {layer} has no features to use (is it empty, or is 'selected features only' on with "
                            "nothing selected?).", layer=label)
    if not ids:
        raise SunSpaceError("Layer {layer} has no {wanted} to use.", layer=label, wanted=tr(GEOMETRY_KIND[want]))
    # heights come from fields: any Z or M in the geometry is dropped
    geoms = shapely.force_2d(shapely.from_wkb(np.array(wkb, dtype=object)))
    ids_arr = np.array(ids)
    if kind == "polygon":
        invalid = ~shapely.is_missing(geoms) & ~shapely.is_valid(geoms)
        if invalid.any() and mode == "abort":
            raise SunSpaceError("Layer {layer}: invalid geometry in feature(s) {ids}. Repair them (Vector ▸ Geometry Tools ▸ "
                                "Fix Geometries) or change Processing's invalid-features setting.", layer=label,
                                ids=id_list(ids_arr[invalid]))
        if invalid.any() and mode == "skip":
            geoms[invalid] = None
            warn(feedback, tr("Layer {layer}: invalid geometry in feature(s) {ids}; skipped as Processing's "
                              "invalid-features setting asks.").format(layer=label, ids=id_list(ids_arr[invalid])))
        geoms, warnings = repair_polygons(geoms, ids_arr, label)
        for template, values in warnings:
            warn(feedback, tr(template).format(**values))
    missing = shapely.is_missing(geoms)
    if missing.all():
        raise SunSpaceError("Layer {layer}: no feature has a usable geometry (every geometry is NULL, empty or broken).",
                            layer=label)
    crs = crs_text(source.sourceCrs())
    check_coordinates(geoms[~missing], crs, label)
    selected = np.ones(len(ids), bool) if selected_ids is None else np.array([i in selected_ids for i in ids])
    out = {"ids": ids_arr, "geoms": geoms, "qgeoms": qgeoms, "rows": rows, "attrs": attrs, "selected": selected,
           "crs": crs, "name": lname, "label": label, "source": source, "fields": source.fields()}
    if expr is not None:
        out["expr"] = values
    return out


def _prepare_expression(expression, source, label, context):
    """Parse and check an expression against a layer's fields (parser message, unknown fields)."""
    expr = QgsExpression(expression)
    if expr.hasParserError():
        raise SunSpaceError("The expression '{expr}' for layer {layer} is invalid: {error}", expr=expression, layer=label,
                            error=expr.parserErrorString())
    names = set(source.fields().names())
    unknown = sorted(c for c in expr.referencedColumns() if c and c not in names and c != "$geometry"
                     and not c.startswith("$") and c != QgsFeatureRequest.ALL_ATTRIBUTES)
    if unknown:
        raise SunSpaceError("The expression '{expr}' names field(s) {fields} that layer {layer} does not have (its fields: "
                            "{have}).", expr=expression, fields=", ".join(unknown), layer=label, have=", ".join(sorted(names)))
    expr_ctx = context.expressionContext() if context is not None else None
    if expr_ctx is None:
        from qgis.core import QgsExpressionContext

        expr_ctx = QgsExpressionContext()
    expr_ctx.appendScope(source.createExpressionContextScope())
    expr.prepare(expr_ctx)
    return expr, expr_ctx


def expression_flags(data, expression, feedback, what):
    """Booleans of an evaluated expression, with a warning (and the field's values) when it selects none or all."""
    flags = np.array([bool(v) and not is_null(v) for v in data["expr"]], dtype=bool)
    n, k = len(flags), int(flags.sum())
    if n and (k == 0 or k == n):
        hint = ""
        expr = QgsExpression(expression)
        cols = [c for c in expr.referencedColumns() if c in data["source"].fields().names()]
        if k == 0 and cols:
            idx = data["source"].fields().indexFromName(cols[0])
            seen = []
            for row in data["rows"]:
                v = row[idx]
                if not is_null(v) and str(v) not in seen:
                    seen.append(str(v))
                if len(seen) >= 12:
                    break
            hint = tr(" Values of '{field}': {values}.").format(field=cols[0], values=", ".join(seen))
        msg = (tr("The expression '{expr}' marks none of the {n} features of layer {layer} as {what}.")
               if k == 0 else tr("The expression '{expr}' marks all {n} features of layer {layer} as {what}."))
        warn(feedback, msg.format(expr=expression, n=n, layer=data["label"], what=tr(what)) + hint)
    return flags


class CheckedSink:
    """A feature sink whose every write is checked (a failed write raises, naming the output)."""

    def __init__(self, sink, name, label):
        self.sink, self.name, self.label = sink, name, label

    def add(self, feature):
        if not self.sink.addFeature(feature, FAST_INSERT):
            self._failed()

    def add_many(self, features):
        """Write a list of features in one call (much less Python per feature than :meth:`add`)."""
        if features and not self.sink.addFeatures(features, FAST_INSERT):
            self._failed()

    def _failed(self):
        error = self.sink.lastError() if hasattr(self.sink, "lastError") else ""
        raise SunSpaceError("Could not write to the output '{output}': {error}", output=self.label, error=error or "?")


#: Every legend label in ui/styles/*.qml (English; translated when a style is applied).
LEGEND_LABELS = [
    "meets the standard", "below the standard", "no window",
    "meets base", "between floor and base", "below floor", "below base", "meets floor", "no data",
    "within FAR cap", "above FAR cap",
    "Low-rise (1-3)", "Multi-storey I (4-6)", "Multi-storey II (7-9)", "High-rise I (10-18)", "High-rise II (19-26)",
    "High-rise III (27+)", "Non-residential",
    "< 1 h", "< 2 h", "< 3 h", "< 4+ h",
    "0-10 m", "10-20 m", "20-30 m", "30-45 m", "45-60 m", "60-80 m", "≥ 80 m",
    # the rule-index map (ui/styles/rule_index.qml, tools/make_rule_style.py): zone · category
    "New area · Low-rise (1-3)",
    "New area · Multi-storey I (4-6)",
    "New area · Multi-storey II (7-9)",
    "New area · High-rise I (10-18)",
    "New area · High-rise II (19-26)",
    "New area · High-rise III (27+)",
    "New area · Non-residential",
    "Old-area renewal · Low-rise (1-3)",
    "Old-area renewal · Multi-storey I (4-6)",
    "Old-area renewal · Multi-storey II (7-9)",
    "Old-area renewal · High-rise I (10-18)",
    "Old-area renewal · High-rise II (19-26)",
    "Old-area renewal · High-rise III (27+)",
    "Old-area renewal · Non-residential",
    "Historic city · Low-rise (1-3)",
    "Historic city · Multi-storey I (4-6)",
    "Historic city · Multi-storey II (7-9)",
    "Historic city · High-rise I (10-18)",
    "Historic city · High-rise II (19-26)",
    "Historic city · High-rise III (27+)",
    "Historic city · Non-residential",
]

#: Compliance classes of the open-space-ratio output (``class`` field) in the user's language.
CLASS_LABELS = {"base": "meets base", "between": "between floor and base", "below": "below floor", "nodata": "no data"}


def translate_legend(layer) -> None:
    """Legend labels of a layer's categorized or graduated renderer in the user's language."""
    renderer = layer.renderer() if layer is not None else None
    if renderer is None:
        return
    if hasattr(renderer, "categories") and hasattr(renderer, "updateCategoryLabel"):
        for i, cat in enumerate(renderer.categories()):
            renderer.updateCategoryLabel(i, tr(cat.label()))
    elif hasattr(renderer, "ranges") and hasattr(renderer, "updateRangeLabel"):
        for i, rng in enumerate(renderer.ranges()):
            renderer.updateRangeLabel(i, tr(rng.label()))


def set_field_aliases(layer) -> None:
    """Aliases of SunSpace output fields on a loaded layer, in the user's language (see algorithms/fields.py)."""
    from .fields import field_alias

    for i, field in enumerate(layer.fields()):
        alias = field.alias() or field_alias(field.name())
        if alias and not layer.attributeAlias(i):
            layer.setFieldAlias(i, alias)


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Apply a .qml from ``ui/styles`` (legend in the user's language) and the field aliases to an output layer
    when Processing loads it (``qml_name`` None: aliases only)."""

    _keep = []  # sip: the object must outlive the algorithm run

    def __init__(self, qml_name):
        super().__init__()
        self.qml_path = os.path.join(STYLE_DIR, qml_name) if qml_name else None

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if layer is None or not layer.isValid():
            return
        if self.qml_path:
            message, ok = layer.loadNamedStyle(self.qml_path)
            if not ok and feedback is not None:
                feedback.pushInfo(tr("Style {name} not applied: {message}").format(
                    name=os.path.basename(self.qml_path), message=message))
            translate_legend(layer)
        if hasattr(layer, "fields"):
            set_field_aliases(layer)
        layer.triggerRepaint()

    @classmethod
    def create(cls, qml_name) -> "StylePostProcessor":
        obj = cls(qml_name)
        cls._keep.append(obj)
        return obj


#: Per thread, one list per running SunSpace algorithm (nested runs stack): the (dest_id, qml) of its styled
#: outputs, saved into GeoPackage outputs as their default style once the run's sinks are closed.
_STYLES = threading.local()


def style_on_load(context, dest_id: str, qml_name) -> None:
    """Attach a style (or, with ``qml_name`` None, only the field aliases) to an output Processing will load.

    A GeoPackage vector output also gets the style saved into its ``layer_styles`` table as its default style at
    the end of the run (see :func:`save_style_into_gpkg`), so it opens styled wherever it is opened later.
    """
    stack = getattr(_STYLES, "stack", None)
    if dest_id and qml_name and stack:
        stack[-1].append((dest_id, qml_name))
    if dest_id and context.willLoadLayerOnCompletion(dest_id):
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(StylePostProcessor.create(qml_name))


def _gpkg_table(dest_id: str):
    """``(path, table)`` of a GeoPackage output destination (table None: the file's only table), else None."""
    text = str(dest_id or "")
    match = re.match(r"""^(?:ogr:)?dbname='(?P<path>[^']+)'(?:.*?\btable="(?P<table>[^"]+)")?""", text)
    if match:
        path, table = match.group("path"), match.group("table")
    else:
        from qgis.core import QgsProviderRegistry

        parts = QgsProviderRegistry.instance().decodeUri("ogr", text)
        path, table = parts.get("path") or text.split("|")[0], parts.get("layerName") or None
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return None
    return path, table


def fill_rule_index_layer(layer, features) -> None:
    """Add ``features`` to the memory ``layer`` of a rule-index map and give it ui/styles/rule_index.qml."""
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    message, ok = layer.loadNamedStyle(os.path.join(STYLE_DIR, "rule_index.qml"))
    if not ok:
        raise SunSpaceError("Cannot load the rule-index style: {text}", text=message)


def _style_qml(qml_name: str, geometry: str, field_names) -> str:
    """The text of a ui/styles .qml as QGIS saves it, legend labels and field aliases in the user's language.

    The style is built on a memory layer with the output's fields: no second connection to the GeoPackage."""
    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtXml import QDomDocument

    layer = QgsVectorLayer(f"{geometry}?" + "&".join(f"field={name}:string" for name in field_names), "style", "memory")
    message, ok = layer.loadNamedStyle(os.path.join(STYLE_DIR, qml_name))
    if not ok:
        raise ValueError(message)
    translate_legend(layer)
    set_field_aliases(layer)
    doc = QDomDocument()
    layer.exportNamedStyle(doc)
    return doc.toString()


_OGR_GEOMETRY = {1: "Point", 2: "LineString", 3: "Polygon", 4: "MultiPoint", 5: "MultiLineString", 6: "MultiPolygon"}


def style_name(qml_name: str) -> str:
    """The name of a SunSpace style saved into a GeoPackage: "SunSpace <qml>", never a table's own name.

    QGIS saves a style under the table's name by default, and saveStyleToDatabase asks in a modal dialog
    before overwriting a style of the same name; our window_sunlight.qml saved as "window_sunlight" on the
    table window_sunlight made a later script save wait on that invisible dialog (the demo "hang")."""
    return "SunSpace " + os.path.splitext(qml_name)[0]


def save_style_into_gpkg(dest_id: str, qml_name: str) -> bool:
    """Save a ui/styles .qml into a GeoPackage output as its table's default style (QGIS's ``layer_styles`` schema).

    Written through one short-lived GDAL connection opened and closed here, after the output's writer is closed
    (no QgsVectorLayer left on the file, rollback journal rather than WAL), under :func:`style_name`.
    Returns False when the destination is not a GeoPackage vector table.
    """
    found = _gpkg_table(dest_id)
    if found is None:
        return False
    path, table = found
    from osgeo import gdal, ogr

    gdal.SetThreadLocalConfigOption("OGR_SQLITE_JOURNAL", "DELETE")
    try:
        ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_UPDATE)
        if ds is None:
            return False
        try:
            if table is None:
                names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
                names = [n for n in names if n != "layer_styles"]
                if len(names) != 1:
                    return False
                table = names[0]
            layer = ds.GetLayerByName(table)
            if layer is None:  # a raster table or a missing one
                return False
            defn = layer.GetLayerDefn()
            fields = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
            geometry = _OGR_GEOMETRY.get(ogr.GT_Flatten(layer.GetGeomType()), "None")
            geometry_column = layer.GetGeometryColumn() or ""
            qml = _style_qml(qml_name, geometry, fields)
            styles = ds.GetLayerByName("layer_styles")
            if styles is None:
                styles = ds.CreateLayer("layer_styles", None, ogr.wkbNone, ["FID=id"])
                for name, kind, width in (("f_table_catalog", ogr.OFTString, 256), ("f_table_schema", ogr.OFTString, 256),
                                          ("f_table_name", ogr.OFTString, 256), ("f_geometry_column", ogr.OFTString, 256),
                                          ("styleName", ogr.OFTString, 30), ("styleQML", ogr.OFTString, 0),
                                          ("styleSLD", ogr.OFTString, 0), ("useAsDefault", ogr.OFTInteger, 0),
                                          ("description", ogr.OFTString, 0), ("owner", ogr.OFTString, 30),
                                          ("ui", ogr.OFTString, 30), ("update_time", ogr.OFTDateTime, 0)):
                    field = ogr.FieldDefn(name, kind)
                    if width:
                        field.SetWidth(width)
                    if name == "useAsDefault":
                        field.SetSubType(ogr.OFSTBoolean)
                    if name == "update_time":
                        field.SetDefault("CURRENT_TIMESTAMP")
                    styles.CreateField(field)
            quoted, name = table.replace("'", "''"), style_name(qml_name)
            styles.SetAttributeFilter(f"f_table_name = '{quoted}'")
            olds = [f for f in styles]
            styles.SetAttributeFilter(None)
            for old in olds:
                if old.GetField("styleName") == name:  # the same output written again: replace its style
                    styles.DeleteFeature(old.GetFID())
                elif old.GetField("useAsDefault"):
                    old.SetField("useAsDefault", 0)
                    styles.SetFeature(old)
            feature = ogr.Feature(styles.GetLayerDefn())
            for name, value in (("f_table_catalog", ""), ("f_table_schema", ""), ("f_table_name", table),
                                ("f_geometry_column", geometry_column), ("styleName", name),
                                ("styleQML", qml), ("styleSLD", ""), ("description", "SunSpace"), ("owner", "")):
                feature.SetField(name, value)
            feature.SetField("useAsDefault", 1)
            ok = styles.CreateFeature(feature) == ogr.OGRERR_NONE
            olds = feature = styles = layer = None
        finally:
            ds = None  # closes the connection (and commits)
    finally:
        gdal.SetThreadLocalConfigOption("OGR_SQLITE_JOURNAL", None)
    return ok


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


def apply_parameter_conventions(definition) -> None:
    """Per-parameter help (setHelp where QGIS has it), decimals of double numbers and field defaults, from one table."""
    from qgis.core import QgsProcessingParameterField, QgsProcessingParameterNumber

    from .compat import DOUBLE_NUMBER
    from .parameter_help import DECIMALS, DEFAULT_DECIMALS, FIELD_DEFAULTS, HELP

    name = definition.name()
    if name in HELP and hasattr(definition, "setHelp"):  # QGIS >= 3.16
        definition.setHelp(tr(HELP[name]))
    if isinstance(definition, QgsProcessingParameterNumber) and definition.dataType() == DOUBLE_NUMBER:
        meta = dict(definition.metadata() or {})
        wrapper = dict(meta.get("widget_wrapper") or {})
        wrapper.setdefault("decimals", DECIMALS.get(name, DEFAULT_DECIMALS))
        meta["widget_wrapper"] = wrapper
        definition.setMetadata(meta)
    if isinstance(definition, QgsProcessingParameterField) and name in FIELD_DEFAULTS and definition.defaultValue() is None:
        definition.setDefaultValue(FIELD_DEFAULTS[name])


GROUPS = {"parcels": "Parcels", "sunlight": "Sunlight", "control": "Planning control"}

#: Geometry kinds named in messages (GEOMETRY_KIND values).
GEOMETRY_LABELS = ["polygons", "points", "lines"]
#: Roles of input layers and files named in messages (layer_label(name, role), check_output_file(path, what)).
ROLE_LABELS = ["parcels", "buildings", "green", "planned buildings", "windows", "analysis area", "location", "layer",
               "table", "base-value table", "estate roads", "roads", "residential", "raster", "HTML report", "PDF report"]


class SunSpaceAlgorithm(QgsProcessingAlgorithm):
    """Base of every SunSpace algorithm.

    Subclasses set ``NAME``, ``DISPLAY`` (English, translated through tr()), ``GROUP``
    and ``HELP`` (English HTML) and implement :meth:`compute` instead of ``processAlgorithm``.
    This class is the one error path: a :class:`SunSpaceError` (or a core ``ValueError``)
    becomes a translated ``QgsProcessingException``; cancelling returns nothing; and on
    any failure the files this run created are removed (no partial GeoPackages).
    """

    NAME = ""
    DISPLAY = ""
    GROUP = ""
    HELP = ""

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802 (QGIS API)
        return tr(self.DISPLAY)

    def group(self):
        return tr(GROUPS[self.GROUP])

    def groupId(self):  # noqa: N802 (QGIS API)
        return self.GROUP

    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(self.HELP) if self.HELP else ""

    def createInstance(self):  # noqa: N802 (QGIS API)
        return type(self)()

    def addParameter(self, definition, createOutput=True):  # noqa: N802,N803 (QGIS API)
        """Add a parameter with SunSpace's help, decimals and field default (algorithms/parameter_help.py)."""
        apply_parameter_conventions(definition)
        return super().addParameter(definition, createOutput)

    def tr(self, text):
        return tr(text)

    # -- the one error path ---------------------------------------------------------------
    def compute(self, parameters, context, feedback):  # pragma: no cover - every subclass implements it
        raise NotImplementedError

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS API)
        self._created = []
        if not hasattr(_STYLES, "stack"):
            _STYLES.stack = []
        _STYLES.stack.append([])
        try:
            try:
                result = self.compute(parameters, context, feedback)
                check_canceled(feedback)
            finally:
                styles = _STYLES.stack.pop()
        except Cancelled:
            self._discard()
            if feedback is not None:
                feedback.pushInfo(tr("Cancelled: no output was written."))
            return {}
        except SunSpaceError as exc:
            self._discard()
            raise QgsProcessingException(translate_error(exc)) from None
        except QgsProcessingException:
            self._discard()
            raise
        except ValueError as exc:  # a core check that has no template yet: still a message, not a traceback
            self._discard()
            raise QgsProcessingException(str(exc)) from None
        except BaseException:
            self._discard()
            raise
        self._save_styles(styles, feedback)
        return {key: plain_value(value) for key, value in (result or {}).items()}

    def _save_styles(self, styles, feedback):
        """Close this run's sinks, then save the styles of its GeoPackage vector outputs into the files."""
        import gc

        for entry in self._created:
            if entry[0] is not None:
                entry[0].sink = None  # the writer closes its file when it is deleted
        self._created = []
        if not styles:
            return
        gc.collect()
        for dest, qml in styles:
            try:
                save_style_into_gpkg(dest, qml)
            except Exception as exc:  # noqa: BLE001 - a style not saved never fails a finished run
                if feedback is not None:
                    feedback.pushInfo(tr("Style {name} not saved into the GeoPackage: {message}").format(
                        name=qml, message=exc))

    def created_file(self, path: str) -> None:
        """Record a file this run creates, removed again if the run fails or is cancelled."""
        if path and not os.path.exists(path):
            self._created.append((None, path))

    def _discard(self):
        import gc

        paths = [p for _, p in getattr(self, "_created", []) if p]
        for entry in getattr(self, "_created", []):
            if entry[0] is not None:
                entry[0].sink = None
        self._created = []
        gc.collect()  # sinks close their files when they are deleted
        for path in paths:
            for p in (path, path + "-wal", path + "-shm", path + "-journal"):
                try:
                    if os.path.isfile(p):
                        os.remove(p)
                except OSError:
                    pass

    def sink(self, parameters, name, context, fields, wkb_type, crs):
        """A checked output sink: ``(CheckedSink, dest_id)``; an unwritable destination stops the run."""
        path = _output_path(parameters.get(name), context)
        existed = bool(path) and os.path.exists(path)
        sink, dest = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        checked = CheckedSink(sink, name, self.parameterDefinition(name).description() if self.parameterDefinition(name) else name)
        if path and not existed:
            self._created.append((checked, path))
        else:
            self._created.append((checked, None))
        return checked, dest


def plain_value(value):
    """A result value QGIS can carry: numpy scalars become Python numbers (NaN becomes None).

    A numpy integer would reach QGIS as an opaque Python object, which qgis_process --json
    cannot serialise (it crashed with a heap corruption on QGIS 3.22).
    """
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _output_path(value, context):
    """The file an output parameter value points to ('' for memory/temporary outputs)."""
    if value is None:
        return ""
    sink = getattr(value, "sink", None)
    if sink is not None:
        value = sink.staticValue() if hasattr(sink, "staticValue") else sink
    text = str(value or "")
    if text.startswith("ogr:"):
        m = re.search(r"dbname='([^']+)'", text)
        return m.group(1) if m else ""
    text = text.split("|")[0]
    if not text or text.startswith(("memory:", "TEMPORARY_OUTPUT", "postgres", "spatialite:")):
        return ""
    return text


def check_output_file(path: str, what: str) -> None:
    """Stop before the work when a report or raster file cannot be written (folder missing or read-only)."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if not os.path.isdir(folder):
        raise SunSpaceError("Cannot write the {what} '{path}': the folder does not exist.", what=tr(what), path=path)
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise SunSpaceError("Cannot write the {what} '{path}': permission denied.", what=tr(what), path=path)
