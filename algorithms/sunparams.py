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

from ..core.geodesy import LocalFrame
from ..core.solar import standard_day, true_solar_to_clock
from ..core.standards import STANDARD_DAYS, CountingRules, SunlightStandard, counting_rules, gb50180_standard
from ..core.sunlight import prepare_obstructors
from ..core.validation import check_positive
from .common import read_polygons, source_name
from .compat import DOUBLE_NUMBER, FLAG_ADVANCED, INTEGER_NUMBER, NUMERIC_FIELD, POLYGON_SOURCE

STANDARD_PRESETS = [
    ("GB 50180-2018: 大寒日 ≥ 2 h, 8-16 h (zones I/II/III/VII, city ≥ 500k; e.g. Xi'an, Beijing)", lambda: gb50180_standard("II", True)),
    ("GB 50180-2018: 大寒日 ≥ 3 h, 8-16 h (zones I/II/III/VII city < 500k; zone IV city ≥ 500k)", lambda: gb50180_standard("IV", True)),
    ("GB 50180-2018: 冬至日 ≥ 1 h, 9-15 h (zone IV city < 500k; zones V/VI)", lambda: gb50180_standard("V")),
    ("GB 50180-2018: elderly housing 老年人居住建筑 冬至日 ≥ 2 h", lambda: gb50180_standard("II", special="elderly")),
    ("GB 50180-2018: old-area renewal 旧区改建 大寒日 ≥ 1 h", lambda: gb50180_standard("II", special="renewal")),
    ("Custom (day, hours and window below) 自定义", None),
]
RULE_PRESETS = ["national", "beijing", "hangzhou", "shanghai", "qingdao", "custom"]
RULE_LABELS = [
    "National: cumulative, 1-min step 全国：累计，1分钟",
    "Beijing: drop segments < 5 min (大寒) / 30 min (冬至), sweep 12° 北京",
    "Hangzhou: longest 2 segments, 5-min step 杭州",
    "Shanghai: one continuous segment 上海：连续",
    "Qingdao: ignore sun below 15° 青岛",
    "Custom (knobs below) 自定义",
]
DAY_CODES = list(STANDARD_DAYS)  # dahan, dongzhi


@dataclass
class SunSettings:
    standard: SunlightStandard
    rules: CountingRules
    declination: float
    date: datetime.date
    year: int

    def describe(self) -> str:
        return (f"{self.standard.label or 'custom standard'}: {STANDARD_DAYS[self.standard.day]}日 {self.date}, "
                f"declination {self.declination:.3f}°, ≥ {self.standard.hours:g} h in {self.standard.window[0]:g}-"
                f"{self.standard.window[1]:g} h true solar time; counting: {self.rules.name}"
                f" (step {'exact' if self.rules.step_minutes is None else f'{self.rules.step_minutes:g} min'}, "
                f"sweep {self.rules.sweep_angle:g}°, min altitude {self.rules.min_altitude:g}°)")


