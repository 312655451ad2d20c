"""Parameters shared by the sunlight algorithms: the standard, the counting rules, the day, buildings."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

import numpy as np
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

import shapely

from ..core.geodesy import MAX_LATITUDE_SPAN, LocalFrame, check_coordinates
from ..core.solar import standard_day, true_solar_to_clock
from ..core.standards import STANDARD_DAYS, CountingRules, SunlightStandard, counting_rules, gb50180_standard
from ..core.sunlight import prepare_obstructors
from ..core.detect import detect_floors_field, detect_height_field, detect_use_field
from ..core.detect import residential_expression as detect_residential_expression
from ..core.errors import N_, SunSpaceError
from ..core.validation import check_positive, floors_and_heights, id_list
from .common import expression_flags, is_null, layer_label, parameter_layer_name, read_layer, tr, warn
from .compat import DOUBLE_NUMBER, FLAG_ADVANCED, INTEGER_NUMBER, NUMERIC_FIELD, POINT_SOURCE, POLYGON_SOURCE

STANDARD_LABELS = [
    "GB 50180-2018: Great Cold day ≥ 2 h, 8-16 h (climate zones I, II, III, VII, cities ≥ 500,000; e.g. Xi'an, Beijing)",
    "GB 50180-2018: Great Cold day ≥ 3 h, 8-16 h (zones I, II, III, VII, cities < 500,000; zone IV, cities ≥ 500,000)",
    "GB 50180-2018: Winter Solstice day ≥ 1 h, 9-15 h (zone IV, cities < 500,000; zones V, VI)",
    "GB 50180-2018: housing for the elderly, Winter Solstice day ≥ 2 h",
    "GB 50180-2018: new housing in old-area renewal, Great Cold day ≥ 1 h",
    "Custom (day, hours and window below)",
]
STANDARD_PRESETS = list(zip(STANDARD_LABELS, [
    lambda: gb50180_standard("II", True), lambda: gb50180_standard("IV", True), lambda: gb50180_standard("V"),
    lambda: gb50180_standard("II", special="elderly"), lambda: gb50180_standard("II", special="renewal"), None]))
RULE_PRESETS = ["national", "beijing", "hangzhou", "shanghai", "qingdao", "custom"]
RULE_LABELS = [
    "National: cumulative sunlight, 1-minute step",
    "Beijing: drop sunlit segments shorter than 5 min (Great Cold day) / 30 min (Winter Solstice day), sweep angle 12°",
    "Hangzhou: the 2 longest sunlit segments, 5-minute step",
    "Shanghai: one continuous sunlit segment",
    "Qingdao: ignore sun lower than 15°",
    "Custom (settings below)",
]
DAY_LABELS = ["Great Cold day (Dahan)", "Winter Solstice day (Dongzhi)"]
#: Counting-rule names in the run log (CountingRules.name).
RULE_NAMES = {"national": N_("national"), "beijing": N_("Beijing"), "hangzhou": N_("Hangzhou"),
              "shanghai": N_("Shanghai"), "qingdao": N_("Qingdao"), "custom": N_("custom")}
DAY_CODES = list(STANDARD_DAYS)  # dahan, dongzhi


@dataclass
class SunSettings:
    standard: SunlightStandard
    rules: CountingRules
    declination: float
    date: datetime.date
    year: int
    label: str = ""  # the chosen entry of STANDARD_LABELS (English)

    def describe(self) -> str:
        """The standard and counting rules in one line, in the user's language (run log, shadow-line layer)."""
        rules = self.rules
        step = tr("exact") if rules.step_minutes is None else tr("{m:g} min").format(m=rules.step_minutes)
        return tr("{standard}: {day} {date}, declination {dec:.3f}°, ≥ {hours:g} h between {start:g} and {end:g} h "
                  "true solar time; counting rules: {rules} (time step {step}, sweep angle {sweep:g}°, minimum sun "
                  "altitude {alt:g}°)").format(
            standard=tr(self.label) if self.label else (self.standard.label or tr("custom standard")),
            day=tr(DAY_LABELS[DAY_CODES.index(self.standard.day)]), date=self.date, dec=self.declination,
            hours=self.standard.hours, start=self.standard.window[0], end=self.standard.window[1],
            rules=tr(RULE_NAMES.get(rules.name, rules.name)), step=step, sweep=rules.sweep_angle, alt=rules.min_altitude)


