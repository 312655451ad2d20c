"""sunspace:parcelindicators — residential parcel indicators (DOMAIN.md sections 3-4)."""
from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

import shapely

from ..core.geodesy import LocalFrame
from ..core.indicators import INDICATOR_FIELDS, overlapping_pairs, parcel_indicators
from .common import SunSpaceAlgorithm, check_canceled, read_layer, style_on_load, tr, warn
from .compat import DOUBLE_NUMBER, NUMERIC_FIELD, POLYGON_SOURCE, make_field
from .sunparams import read_buildings

STRING_FIELDS = {"category", "cat_code", "form"}



class ParcelIndicatorsAlgorithm(SunSpaceAlgorithm):
    PARCELS = "PARCELS"
    BUILDINGS = "BUILDINGS"
    FLOORS_FIELD = "FLOORS_FIELD"
    HEIGHT_FIELD = "HEIGHT_FIELD"
    FLOOR_HEIGHT = "FLOOR_HEIGHT"
    RESIDENTIAL = "RESIDENTIAL"
    GREEN = "GREEN"
    PER_CAPITA = "PER_CAPITA"
    TOWER_ASPECT = "TOWER_ASPECT"
    OUTPUT = "OUTPUT"

    NAME = "parcelindicators"
    DISPLAY = "Parcel indicators"
    GROUP = "parcels"

    #: Units of the indicator fields in the help (core.indicators.INDICATOR_FIELDS).
    UNIT_LABELS = ["m²", "floors", "persons", "m² per person"]
    UNITS = {"m2": "m²", "floors": "floors", "persons": "persons", "m2/person": "m² per person"}

    def shortHelpString(self):
        rows = "".join(f"<li><b>{k}</b>: {tr(d)}" + (f" [{tr(self.UNITS.get(u, u))}]" if u and u != "-" else "") + "</li>"
                       for k, (d, u) in INDICATOR_FIELDS.items())
        return tr(
            "<p>Residential indicators of every parcel: building density, floor area, FAR, average floors, "
            "category (GB 50180-2018 table 4.0.2, with high-rise III for 27+ floors), form (slab / tower / mixed, "
            "from footprint shapes), population, concentrated green per person and the open-space ratio "
            "OSR = (parcel area - footprint) / floor area.</p>"
            "<p>Areas are ground square metres whatever the layers' CRS. A building crossing a parcel line "
            "counts in each parcel by the share of its footprint inside. Floors come from the floors field, "
            "or else from the height field as max(1, round(height / floor height)). Leave the residential "
            "expression empty to treat every building as residential. Input layers are never modified.</p>"
        ) + tr("<p>Output fields:</p>") + f"<ul>{rows}</ul>"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(self.PARCELS, tr("Parcels"), [POLYGON_SOURCE]))
        self.addParameter(QgsProcessingParameterFeatureSource(self.BUILDINGS, tr("Buildings"), [POLYGON_SOURCE]))
        self.addParameter(
            QgsProcessingParameterField(
                self.FLOORS_FIELD, tr("Floors field"), parentLayerParameterName=self.BUILDINGS,
                type=NUMERIC_FIELD, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.HEIGHT_FIELD, tr("Height field (used when no floors field)"),
                parentLayerParameterName=self.BUILDINGS, type=NUMERIC_FIELD, optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.FLOOR_HEIGHT, tr("Floor height, m"), type=DOUBLE_NUMBER, defaultValue=3.0, minValue=1.0, maxValue=10.0
            )
        )
        self.addParameter(
            QgsProcessingParameterExpression(
                self.RESIDENTIAL, tr("Residential buildings (expression; empty = from a use field, else all)"),
                parentLayerParameterName=self.BUILDINGS, optional=True, defaultValue="",
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.GREEN, tr("Concentrated green"), [POLYGON_SOURCE], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.PER_CAPITA, tr("Residential floor area per person, m²"), type=DOUBLE_NUMBER,
                defaultValue=30.0, minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TOWER_ASPECT, tr("Point tower if footprint aspect ratio below"), type=DOUBLE_NUMBER,
                defaultValue=2.0, minValue=1.01, maxValue=20.0,
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Parcel indicators")))

    def compute(self, parameters, context, feedback):
        per_capita = self.parameterAsDouble(parameters, self.PER_CAPITA, context)
        tower_aspect = self.parameterAsDouble(parameters, self.TOWER_ASPECT, context)
        feedback.setProgressText(tr("Reading layers"))
        parcels = read_layer(self, parameters, self.PARCELS, context, feedback, "parcels")
        buildings = read_buildings(self, parameters, context, feedback)
        green = read_layer(self, parameters, self.GREEN, context, feedback, "green", required=False)
        feedback.setProgress(30)

        frame = LocalFrame.around(parcels["geoms"], parcels["crs"])
        p_local = frame.to_local(parcels["geoms"], parcels["crs"])
        b_local = frame.to_local(buildings["geoms"], buildings["crs"])
        g_local = frame.to_local(green["geoms"], green["crs"]) if green is not None else None
        warn_if_apart(feedback, p_local, b_local, parcels["label"], buildings["label"])
        warn_overlaps(feedback, b_local, buildings)
        feedback.setProgressText(tr("Computing indicators"))
        u = buildings["usable"]
        result = parcel_indicators(p_local, np.where(u, b_local, None), np.where(u, buildings["floors"], 1.0),
                                   buildings["residential"], g_local, per_capita_floor_area=per_capita,
                                   tower_max_aspect=tower_aspect)
        check_canceled(feedback)
        feedback.setProgress(70)
        dest = write_parcels(self, parameters, context, feedback, self.OUTPUT, parcels, result, {}, "parcel_category.qml")
        return {self.OUTPUT: dest}


def write_parcels(alg, parameters, context, feedback, name, parcels, indicators, extra, qml, progress=(70, 100)):
    """Write the parcels with their input attributes, the indicator fields and ``extra`` fields, row by row.

    ``extra`` maps field name -> (kind, values); input fields with an output field's name are replaced (with a warning).
    """
    in_fields = parcels["fields"]
    names = list(INDICATOR_FIELDS) + list(extra)
    out_fields = QgsFields()
    replaced, keep = [], []
    for i, f in enumerate(in_fields):
        if f.name().lower() in names:
            replaced.append(f.name())
            continue
        keep.append(i)
        out_fields.append(f)
    for key, (desc, unit) in INDICATOR_FIELDS.items():
        field = make_field(key, "string" if key in STRING_FIELDS else "double", f"{desc} [{unit}]" if unit else desc)
        out_fields.append(field)
    for key, (kind, _) in extra.items():
        out_fields.append(make_field(key, kind))
    if replaced:
        warn(feedback, tr("Input field(s) {fields} of layer {layer} are replaced by the computed values.").format(
            fields=", ".join(replaced), layer=parcels["label"]))
    src = parcels["source"]
    sink, dest = alg.sink(parameters, name, context, out_fields, src.wkbType(), src.sourceCrs())
    selected = np.flatnonzero(parcels["selected"])
    total = max(1, len(selected))
    lo, hi = progress
    for n, i in enumerate(selected):
        if n % 500 == 0:
            check_canceled(feedback)
            feedback.setProgress(lo + (hi - lo) * n / total)
        out = QgsFeature(out_fields)
        out.setGeometry(parcels["qgeoms"][i])
        row = parcels["rows"][i]
        attrs = [row[k] for k in keep]
        for key in INDICATOR_FIELDS:
            attrs.append(_value(indicators[key][i], key in STRING_FIELDS))
        for key, (kind, values) in extra.items():
            attrs.append(_value(values[i], kind == "string", kind == "int"))
        out.setAttributes(attrs)
        sink.add(out)
    style_on_load(context, dest, qml)
    return dest


def _value(v, text=False, integer=False):
    """An attribute value: None for NaN/None, str, int or float."""
    if v is None:
        return None
    if text:
        return str(v)
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(x):
        return None
    return int(round(x)) if integer else x


def warn_overlaps(feedback, b_local, data):
    """Warn, naming the features, when building footprints overlap (their ground is counted once)."""
    i, j = overlapping_pairs(np.where(data["usable"], b_local, None))
    if i.size:
        pairs = ", ".join(f"{data['ids'][a]}/{data['ids'][b]}" for a, b in zip(i[:10], j[:10]))
        warn(feedback, tr("Layer {layer}: {n} pair(s) of footprints overlap ({pairs}): duplicated buildings, or a tower drawn "
                          "over its podium? Their ground is counted once; each building's floor area counts.").format(
            layer=data["label"], n=int(i.size), pairs=pairs + (", ..." if i.size > 10 else "")))


def warn_if_apart(feedback, a_local, b_local, a_label, b_label):
    """Warn when two layers do not overlap at all (e.g. buildings 500 km from the parcels)."""
    a = np.asarray(a_local, dtype=object)
    b = np.asarray(b_local, dtype=object)
    a, b = a[~shapely.is_missing(a)], b[~shapely.is_missing(b)]
    if not a.size or not b.size:
        return
    ba, bb = shapely.total_bounds(a), shapely.total_bounds(b)
    if ba[0] > bb[2] or bb[0] > ba[2] or ba[1] > bb[3] or bb[1] > ba[3]:
        gap = float(shapely.distance(shapely.box(*ba), shapely.box(*bb)))
        warn(feedback, tr("Layers {a} and {b} do not overlap (their extents are {gap:.0f} m apart): no building lies on any "
                          "parcel.").format(a=a_label, b=b_label, gap=gap))
