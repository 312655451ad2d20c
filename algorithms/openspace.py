"""sunspace:openspaceratio and sunspace:greenfarcap (paper 003 and paper 004, DOMAIN.md sections 4-5)."""
from __future__ import annotations

import math
import os

import numpy as np
import shapely
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core.capacity import Layout, density_curve, green_constant, measured_m
from ..core.categories import CATEGORY_CODES, CATEGORY_NAMES
from ..core.green import effective_green, green_checks
from ..core.indicators import parcel_indicators
from ..core.openspace import (
    CLASS_NAMES, MIN_BASE_PARCELS, base_values, compliance_classes, floor_above_base, shortfall_actions,
)
from ..core.errors import N_, SunSpaceError
from .common import (
    CLASS_LABELS, SunSpaceAlgorithm, check_canceled, is_null, layer_label, read_layer, source_name, style_on_load, tr,
    warn,
)
from .compat import crs_text, DOUBLE_NUMBER, FLAG_ADVANCED, NO_GEOMETRY, POLYGON_SOURCE, make_field
from .parcel_indicators import warn_if_apart, warn_overlaps, write_parcels
from .sunparams import add_building_parameters, add_standard_parameters, parse_standard, read_buildings, sunlight_frame
from .zoning import add_zone_parameters, apply_zones, zone_fields, zoned_c, zoned_floor_values, zoned_shadow

#: Largest open-space ratio accepted from a user's table (m² of open space per m² of floor area).
MAX_OSR = 20.0

STRING_FIELDS = {"category", "cat_code", "form", "class", "class_name", "far_class", "fix_base", "fix_floor", "zone",
                 "zone_name", "std_day"}



def cache_dir():
    """Where DB_max curves are kept: $SUNSPACE_CACHE_DIR, else the QGIS profile's cache/sunspace."""
    if os.environ.get("SUNSPACE_CACHE_DIR"):
        return os.environ["SUNSPACE_CACHE_DIR"]
    try:
        return os.path.join(QgsApplication.qgisSettingsDirPath(), "cache", "sunspace")
    except Exception:  # pragma: no cover
        return None