def add_standard_parameters(alg, tr):
    """Add the standard, day and counting-rule parameters to an algorithm."""
    alg.addParameter(QgsProcessingParameterEnum("STANDARD", tr("Sunlight standard"),
                                                options=[tr(label) for label in STANDARD_LABELS], defaultValue=0))
    adv = []
    adv.append(QgsProcessingParameterEnum("DAY", tr("Custom standard day"),
                                          options=[tr(label) for label in DAY_LABELS], defaultValue=0))
    adv.append(QgsProcessingParameterNumber("HOURS", tr("Custom required hours"), type=DOUBLE_NUMBER,
                                            defaultValue=2.0, minValue=0.1, maxValue=12.0))
    adv.append(QgsProcessingParameterNumber("WINDOW_START", tr("Custom window start, true solar hour"),
                                            type=DOUBLE_NUMBER, defaultValue=8.0, minValue=0.0, maxValue=24.0))
    adv.append(QgsProcessingParameterNumber("WINDOW_END", tr("Custom window end, true solar hour"),
                                            type=DOUBLE_NUMBER, defaultValue=16.0, minValue=0.0, maxValue=24.0))
    alg.addParameter(QgsProcessingParameterNumber("YEAR", tr("Year of the standard day"), type=INTEGER_NUMBER,
                                                  defaultValue=datetime.date.today().year, minValue=1900, maxValue=2100))
    adv.append(QgsProcessingParameterNumber("DECLINATION", tr("Fixed solar declination, degrees (overrides the year)"),
                                            type=DOUBLE_NUMBER, optional=True, minValue=-23.5, maxValue=23.5))
    alg.addParameter(QgsProcessingParameterEnum("RULES", tr("Counting rules"),
                                                options=[tr(label) for label in RULE_LABELS], defaultValue=0))
    adv.append(QgsProcessingParameterNumber("STEP", tr("Custom time step, minutes (0 = exact)"), type=DOUBLE_NUMBER,
                                            defaultValue=1.0, minValue=0.0, maxValue=60.0))
    adv.append(QgsProcessingParameterNumber("MIN_SEGMENT", tr("Custom: drop sunlit segments shorter than, minutes"),
                                            type=DOUBLE_NUMBER, defaultValue=0.0, minValue=0.0))
    adv.append(QgsProcessingParameterNumber("LONGEST", tr("Custom: count only the N longest segments (0 = all)"),
                                            type=INTEGER_NUMBER, defaultValue=0, minValue=0))
    adv.append(QgsProcessingParameterBoolean("CONTINUOUS", tr("Custom: one continuous segment must meet the standard"),
                                             defaultValue=False))
    adv.append(QgsProcessingParameterNumber("SWEEP", tr("Custom: sweep angle, degrees"), type=DOUBLE_NUMBER,
                                            defaultValue=0.0, minValue=0.0, maxValue=89.0))
    adv.append(QgsProcessingParameterNumber("MIN_ALTITUDE", tr("Custom: minimum sun altitude, degrees"),
                                            type=DOUBLE_NUMBER, defaultValue=0.0, minValue=0.0, maxValue=89.0))
    for p in adv:
        p.setFlags(p.flags() | FLAG_ADVANCED)
        alg.addParameter(p)