def add_standard_parameters(alg, tr):
    """Add the standard, day and counting-rule parameters to an algorithm."""
    alg.addParameter(QgsProcessingParameterEnum("STANDARD", tr("Sunlight standard 日照标准"),
                                                options=[label for label, _ in STANDARD_PRESETS], defaultValue=0))
    adv = []
    adv.append(QgsProcessingParameterEnum("DAY", tr("Custom standard day 自定义标准日"),
                                          options=["大寒日 (Great Cold)", "冬至日 (Winter Solstice)"], defaultValue=0))
    adv.append(QgsProcessingParameterNumber("HOURS", tr("Custom required hours 自定义日照小时数"), type=DOUBLE_NUMBER,
                                            defaultValue=2.0, minValue=0.1, maxValue=12.0))
    adv.append(QgsProcessingParameterNumber("WINDOW_START", tr("Custom window start, true solar hour 有效日照起"),
                                            type=DOUBLE_NUMBER, defaultValue=8.0, minValue=0.0, maxValue=24.0))
    adv.append(QgsProcessingParameterNumber("WINDOW_END", tr("Custom window end, true solar hour 有效日照止"),
                                            type=DOUBLE_NUMBER, defaultValue=16.0, minValue=0.0, maxValue=24.0))
    alg.addParameter(QgsProcessingParameterNumber("YEAR", tr("Year of the standard day 年份"), type=INTEGER_NUMBER,
                                                  defaultValue=datetime.date.today().year, minValue=1900, maxValue=2100))
    adv.append(QgsProcessingParameterNumber("DECLINATION", tr("Fixed solar declination, degrees (overrides the year) 赤纬"),
                                            type=DOUBLE_NUMBER, optional=True, minValue=-23.5, maxValue=23.5))
    alg.addParameter(QgsProcessingParameterEnum("RULES", tr("Counting rules 计算规则"), options=RULE_LABELS, defaultValue=0))
    adv.append(QgsProcessingParameterNumber("STEP", tr("Custom time step, minutes (0 = exact) 时间步长"), type=DOUBLE_NUMBER,
                                            defaultValue=1.0, minValue=0.0, maxValue=60.0))
    adv.append(QgsProcessingParameterNumber("MIN_SEGMENT", tr("Custom: drop sunlit segments shorter than, minutes 最短有效时段"),
                                            type=DOUBLE_NUMBER, defaultValue=0.0, minValue=0.0))
    adv.append(QgsProcessingParameterNumber("LONGEST", tr("Custom: count only the N longest segments (0 = all) 最长时段数"),
                                            type=INTEGER_NUMBER, defaultValue=0, minValue=0))
    adv.append(QgsProcessingParameterBoolean("CONTINUOUS", tr("Custom: one continuous segment must meet the standard 连续日照"),
                                             defaultValue=False))
    adv.append(QgsProcessingParameterNumber("SWEEP", tr("Custom: sweep angle, degrees 扫掠角"), type=DOUBLE_NUMBER,
                                            defaultValue=0.0, minValue=0.0, maxValue=89.0))
    adv.append(QgsProcessingParameterNumber("MIN_ALTITUDE", tr("Custom: minimum sun altitude, degrees 最低太阳高度角"),
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
        return SunSettings(std, rules, dec, term["date"], year)
    except ValueError as exc:
        raise QgsProcessingException(str(exc)) from None


def add_building_parameters(alg, tr, name="BUILDINGS", label="Buildings 建筑", residential=True):
    alg.addParameter(QgsProcessingParameterFeatureSource(name, tr(label), [POLYGON_SOURCE]))
    alg.addParameter(QgsProcessingParameterField("HEIGHT_FIELD", tr("Height field, m 建筑高度字段"), parentLayerParameterName=name,
                                                 type=NUMERIC_FIELD, optional=True))
    alg.addParameter(QgsProcessingParameterField("FLOORS_FIELD", tr("Floors field (used when no height field) 层数字段"),
                                                 parentLayerParameterName=name, type=NUMERIC_FIELD, optional=True))
    alg.addParameter(QgsProcessingParameterNumber("FLOOR_HEIGHT", tr("Floor height, m 层高"), type=DOUBLE_NUMBER,
                                                  defaultValue=3.0, minValue=1.0, maxValue=10.0))
    base = QgsProcessingParameterField("BASE_FIELD", tr("Base elevation field, m (empty = 0) 基底标高字段"),
                                       parentLayerParameterName=name, type=NUMERIC_FIELD, optional=True)
    base.setFlags(base.flags() | FLAG_ADVANCED)
    alg.addParameter(base)
    if residential:
        alg.addParameter(QgsProcessingParameterExpression("RESIDENTIAL", tr("Residential buildings (expression; empty = all) 住宅判定表达式"),
                                                          parentLayerParameterName=name, optional=True, defaultValue=""))
    alg.addParameter(QgsProcessingParameterNumber("SILL", tr("Window sill above floor, m 窗台高度"), type=DOUBLE_NUMBER,
                                                  defaultValue=0.9, minValue=0.0, maxValue=3.0))


def read_buildings(alg, parameters, context, feedback, name="BUILDINGS", residential=True, source=None):
    """Read a buildings source: geometries, heights (m), floors, base and residential flags."""
    src = source if source is not None else alg.parameterAsSource(parameters, name, context)
    if src is None:
        raise QgsProcessingException(alg.invalidSourceError(parameters, name))
    lname = source_name(src, name.lower())
    hfield = alg.parameterAsString(parameters, "HEIGHT_FIELD", context)
    ffield = alg.parameterAsString(parameters, "FLOORS_FIELD", context)
    bfield = alg.parameterAsString(parameters, "BASE_FIELD", context)
    floor_h = alg.parameterAsDouble(parameters, "FLOOR_HEIGHT", context)
    if not hfield and not ffield:
        raise QgsProcessingException(f"Layer '{lname}': choose a height field or a floors field.")
    fields = [f for f in (hfield, ffield, bfield) if f]
    for f in fields:
        if src.fields().indexFromName(f) < 0:
            raise QgsProcessingException(f"Layer '{lname}' has no field '{f}'.")
    expr = alg.parameterAsExpression(parameters, "RESIDENTIAL", context).strip() if residential else ""
    data = read_polygons(src, lname, feedback, fields=fields, expression=expr or None, context=context)
    usable = np.array([g is not None for g in data["geoms"]])
    ids = data["ids"]
    try:
        if hfield:
            height = np.full(len(ids), np.nan)
            height[usable] = check_positive(np.array(data["attrs"][hfield], dtype=object)[usable], ids[usable], hfield, lname)
            floors = np.maximum(1.0, np.floor(height / floor_h + 1e-9))
        else:
            floors = np.full(len(ids), np.nan)
            floors[usable] = check_positive(np.array(data["attrs"][ffield], dtype=object)[usable], ids[usable], ffield, lname)
            height = floors * floor_h
        base = np.zeros(len(ids))
        if bfield:
            vals = np.array([np.nan if v is None else v for v in data["attrs"][bfield]], dtype=float)
            bad = usable & ~np.isfinite(vals)
            if bad.any():
                from ..core.validation import id_list
                raise ValueError(f"Layer '{lname}', field '{bfield}': NULL in feature(s) {id_list(ids[bad])}.")
            base = np.where(np.isfinite(vals), vals, 0.0)
    except ValueError as exc:
        raise QgsProcessingException(str(exc)) from None
    res = np.array([bool(v) for v in data["expr"]]) if expr else np.ones(len(ids), bool)
    data.update(height=height, floors=floors, base=base, residential=res & usable, usable=usable, name=lname, source=src)
    return data


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