def _num(v):
    if v is None:
        return None
    if isinstance(v, (bool, np.bool_)):
        return int(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    v = float(v)
    return v if math.isfinite(v) else None


def category_code(text):
    """A category code from a code or a Chinese name in a user's table ('多层Ⅰ类', '多层I类', 'mid1')."""
    t = str(text or "").strip()
    if t in CATEGORY_CODES:
        return t
    norm = t.replace("III", "Ⅲ").replace("II", "Ⅱ").replace("I", "Ⅰ").replace("类", "").replace(" ", "")
    for code, name in CATEGORY_NAMES.items():
        if norm == name.replace("类", ""):
            return code
    return None


def add_layout_parameters(alg):
    for name, label, default in (("SLAB_LENGTH", N_("Model slab length, m"), 60.0), ("SLAB_DEPTH", N_("Model slab depth, m"), 12.0),
                                 ("SLAB_GAP", N_("Model slab end gap (gable to gable), m"), 13.0),
                                 ("TOWER_WIDTH", N_("Model tower width, m"), 26.0),
                                 ("TOWER_DEPTH", N_("Model tower depth, m"), 22.0), ("TOWER_GAP", N_("Model tower minimum gap, m"), 13.0),
                                 ("MIN_SPACING", N_("Model minimum north-south gap, m"), 6.0)):
        p = QgsProcessingParameterNumber(name, tr(label), type=DOUBLE_NUMBER, defaultValue=default, minValue=1.0)
        p.setFlags(p.flags() | FLAG_ADVANCED)
        alg.addParameter(p)


def add_green_model_parameters(alg):
    for name, label, default in (("MP", N_("Concentrated green per person MP, m²"), 0.5),
                                 ("SHARE", N_("Share of the green outside the standard shadow line"), 1.0 / 3.0),
                                 ("M", N_("Shadowed-land multiplier m"), 12.0),
                                 ("R", N_("Estate-road share of the land r"), 0.15)):
        alg.addParameter(QgsProcessingParameterNumber(name, tr(label), type=DOUBLE_NUMBER, defaultValue=default, minValue=0.0))


def read_layout(alg, parameters, context, settings, sill, floor_h):
    v = {n: alg.parameterAsDouble(parameters, n, context) for n in
         ("SLAB_LENGTH", "SLAB_DEPTH", "SLAB_GAP", "TOWER_WIDTH", "TOWER_DEPTH", "TOWER_GAP", "MIN_SPACING")}
    return Layout(v["SLAB_LENGTH"], v["SLAB_DEPTH"], v["SLAB_GAP"], v["TOWER_WIDTH"], v["TOWER_DEPTH"], v["TOWER_GAP"],
                  v["MIN_SPACING"], floor_h, sill)


BASE_METHOD_OPTIONS = ["Mean of compliant parcels", "Median of compliant parcels", "Percentile of compliant parcels",
                       "From a table"]


def add_sun_green_parameters(alg):
    """Concentrated green, EP and the green model, the sunlight standard and the zones (the open-space tools)."""
    alg.addParameter(QgsProcessingParameterFeatureSource("GREEN", tr("Concentrated green"), [POLYGON_SOURCE], optional=True))
    alg.addParameter(QgsProcessingParameterNumber("PER_CAPITA", tr("Residential floor area per person EP, m²"),
                                                  type=DOUBLE_NUMBER, defaultValue=30.0, minValue=1.0))
    add_green_model_parameters(alg)
    add_standard_parameters(alg, tr)
    add_zone_parameters(alg)


def add_base_source_parameters(alg):
    """Where base values come from: derived (mean, median, percentile of compliant parcels) or a table."""
    alg.addParameter(QgsProcessingParameterEnum("BASE_METHOD", tr("Base value"), options=[tr(o) for o in BASE_METHOD_OPTIONS],
                                                defaultValue=0))
    alg.addParameter(QgsProcessingParameterNumber("PERCENTILE", tr("Percentile of compliant parcels (0-100)"),
                                                  type=DOUBLE_NUMBER, defaultValue=50.0, minValue=0.0, maxValue=100.0))
    alg.addParameter(QgsProcessingParameterFeatureSource("BASE_TABLE", tr("Base/floor table (CSV or table)"),
                                                         [QgsProcessing.TypeVector], optional=True))
    for name, label in (("TABLE_CATEGORY", N_("Table: category field")), ("TABLE_BASE", N_("Table: base value field")),
                        ("TABLE_FLOOR", N_("Table: floor value field (optional)"))):
        alg.addParameter(QgsProcessingParameterField(name, tr(label), parentLayerParameterName="BASE_TABLE", optional=True))


class _ParcelModel:
    """Read parcels, buildings and green; compute indicators, window compliance and the DB_max curve."""

    def __init__(self, alg, parameters, context, feedback, need_windows=True, per_building=False, before_windows=None):
        self.settings = parse_standard(alg, parameters, context)
        self.parcels = read_layer(alg, parameters, "PARCELS", context, feedback, "parcels")
        self.parcel_src = self.parcels["source"]
        self.bld = read_buildings(alg, parameters, context, feedback)
        self.green = read_layer(alg, parameters, "GREEN", context, feedback, "green", required=False)
        self.frame = sunlight_frame(self.parcels)
        fr = self.frame
        self.p_local = fr.to_local(self.parcels["geoms"], self.parcels["crs"])
        self.b_local = fr.to_local(self.bld["geoms"], self.bld["crs"])
        self.g_local = fr.to_local(self.green["geoms"], self.green["crs"]) if self.green is not None else None
        warn_if_apart(feedback, self.p_local, self.b_local, self.parcels["label"], self.bld["label"])
        warn_overlaps(feedback, self.b_local, self.bld)
        self.ep = alg.parameterAsDouble(parameters, "PER_CAPITA", context)
        self.sill = alg.parameterAsDouble(parameters, "SILL", context)
        floor_h = alg.parameterAsDouble(parameters, "FLOOR_HEIGHT", context)
        u = self.bld["usable"]
        self.ind = parcel_indicators(self.p_local, np.where(u, self.b_local, None), np.where(u, self.bld["floors"], 1.0),
                                     self.bld["residential"], self.g_local, per_capita_floor_area=self.ep)
        self.layout = read_layout(alg, parameters, context, self.settings, self.sill, floor_h)
        std = self.settings.standard
        feedback.pushInfo(tr("Standard: {text}").format(text=self.settings.describe()))
        feedback.setProgressText(tr("Sunlight-limited density DB_max(n) (cached per latitude and standard)"))
        self.curve = density_curve(fr.lat0, self.settings.declination, std.window, self.settings.rules, std.hours,
                                   self.layout, cache_dir=cache_dir(), progress=lambda f: feedback.setProgress(40 * f),
                                   is_canceled=feedback.isCanceled, warn=lambda text: warn(feedback, text))
        check_canceled(feedback)
        if need_windows and before_windows is not None:
            before_windows()
        # zones (standard and MP per parcel; curves and window compliance per standard) and orientation
        apply_zones(alg, parameters, context, feedback, self, need_windows, cache_dir(),
                    alg.parameterAsDouble(parameters, "WINDOW_SPACING", context) if need_windows else None,
                    per_building=per_building)

    def write(self, alg, parameters, context, feedback, sink_name, extra, qml):
        """Parcels with their attributes, the indicators and the ``extra`` fields (name -> (kind, values))."""
        return write_parcels(alg, parameters, context, feedback, sink_name, self.parcels, self.ind, extra, qml)


class OpenSpaceRatioAlgorithm(SunSpaceAlgorithm):
    COLOURS = ["osr_class3.qml", "osr_base.qml", "osr_floor.qml"]
    COLOUR_BY_OPTIONS = ["Three classes", "Base value", "Floor value"]

    NAME = "openspaceratio"
    DISPLAY = "Open-space ratio with floor and base values"
    GROUP = "control"

    def shortHelpString(self):
        return tr(
            (
            "<p>Open-space ratio control after paper 003 (Yi Xin, Huang Minghua et al.): per parcel the actual OSR = "
            "(parcel − footprint) / floor area, its <b>floor value</b> OSR_green = OSR_sun + c, where "
            "OSR_sun = 1/AF_max − 1/n from the sunlight-limited density DB_max(n) of idealised slab rows or "
            "point-tower lattices (computed with the exact sunlight engine at the parcel's latitude and "
            "cached), and c = m(1 + r)·MP·share/EP from paper 004; and its category's <b>base value</b>: "
            "the mean (or median, or a percentile) actual OSR of the input parcels of that category that meet"
            " both the sunlight standard (every south-facing ground-floor window) and the concentrated-green "
            "requirement (green ≥ MP × population), with the count used, or a value from your table (CSV or "
            "QGIS table: category, base, optional floor).</p><p>Class: meets base / between floor and base / "
            "below floor / no data, with the open-space shortfall in m². The output can be coloured by the "
            "three classes, by the base value or by the floor value; the base/floor table actually used is "
            "written too.</p>"
        )
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource("PARCELS", tr("Parcels"), [POLYGON_SOURCE]))
        add_building_parameters(self, tr)
        add_sun_green_parameters(self)
        add_base_source_parameters(self)
        self.addParameter(QgsProcessingParameterEnum("COLOUR_BY", tr("Colour by"), options=[tr(o) for o in self.COLOUR_BY_OPTIONS], defaultValue=0))
        p = QgsProcessingParameterNumber("WINDOW_SPACING", tr("Window sampling spacing for the sunlight check, m"),
                                         type=DOUBLE_NUMBER, defaultValue=2.0, minValue=0.2)
        p.setFlags(p.flags() | FLAG_ADVANCED)
        self.addParameter(p)
        add_layout_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Open-space ratio")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_TABLE", tr("Base and floor values used"),
                                                            type=QgsProcessing.TypeVector))

    def _table(self, parameters, context):
        return read_base_table(self, parameters, context)

    def compute(self, parameters, context, feedback):
        method = self.parameterAsEnum(parameters, "BASE_METHOD", context)
        table = self._table(parameters, context) if method == 3 else None
        model = _ParcelModel(self, parameters, context, feedback)
        res = osr_results(self, parameters, context, feedback, model, table)
        qml = self.COLOURS[self.parameterAsEnum(parameters, "COLOUR_BY", context)]
        dest = model.write(self, parameters, context, feedback, "OUTPUT", res["extra"], qml)
        tdest = write_osr_table(self, parameters, context, "OUTPUT_TABLE", res, model.parcel_src.sourceCrs())
        feedback.setProgress(100)
        return {"OUTPUT": dest, "OUTPUT_TABLE": tdest}