def parse_standard(alg, parameters, context) -> SunSettings:
    try:
        idx = alg.parameterAsEnum(parameters, "STANDARD", context)
        make = STANDARD_PRESETS[idx][1]
        if make is None:
            day = DAY_CODES[alg.parameterAsEnum(parameters, "DAY", context)]
            std = SunlightStandard(day, alg.parameterAsDouble(parameters, "HOURS", context),
                                   (alg.parameterAsDouble(parameters, "WINDOW_START", context),
                                    alg.parameterAsDouble(parameters, "WINDOW_END", context)), "custom")
        else:
            std = make()
        preset = RULE_PRESETS[alg.parameterAsEnum(parameters, "RULES", context)]
        if preset == "custom":
            step = alg.parameterAsDouble(parameters, "STEP", context)
            longest = alg.parameterAsInt(parameters, "LONGEST", context)
            rules = CountingRules(step_minutes=step if step > 0 else None,
                                  min_segment_minutes=alg.parameterAsDouble(parameters, "MIN_SEGMENT", context),
                                  longest_segments=longest if longest > 0 else None,
                                  continuous=alg.parameterAsBool(parameters, "CONTINUOUS", context),
                                  sweep_angle=alg.parameterAsDouble(parameters, "SWEEP", context),
                                  min_altitude=alg.parameterAsDouble(parameters, "MIN_ALTITUDE", context), name="custom")
        else:
            rules = counting_rules(preset, std.day)
        year = alg.parameterAsInt(parameters, "YEAR", context)
        term = standard_day(STANDARD_DAYS[std.day], year)
        dec = term["declination"]
        if parameters.get("DECLINATION") not in (None, ""):
            dec = alg.parameterAsDouble(parameters, "DECLINATION", context)
        return SunSettings(std, rules, dec, term["date"], year, STANDARD_LABELS[idx])
    except ValueError as exc:
        raise QgsProcessingException(str(exc)) from None


def add_building_parameters(alg, tr, name="BUILDINGS", label=N_("Buildings"), residential=True):
    alg.addParameter(QgsProcessingParameterFeatureSource(name, tr(label), [POLYGON_SOURCE]))
    alg.addParameter(QgsProcessingParameterField("HEIGHT_FIELD", tr("Height field, m"), parentLayerParameterName=name,
                                                 type=NUMERIC_FIELD, optional=True))
    alg.addParameter(QgsProcessingParameterField("FLOORS_FIELD", tr("Floors field (used when no height field)"),
                                                 parentLayerParameterName=name, type=NUMERIC_FIELD, optional=True))
    alg.addParameter(QgsProcessingParameterNumber("FLOOR_HEIGHT", tr("Floor height, m"), type=DOUBLE_NUMBER,
                                                  defaultValue=3.0, minValue=1.0, maxValue=10.0))
    base = QgsProcessingParameterField("BASE_FIELD", tr("Base elevation field, m (empty = 0)"),
                                       parentLayerParameterName=name, type=NUMERIC_FIELD, optional=True)
    base.setFlags(base.flags() | FLAG_ADVANCED)
    alg.addParameter(base)
    if residential:
        alg.addParameter(QgsProcessingParameterExpression("RESIDENTIAL", tr("Residential buildings (expression; empty = from a use field, else all)"),
                                                          parentLayerParameterName=name, optional=True, defaultValue=""))
    alg.addParameter(QgsProcessingParameterNumber("SILL", tr("Window sill above floor, m"), type=DOUBLE_NUMBER,
                                                  defaultValue=0.9, minValue=0.0, maxValue=3.0))