def read_base_table(self, parameters, context):
    """code -> (base, floor or NaN, count or NaN, provisional) from the BASE_TABLE parameter.

    A table written by sunspace:basevalues also carries ``base_count`` and ``provisional``, which are kept.
    """
    if True:
        src = self.parameterAsSource(parameters, "BASE_TABLE", context)
        if src is None:
            raise SunSpaceError("Base values 'From a table' need a base/floor table.")
        label = layer_label(source_name(src, "table"), "base-value table")
        cat = self.parameterAsString(parameters, "TABLE_CATEGORY", context)
        base = self.parameterAsString(parameters, "TABLE_BASE", context)
        floor = self.parameterAsString(parameters, "TABLE_FLOOR", context)
        if not cat or not base:
            raise SunSpaceError("Table {layer}: choose its category and base value fields.", layer=label)
        have = src.fields().names()
        for fld in (cat, base, floor):
            if fld and fld not in have:
                raise SunSpaceError("Table {layer} has no field '{field}' (its fields: {have}).", layer=label, field=fld,
                                    have=", ".join(have))
        out, rows = {}, {}
        for f in src.getFeatures():
            code = category_code(f[cat])
            if code is None:
                raise SunSpaceError("Table {layer}, row {fid}, field '{field}': unknown category '{value}' (use {codes} or "
                                    "低层, 多层Ⅰ类 ... 高层Ⅲ类).", layer=label, fid=f.id(), field=cat, value=f[cat],
                                    codes=", ".join(CATEGORY_CODES[:6]))
            if code in out:
                raise SunSpaceError("Table {layer}: category '{code}' appears twice (rows {first} and {second}); keep one row "
                                    "per category.", layer=label, code=code, first=rows[code], second=f.id())
            vals = []
            for fld in (base, floor):
                if not fld:
                    vals.append(np.nan)
                    continue
                v = f[fld]
                if is_null(v) or v == "":  # no value for this category (e.g. no eligible parcel): no base test
                    vals.append(np.nan)
                    continue
                try:
                    x = float(v)
                except (TypeError, ValueError):
                    raise SunSpaceError("Table {layer}, row {fid}, field '{field}': '{value}' is not a number.", layer=label,
                                        fid=f.id(), field=fld, value=v) from None
                if not (math.isfinite(x) and 0.0 < x <= MAX_OSR):
                    raise SunSpaceError("Table {layer}, row {fid}, field '{field}': {value} is not an open-space ratio (a "
                                        "positive number up to {top:g}).", layer=label, fid=f.id(), field=fld, value=v,
                                        top=MAX_OSR)
                vals.append(x)
            names = src.fields().names()
            cnt = f["base_count"] if "base_count" in names else None
            vals.append(float(cnt) if cnt is not None and not is_null(cnt) else np.nan)
            prov = f["provisional"] if "provisional" in names else None
            vals.append(bool(prov) and not is_null(prov))
            out[code] = tuple(vals)
            rows[code] = f.id()
        if not out:
            raise SunSpaceError("Table {layer} has no rows.", layer=label)
        return out