def read_buildings(alg, parameters, context, feedback, name="BUILDINGS", residential=True, role="buildings", required=None):
    """Read a buildings parameter: geometries, heights (m), floors, base and residential flags, by row.

    Every building of the layer is read, whatever the selection: all of them cast
    shadows. ``selected`` marks the buildings chosen for evaluation ("selected features
    only"); ``evaluate`` is selected, usable and residential (whose windows are analysed).
    Floors and heights follow one rule for every tool (:func:`core.validation.floors_and_heights`).
    """
    hfield = alg.parameterAsString(parameters, "HEIGHT_FIELD", context) if _given(parameters, "HEIGHT_FIELD") else ""
    ffield = alg.parameterAsString(parameters, "FLOORS_FIELD", context) if _given(parameters, "FLOORS_FIELD") else ""
    bfield = alg.parameterAsString(parameters, "BASE_FIELD", context)
    floor_h = alg.parameterAsDouble(parameters, "FLOOR_HEIGHT", context)
    expr = residential_expression(parameters, context) if residential else ""
    if required is None:
        required = name == "BUILDINGS"
    if not required and not parameters.get(name):
        return None
    if not hfield and not ffield:  # neither given: recognise the usual names (floors, 层数, height, 高度, ...)
        hfield, ffield = detect_building_fields(alg, parameters, context, feedback, name, role)
    if residential and not expr:  # absent or empty: recognise a use field ("true" counts every building)
        expr = detect_residential(alg, parameters, context, feedback, name, role)
    if not hfield and not ffield:
        src = alg.parameterAsSource(parameters, name, context)
        raise SunSpaceError("Layer {layer}: choose a height field or a floors field.",
                            layer=layer_label(parameter_layer_name(parameters, name, src, role), role))
    data = read_layer(alg, parameters, name, context, feedback, role, fields=[f for f in (hfield, ffield, bfield) if f],
                      expression=expr or None, whole_layer=True, required=required)
    if data is None:
        return None
    label = data["label"]
    usable = np.array([g is not None for g in data["geoms"]])
    ids = data["ids"]
    height = np.full(len(ids), np.nan)
    floors = np.full(len(ids), np.nan)
    hv = check_positive(np.array(data["attrs"][hfield], dtype=object)[usable], ids[usable], hfield, label) if hfield else None
    fv = check_positive(np.array(data["attrs"][ffield], dtype=object)[usable], ids[usable], ffield, label) if ffield else None
    f_u, h_u = floors_and_heights(hv, fv, floor_h, label, hfield, ffield, ids[usable])
    floors[usable], height[usable] = f_u, h_u
    if hfield and ffield and usable.any():
        per_floor = float(np.median(h_u / f_u))
        if not 2.4 <= per_floor <= 6.0:
            warn(feedback, tr("Layer {layer}: the median height per floor is {value:.2f} m (fields '{h}' / '{f}'), outside "
                              "2.4-6 m; check the units of the height field.").format(layer=label, value=per_floor,
                                                                                     h=hfield, f=ffield))
    base = np.zeros(len(ids))
    if bfield:
        vals = []
        for i, v in zip(ids, data["attrs"][bfield]):
            try:
                vals.append(np.nan if v is None else float(v))
            except (TypeError, ValueError):
                raise SunSpaceError("Layer {layer}, field '{field}': '{value}' is not a number (feature {fid}).",
                                    layer=label, field=bfield, value=str(v), fid=i) from None
        vals = np.array(vals, dtype=float)
        bad = usable & ~np.isfinite(vals)
        if bad.any():
            raise SunSpaceError("Layer {layer}, field '{field}': NULL in feature(s) {ids}.", layer=label, field=bfield,
                                ids=id_list(ids[bad]))
        base = np.where(np.isfinite(vals), vals, 0.0)
    res = expression_flags(data, expr, feedback, "residential") if expr else np.ones(len(ids), bool)
    data.update(height=height, floors=floors, base=base, top_z=base + height, residential=res & usable, usable=usable,
                evaluate=res & usable & data["selected"])
    return data


def _given(parameters, key) -> bool:
    """True when the run names a value for ``key`` (absent or None: the tool may recognise one)."""
    value = parameters.get(key)
    if value is None:
        return False
    if key != "RESIDENTIAL" and isinstance(value, str) and not value.strip():
        return False
    return True