OSR_TABLE_FIELDS = (("cat_code", "string"), ("category", "string"), ("parcels", "int"), ("n_mean", "double"),
                    ("osr_actual", "double"), ("osr_sun", "double"), ("osr_floor", "double"), ("osr_base", "double"),
                    ("base_count", "int"), ("base_method", "string"), ("c", "double"), ("provisional", "int"),
                    ("floor_gt_base", "int"))


def osr_results(alg, parameters, context, feedback, model, table=None):
    """Floor and base values, classes and shortfalls of every parcel of ``model`` (arrays, no output written).

    Returns a dict: ``extra`` (field -> (kind, values)) for :func:`write_parcels`, ``rows`` (one dict per
    category for the table and the report), ``how`` (the base-value source), ``c``, ``provisional`` (codes),
    ``floor_gt_base`` (code -> (floor, base)), ``counts`` (class -> parcels).
    """
    mp, share, m, r = (alg.parameterAsDouble(parameters, k, context) for k in ("MP", "SHARE", "M", "R"))
    ep = alg.parameterAsDouble(parameters, "PER_CAPITA", context)
    c_new = green_constant(mp, ep, share, m, r)  # the new-area value
    c = zoned_c(model, ep, share, m, r)  # each parcel's MP by zone
    method = alg.parameterAsEnum(parameters, "BASE_METHOD", context)
    ind = model.ind
    fv = zoned_floor_values(model, c)
    floor = fv["osr_green"].copy()
    sun_ok = (model.n_windows > 0) & (model.n_fail == 0)
    green_ok = np.isfinite(ind["green_pp"]) & (ind["green_pp"] >= model.mp - 1e-9)
    eligible = sun_ok & green_ok & ~model.ew_flag  # east-west parcels "meet" sunlight only by turning away
    codes = ind["cat_code"]
    provisional = set()
    if table is None:
        how = ["mean", "median", "percentile"][method]
        pct = alg.parameterAsDouble(parameters, "PERCENTILE", context)
        bases = base_values(codes, ind["osr"], eligible, how, pct)
        how_text = how if how != "percentile" else f"percentile {pct:g}"
        provisional = {cd for cd, (_, n) in bases.items() if cd != "none" and n < MIN_BASE_PARCELS}
        if provisional:
            warn(feedback, tr("Base values derived from the input itself: {cats} have fewer than {n} eligible parcels; "
                              "their base values are PROVISIONAL (field 'provisional'). Use city-wide base values "
                              "(sunspace:basevalues) for a defensible check.").format(
                cats=", ".join(f"{CATEGORY_NAMES.get(cd, cd)} ({bases[cd][1]})" for cd in sorted(provisional)),
                n=MIN_BASE_PARCELS))
    else:
        bases = {code: (vals[0], int(vals[2]) if len(vals) > 2 and np.isfinite(vals[2]) else 0)
                 for code, vals in table.items()}
        how_text = "table"
        provisional = {code for code, vals in table.items() if len(vals) > 3 and vals[3]}
        for code, vals in table.items():
            if np.isfinite(vals[1]):
                floor[codes == code] = vals[1]
    base = np.array([bases.get(cd, (np.nan, 0))[0] if cd != "none" else np.nan for cd in codes])
    base_n = np.array([bases.get(cd, (np.nan, 0))[1] for cd in codes])
    cls = compliance_classes(ind["osr"], base, floor)
    meets_base = np.where(np.isfinite(base) & np.isfinite(ind["osr"]), ind["osr"] >= base, np.nan)
    meets_floor = np.where(np.isfinite(floor) & np.isfinite(ind["osr"]), ind["osr"] >= floor, np.nan)
    above = floor_above_base(codes, floor, base)
    for code, (fl, bs) in sorted(above.items()):
        warn(feedback, tr("{cat}: the floor value ({floor:.3f}) exceeds the base value ({base:.3f}); the category's "
                          "compliant parcels stay below the model's sunlight-and-green minimum, so meeting the base "
                          "value does not mean compliant there (field 'floor_gt_base').").format(
            cat=CATEGORY_NAMES.get(code, code), floor=fl, base=bs))
    target_b = shortfall_actions(base, ind["area_m2"], ind["open_m2"], ind["gfa_m2"])
    target_f = shortfall_actions(floor, ind["area_m2"], ind["open_m2"], ind["gfa_m2"])
    below_b = np.isfinite(meets_base) & (meets_base == 0)
    below_f = np.isfinite(meets_floor) & (meets_floor == 0)

    def remedy(t, below):
        return np.where(~below, "", np.where(t["open_space_possible"], "open space or floor area", "floor area must drop"))

    prov = np.array([cd in provisional for cd in codes])
    gt = np.array([cd in above for cd in codes])
    extra = {
        "n_windows": ("int", model.n_windows), "n_fail_win": ("int", model.n_fail), "sun_ok": ("int", sun_ok.astype(int)),
        "green_ok": ("int", green_ok.astype(int)), "eligible": ("int", eligible.astype(int)),
        "db_max": ("double", fv["db_max"]), "af_max": ("double", fv["af_max"]), "osr_sun": ("double", fv["osr_sun"]),
        "osr_floor": ("double", floor), "osr_base": ("double", base), "base_count": ("int", base_n),
        "provisional": ("int", prov.astype(int)), "floor_gt_base": ("int", gt.astype(int)),
        "meets_base": ("int", meets_base), "meets_floor": ("int", meets_floor),
        "class": ("string", cls), "class_name": ("string", np.array([tr(CLASS_LABELS[x]) for x in cls])),
        # open space missing at the current floor area; NULL where the parcel could never hold it
        "short_base": ("double", np.where(below_b, target_b["os_missing"], np.where(np.isfinite(base), 0.0, np.nan))),
        "short_floor": ("double", np.where(below_f, target_f["os_missing"], np.where(np.isfinite(floor), 0.0, np.nan))),
        "xs_gfa_base": ("double", np.where(below_b, target_b["excess_gfa"], np.where(np.isfinite(base), 0.0, np.nan))),
        "xs_gfa_floor": ("double", np.where(below_f, target_f["excess_gfa"], np.where(np.isfinite(floor), 0.0, np.nan))),
        "far_base": ("double", target_b["far_comply"]), "far_floor": ("double", target_f["far_comply"]),
        "fix_base": ("string", remedy(target_b, below_b)), "fix_floor": ("string", remedy(target_f, below_f)),
        "c": ("double", c),
    }
    extra.update(zone_fields(model))
    rows = []
    for code in CATEGORY_CODES[:6]:
        k = codes == code
        if not k.any() and (table is None or code not in table):
            continue
        rows.append({"code": code, "category": CATEGORY_NAMES[code], "parcels": int(k.sum()),
                     "n": _num(np.nanmean(ind["avg_floors"][k]) if k.any() else None),
                     "actual": _num(np.nanmean(ind["osr"][k]) if k.any() else None),
                     "sun": _num(np.nanmean(fv["osr_sun"][k]) if k.any() else None),
                     "floor": _num(np.nanmean(floor[k]) if k.any() else (table[code][1] if table else None)),
                     "base": _num(bases.get(code, (np.nan, 0))[0]), "base_count": int(bases.get(code, (np.nan, 0))[1]),
                     "how": how_text, "c": float(np.mean(c[k])) if k.any() else float(c_new), "provisional": code in provisional, "floor_gt_base": code in above})
    counts = {k: int((cls == k).sum()) for k in CLASS_NAMES}
    feedback.pushInfo(tr("Classes: {counts}").format(counts=", ".join(f"{tr(CLASS_LABELS[k])} {v}" for k, v in counts.items())))
    return {"extra": extra, "rows": rows, "how": how_text, "c": float(np.mean(c[k])) if k.any() else float(c_new), "provisional": provisional,
            "floor_gt_base": above, "counts": counts}


def write_osr_table(alg, parameters, context, name, res, crs):
    """The per-category base and floor values used (one row per category)."""
    tfields = QgsFields()
    for fname, kind in OSR_TABLE_FIELDS:
        tfields.append(make_field(fname, kind))
    tsink, tdest = alg.sink(parameters, name, context, tfields, NO_GEOMETRY, crs)
    for r in res["rows"]:
        f = QgsFeature(tfields)
        f.setAttributes([r["code"], r["category"], r["parcels"], r["n"], r["actual"], r["sun"], r["floor"], r["base"],
                         r["base_count"], r["how"], r["c"], int(r["provisional"]), int(r["floor_gt_base"])])
        tsink.add(f)
    style_on_load(context, tdest, None)  # field aliases in the user's language
    return tdest


class GreenFarCapAlgorithm(SunSpaceAlgorithm):
    AF_SOURCE_OPTIONS = ["Sunlight model n × DB_max(n)", "Given floors and density"]

    NAME = "greenfarcap"
    DISPLAY = "Green-space FAR cap"
    GROUP = "control"

    def shortHelpString(self):
        return tr(
            (
            "<p>FAR cap from per-capita concentrated green after paper 004 (Zheng Xiaowei): F_max = 1 / (c + 1/AF_max),"
            " c = m(1 + r)·MP·share/EP (defaults MP 0.5 m²/person, EP 30 m², share 1/3, m 12, r 0.15: c ≈ "
            "0.077). AF_max is the sunlight-limited FAR n × DB_max(n) at the parcel's average floors and form"
            " (exact sunlight engine), or given floors × density. m can be measured with the ground-sunlight "
            "engine in the densest layout (m = 1 / sunlit share of its open ground) instead of "
            "assumed.</p><p>Concentrated-green checks on the real parcel: counted green (1.5 m off walls, 1.0"
            " m off estate roads, no part narrower than 8 m) ≥ MP × population, and at least the share "
            "outside the standard shadow line (computed on the green with the ground-sunlight engine).</p>"
        )
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource("PARCELS", tr("Parcels"), [POLYGON_SOURCE]))
        add_building_parameters(self, tr)
        self.addParameter(QgsProcessingParameterFeatureSource("GREEN", tr("Concentrated green"), [POLYGON_SOURCE], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource("ROADS", tr("Estate roads (lines or polygons)"),
                                                              [QgsProcessing.TypeVectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterField("ROAD_WIDTH_FIELD", tr("Road width field, m"),
                                                      parentLayerParameterName="ROADS", optional=True))
        self.addParameter(QgsProcessingParameterNumber("PER_CAPITA", tr("Residential floor area per person EP, m²"),
                                                       type=DOUBLE_NUMBER, defaultValue=30.0, minValue=1.0))
        add_green_model_parameters(self)
        self.addParameter(QgsProcessingParameterEnum("AF_SOURCE", tr("AF_max from"), options=[tr(o) for o in self.AF_SOURCE_OPTIONS], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber("AF_FLOORS", tr("Given average floors"), type=DOUBLE_NUMBER,
                                                       defaultValue=35.0, minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber("AF_DENSITY", tr("Given building density"), type=DOUBLE_NUMBER,
                                                       defaultValue=0.20, minValue=0.001, maxValue=1.0))
        self.addParameter(QgsProcessingParameterBoolean("MEASURE_M", tr("Measure m with the ground-sunlight engine"),
                                                        defaultValue=False))
        add_standard_parameters(self, tr)
        add_zone_parameters(self)
        p = QgsProcessingParameterNumber("SHADOW_SPACING", tr("Grid spacing for the shadow line on green, m"),
                                         type=DOUBLE_NUMBER, defaultValue=1.0, minValue=0.2)
        p.setFlags(p.flags() | FLAG_ADVANCED)
        self.addParameter(p)
        add_layout_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("FAR caps")))

    def compute(self, parameters, context, feedback):
        model = _ParcelModel(self, parameters, context, feedback, need_windows=False)
        extra = far_results(self, parameters, context, feedback, model)
        dest = model.write(self, parameters, context, feedback, "OUTPUT", extra, "far_cap.qml")
        feedback.setProgress(100)
        return {"OUTPUT": dest}


def far_results(alg, parameters, context, feedback, model):
    """FAR caps (paper 004) and concentrated-green checks of every parcel of ``model``: field -> (kind, values)."""
    mp, share, m, r = (alg.parameterAsDouble(parameters, k, context) for k in ("MP", "SHARE", "M", "R"))
    ep = alg.parameterAsDouble(parameters, "PER_CAPITA", context)
    ind, st = model.ind, model.settings
    std = st.standard
    n = ind["avg_floors"]
    if alg.parameterAsEnum(parameters, "AF_SOURCE", context) == 0:
        fv = zoned_floor_values(model, 0.0)
        af = fv["af_max"]
    else:
        af = np.where(np.isfinite(n), alg.parameterAsDouble(parameters, "AF_FLOORS", context)
                      * alg.parameterAsDouble(parameters, "AF_DENSITY", context), np.nan)
    m_used = np.full(n.shape, m)
    if alg.parameterAsBool(parameters, "MEASURE_M", context):
        feedback.setProgressText(tr("Measuring m in the densest layouts"))
        cache = {}
        for i in np.flatnonzero(np.isfinite(n)):
            form = ind["form"][i] if ind["form"][i] in ("slab", "tower") else "slab"
            key = (int(round(n[i])), form)
            if key not in cache:
                check_canceled(feedback)
                cache[key] = measured_m(max(1, key[0]), form, model.frame.lat0, st.declination, std.window, st.rules,
                                        std.hours, model.layout, spacing=2.0)
            m_used[i] = cache[key]
    c = zoned_c(model, ep, share, m_used, r)  # MP by zone
    fmax = np.where(np.isfinite(af), 1.0 / (c + 1.0 / np.where(af > 0, af, np.nan)), np.nan)
    far = ind["far"]
    far_ok = np.where(np.isfinite(fmax) & np.isfinite(far), far <= fmax + 1e-9, np.nan)
    far_class = np.where(np.isnan(far_ok), "nodata", np.where(far_ok == 1, "within", "above"))
    feedback.setProgress(60)

    # concentrated green on the real parcels
    u = model.bld["usable"]
    roads_src = alg.parameterAsSource(parameters, "ROADS", context)
    roads, widths = None, None
    if roads_src is not None:
        wf = alg.parameterAsString(parameters, "ROAD_WIDTH_FIELD", context)
        rname = layer_label(source_name(roads_src, "roads"), "estate roads")
        rr, ww = [], []
        for f in roads_src.getFeatures():
            g = f.geometry()
            if g.isNull() or g.isEmpty():
                continue
            rr.append(shapely.force_2d(shapely.from_wkb(bytes(g.asWkb()))))
            width = 0.0  # no width field or NULL: only the 1.0 m margin around the centre line
            if wf and not is_null(f[wf]):
                try:
                    width = float(f[wf])
                except (TypeError, ValueError):
                    width = -1.0
                if not (width >= 0 and math.isfinite(width)):
                    raise SunSpaceError("Layer {layer}, field '{field}', feature {fid}: road width '{value}' is not a "
                                        "non-negative number.", layer=rname, field=wf, fid=f.id(), value=f[wf])
            ww.append(width)
        roads = model.frame.to_local(np.array(rr, dtype=object), crs_text(roads_src.sourceCrs())) if rr else None
        widths = np.array(ww)
    counted = effective_green(model.g_local if model.g_local is not None else [], model.b_local[u], roads, widths)
    # the standard shadow line on the counted green, with each zone's standard
    shadow = zoned_shadow(model, counted, alg.parameterAsDouble(parameters, "SHADOW_SPACING", context), feedback)
    gc = green_checks(model.p_local, counted, shadow, ind["population"], model.mp, share)
    green_ok = gc["green_area_ok"] & gc["green_sun_ok"]
    extra = {
        "af_max": ("double", af), "m_used": ("double", m_used), "c": ("double", c), "f_max": ("double", fmax),
        "far_ok": ("int", far_ok), "far_class": ("string", far_class),
        "green_cnt": ("double", gc["green_counted_m2"]), "green_req": ("double", gc["green_required_m2"]),
        "green_sun": ("double", gc["green_sunny_share"]), "green_a_ok": ("int", gc["green_area_ok"].astype(int)),
        "green_s_ok": ("int", gc["green_sun_ok"].astype(int)), "green_ok": ("int", green_ok.astype(int)),
    }
    extra.update(zone_fields(model))
    n_above = int((far_class == "above").sum())
    feedback.pushInfo(tr("{above} parcel(s) above their FAR cap; {green} fail a concentrated-green check").format(
        above=n_above, green=int((~green_ok).sum())))
    return extra