def detect_building_fields(alg, parameters, context, feedback, name, role):
    """(height field, floors field) recognised by name when the user chose neither; reported in the log."""
    src = alg.parameterAsSource(parameters, name, context)
    if src is None:
        return "", ""
    numeric = [f.name() for f in src.fields() if f.isNumeric()]
    hfield = detect_height_field(numeric)
    ffield = detect_floors_field(numeric)
    if (hfield or ffield) and feedback is not None:
        label = layer_label(parameter_layer_name(parameters, name, src, role), role)
        feedback.pushInfo(tr("Layer {layer}: no height or floors field chosen; using floors field '{floors}' and height "
                             "field '{height}' ('' = none).").format(layer=label, floors=ffield, height=hfield))
    return hfield, ffield


def detect_residential(alg, parameters, context, feedback, name, role) -> str:
    """A residential expression from a use field (``use``, ``用途``, ``landuse``) holding a residential value, or ''."""
    src = alg.parameterAsSource(parameters, name, context)
    if src is None:
        return ""
    field = detect_use_field(src.fields().names())
    if not field:
        return ""
    values = [v for v in src.uniqueValues(src.fields().indexFromName(field)) if not is_null(v)]
    expr = detect_residential_expression(field, values)
    if feedback is not None:
        label = layer_label(parameter_layer_name(parameters, name, src, role), role)
        if expr:
            feedback.pushInfo(tr("Layer {layer}: residential buildings are {expr} (no expression given).").format(
                layer=label, expr=expr))
        else:
            feedback.pushInfo(tr("Layer {layer}: field '{field}' has no residential value; every building counts as "
                                 "residential.").format(layer=label, field=field))
    return expr


def residential_expression(parameters, context) -> str:
    """The residential expression as the user typed it (an invalid one is not turned into 'all')."""
    value = parameters.get("RESIDENTIAL")
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(getattr(value, "staticValue", lambda: value)() or "")
    return text.strip()


def check_finite(values, ids, field, layer):
    """Numbers from a field, or a message naming the layer, field and features (NULL or text)."""
    out = np.full(len(values), np.nan)
    for i, v in enumerate(values):
        try:
            out[i] = np.nan if v is None else float(v)
        except (TypeError, ValueError):
            raise SunSpaceError("Layer {layer}, field '{field}': '{value}' is not a number (feature {fid}).", layer=layer,
                                field=field, value=str(v), fid=ids[i]) from None
    bad = ~np.isfinite(out)
    if bad.any():
        raise SunSpaceError("Layer {layer}, field '{field}': NULL in feature(s) {ids}.", layer=layer, field=field,
                            ids=id_list(np.asarray(ids)[bad]))
    return out


def sunlight_frame(data) -> LocalFrame:
    """The local frame of a sunlight run, refusing a layer too wide for one latitude.

    The engine computes the sun at the frame's latitude; over more than
    :data:`core.geodesy.MAX_LATITUDE_SPAN` degrees of latitude that would move verdicts, so
    such a layer is refused with the span and what to do.
    """
    geoms = data["geoms"]
    lon0, lat0, lon1, lat1 = check_coordinates(geoms[~shapely.is_missing(geoms)], data["crs"], data["label"])
    if lat0 < 0.0:
        raise SunSpaceError("Layer {layer} lies south of the equator (latitude {lat:.2f}); SunSpace applies the Chinese "
                            "sunlight standards, which assume the winter sun to the south (latitudes 0-60 N).",
                            layer=data["label"], lat=lat0)
    if lat1 - lat0 > MAX_LATITUDE_SPAN:
        raise SunSpaceError("Layer {layer} spans {lat0:.2f} to {lat1:.2f} degrees of latitude; one run computes the sun at "
                            "one latitude and allows at most {span:g} degrees. Run each city or district separately "
                            "(select its features).", layer=data["label"], lat0=lat0, lat1=lat1, span=MAX_LATITUDE_SPAN)
    return LocalFrame.around(geoms, data["crs"])


def add_window_source_parameters(alg):
    """The receivers' source, read by :func:`window_points`: optional window points with their
    height and facing fields, else facades sampled at SPACING metres."""
    alg.addParameter(QgsProcessingParameterFeatureSource("WINDOWS", tr("Window points instead of sampled facades"),
                                                         [POINT_SOURCE], optional=True))
    alg.addParameter(QgsProcessingParameterField("WINDOW_Z_FIELD", tr("Window height above ground field, m"),
                                                 parentLayerParameterName="WINDOWS", type=NUMERIC_FIELD, optional=True))
    alg.addParameter(QgsProcessingParameterField("WINDOW_FACING_FIELD", tr("Window facing azimuth field, degrees from north"),
                                                 parentLayerParameterName="WINDOWS", type=NUMERIC_FIELD, optional=True))
    alg.addParameter(QgsProcessingParameterNumber("SPACING", tr("Facade sampling spacing, m"), type=DOUBLE_NUMBER,
                                                  defaultValue=1.0, minValue=0.1))


def window_points(alg, parameters, context, data, frame, footprints=(), tops=()):
    """Receivers from a window-points layer (height and facing fields), refusing windows below ground or inside
    a building (``footprints`` in the local frame with their ``tops``). Returns (receivers, rows used)."""
    zf = alg.parameterAsString(parameters, "WINDOW_Z_FIELD", context)
    af = alg.parameterAsString(parameters, "WINDOW_FACING_FIELD", context)
    if not zf or not af:
        raise SunSpaceError("Layer {layer}: choose its window height and facing fields.", layer=data["label"])
    keep = np.flatnonzero(data["selected"] & ~shapely.is_missing(data["geoms"]))
    if keep.size == 0:
        raise SunSpaceError("Layer {layer} has no window point with a geometry.", layer=data["label"])
    ids = data["ids"][keep]
    z = check_finite(np.array(data["attrs"][zf], dtype=object)[keep], ids, zf, data["label"])
    az = check_finite(np.array(data["attrs"][af], dtype=object)[keep], ids, af, data["label"])
    if np.any(z < 0):
        raise SunSpaceError("Layer {layer}, field '{field}': window heights below ground in feature(s) {ids}.",
                            layer=data["label"], field=zf, ids=id_list(ids[z < 0]))
    pts = frame.to_local(shapely.get_geometry(data["geoms"][keep], 0), data["crs"])
    c = shapely.get_coordinates(pts)
    # a window sits on a facade, not inside a building's solid: 0.5 m inside and below the roof is an error
    if len(footprints):
        tree = shapely.STRtree(np.asarray(footprints, dtype=object))
        wi, bi = tree.query(pts, predicate="within")
        deep = shapely.distance(pts[wi], shapely.boundary(np.asarray(footprints, dtype=object)[bi])) > 0.5
        inside = np.unique(wi[deep & (z[wi] < tops[bi])])
        if inside.size:
            raise SunSpaceError("Layer {layer}: window point(s) {ids} lie inside a building, more than 0.5 m from its "
                                "walls and below its roof; place windows on the facade.", layer=data["label"],
                                ids=id_list(ids[inside]))
    a = np.radians(az)
    return {"x": c[:, 0], "y": c[:, 1], "z": z, "nx": np.sin(a), "ny": np.cos(a),
            "building": np.full(len(keep), -1), "floor": np.full(len(keep), -1), "id": ids}, keep


def to_frame(frame: LocalFrame, data):
    """Geometries of ``data`` in the local frame (None stays None)."""
    return frame.to_local(data["geoms"], data["crs"])


def obstructors_of(local_geoms, data, mask=None):
    keep = data["usable"] if mask is None else (data["usable"] & mask)
    return prepare_obstructors(local_geoms[keep], data["base"][keep], data["height"][keep]), np.flatnonzero(keep)


def beijing_clock(settings: SunSettings, longitude: float):
    """A function true solar hours -> Beijing clock hours on the standard day at ``longitude``."""
    offset = float(true_solar_to_clock(12.0, settings.date, longitude)) - 12.0
    return lambda h: h + offset
