"""sunspace:basevalues (city-wide base values) and sunspace:compliancecheck (the whole check in one run)."""
from __future__ import annotations

import os

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from ..core.categories import CATEGORY_CODES, CATEGORY_NAMES
from ..core.indicators import INDICATOR_FIELDS
from ..core.openspace import MIN_BASE_PARCELS, base_value_stats
from ..core.standards import STANDARD_DAYS
from .common import STYLE_DIR, SunSpaceAlgorithm, check_canceled, check_output_file, fill_rule_index_layer, tr, warn
from .compat import DOUBLE_NUMBER, FLAG_ADVANCED, NO_GEOMETRY, POLYGON_SOURCE, _scoped, make_field
from .openspace import (
    _ParcelModel, _num, add_base_source_parameters, add_layout_parameters,
    add_sun_green_parameters, far_results, green_constant, osr_results,
    read_base_table, write_osr_table,
)
from .parcel_indicators import STRING_FIELDS as IND_STRING_FIELDS, _value
from .report import parcel_label, plugin_version, write_report
from .sunparams import add_building_parameters
from .zoning import ZONE_LABELS

NO_THREADING = _scoped("ProcessingAlgorithmFlag.NoThreading", lambda: QgsProcessingAlgorithm.FlagNoThreading)

BASE_TABLE_FIELDS = (("cat_code", "string"), ("category", "string"), ("parcels", "int"), ("base", "double"),
                     ("base_count", "int"), ("mean", "double"), ("median", "double"), ("p25", "double"), ("p75", "double"),
                     ("sd", "double"), ("ci_low", "double"), ("ci_high", "double"), ("ci_method", "string"),
                     ("provisional", "int"), ("base_slab", "double"), ("n_slab", "int"), ("base_tower", "double"),
                     ("n_tower", "int"))


def _sun_green_parameters(alg):
    """Green, EP and the green model, the standard, window spacing and the model buildings."""
    add_sun_green_parameters(alg)
    p = QgsProcessingParameterNumber("WINDOW_SPACING", tr("Window sampling spacing for the sunlight check, m"),
                                     type=DOUBLE_NUMBER, defaultValue=2.0, minValue=0.2)
    p.setFlags(p.flags() | FLAG_ADVANCED)
    alg.addParameter(p)
    add_layout_parameters(alg)


class BaseValuesAlgorithm(SunSpaceAlgorithm):
    NAME = "basevalues"
    DISPLAY = "City base values"
    GROUP = "control"
    HELP = ("<p>Base values after paper 003: from a city-wide set of parcels and buildings (and concentrated "
            "green), the actual open-space ratio of the parcels that meet the public-interest requirements (every "
            "south-facing ground-floor window meets the sunlight standard, and green ≥ MP × population), per "
            "category and per form (slab / tower): count, mean (the base value), median, 25th and 75th percentiles, "
            "standard deviation and the Student-t confidence interval of the mean. Categories with fewer than 5 "
            "eligible parcels are marked provisional.</p><p>The table is the input of the open-space-ratio tool and "
            "of the compliance check ('From a table': category field cat_code, base field base).</p>")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource("PARCELS", tr("City parcels"), [POLYGON_SOURCE]))
        add_building_parameters(self, tr)
        _sun_green_parameters(self)
        self.addParameter(QgsProcessingParameterNumber("CONFIDENCE", tr("Confidence level of the interval"),
                                                       type=DOUBLE_NUMBER, defaultValue=0.95, minValue=0.5, maxValue=0.999))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Base values"), type=QgsProcessing.TypeVector))

    def compute(self, parameters, context, feedback):
        model = _ParcelModel(self, parameters, context, feedback)
        ind = model.ind
        mp = self.parameterAsDouble(parameters, "MP", context)
        conf = self.parameterAsDouble(parameters, "CONFIDENCE", context)
        sun_ok = (model.n_windows > 0) & (model.n_fail == 0)
        green_ok = np.isfinite(ind["green_pp"]) & (ind["green_pp"] >= mp - 1e-9)
        stats = base_value_stats(ind["cat_code"], ind["osr"], sun_ok & green_ok, ind["form"], confidence=conf)
        dest = write_base_table(self, parameters, context, "OUTPUT", stats, ind["cat_code"], conf,
                                model.parcel_src.sourceCrs())
        weak = [CATEGORY_NAMES.get(r["code"], r["code"]) + f" ({r['count']})" for r in stats
                if r["form"] == "all" and r["provisional"]]
        if weak:
            warn(feedback, tr("Categories with fewer than {n} eligible parcels (base value provisional): {cats}.").format(
                n=MIN_BASE_PARCELS, cats=", ".join(weak)))
        feedback.setProgress(100)
        return {"OUTPUT": dest}


def write_base_table(alg, parameters, context, name, stats, codes, confidence, crs):
    fields = QgsFields()
    for fname, kind in BASE_TABLE_FIELDS:
        fields.append(make_field(fname, kind))
    sink, dest = alg.sink(parameters, name, context, fields, NO_GEOMETRY, crs)
    by = {(r["code"], r["form"]): r for r in stats}
    method = tr("Student-t interval of the mean, {p:g} %").format(p=confidence * 100)
    for code in CATEGORY_CODES[:6]:
        r = by.get((code, "all"))
        if r is None:
            continue
        slab, tower = by.get((code, "slab"), {}), by.get((code, "tower"), {})
        f = QgsFeature(fields)
        f.setAttributes([code, CATEGORY_NAMES[code], int(np.sum(np.asarray(codes) == code)), _num(r["mean"]), r["count"],
                         _num(r["mean"]), _num(r["median"]), _num(r["p_lo"]), _num(r["p_hi"]), _num(r["sd"]),
                         _num(r["ci_low"]), _num(r["ci_high"]), method, int(r["provisional"]),
                         _num(slab.get("mean")), int(slab.get("count", 0)), _num(tower.get("mean")),
                         int(tower.get("count", 0))])
        sink.add(f)
    return dest


AF_SOURCE_OPTIONS = ["Sunlight model n × DB_max(n)", "Given floors and density"]

#: FAR-cap fields renamed in the combined output where the open-space step already has the name.
FAR_RENAMES = {"green_ok": "green_chk", "c": "c_far"}


class ComplianceCheckAlgorithm(SunSpaceAlgorithm):
    NAME = "compliancecheck"
    DISPLAY = "Sunlight and open-space compliance check"
    GROUP = "control"
    HELP = ("<p>The whole check in one run: parcel indicators → window sunlight → open-space ratio with floor and base "
            "values → green-space FAR caps → report. Indicators and window sunlight are computed once and shared by "
            "the later steps. Outputs: the parcels with every indicator, floor and base value, class, shortfall "
            "(excess floor area, open space missing, complying FAR) and FAR cap (input fields kept); the residential "
            "buildings with their windows failing; the base and floor values used; an HTML and a PDF report that "
            "state the standard, day, counting rules, parameters and base-value source. The print layout is added "
            "to the project (Layout Manager).</p><p>Base values: from a table (e.g. the output of City base values, "
            "recommended) or derived from the input parcels (marked provisional where a category has fewer than 5 "
            "eligible parcels).</p>")

    def flags(self):
        return super().flags() | NO_THREADING  # renders a print layout

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource("PARCELS", tr("Parcels"), [POLYGON_SOURCE]))
        add_building_parameters(self, tr)
        self.addParameter(QgsProcessingParameterFeatureSource("ROADS", tr("Estate roads (lines or polygons)"),
                                                              [QgsProcessing.TypeVectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterField("ROAD_WIDTH_FIELD", tr("Road width field, m"),
                                                      parentLayerParameterName="ROADS", optional=True))
        _sun_green_parameters(self)
        add_base_source_parameters(self)
        adv = [QgsProcessingParameterEnum("AF_SOURCE", tr("AF_max from"), options=[tr(o) for o in AF_SOURCE_OPTIONS],
                                          defaultValue=0),
               QgsProcessingParameterNumber("AF_FLOORS", tr("Given average floors"), type=DOUBLE_NUMBER, defaultValue=35.0,
                                            minValue=1.0),
               QgsProcessingParameterNumber("AF_DENSITY", tr("Given building density"), type=DOUBLE_NUMBER,
                                            defaultValue=0.20, minValue=0.001, maxValue=1.0),
               QgsProcessingParameterBoolean("MEASURE_M", tr("Measure m with the ground-sunlight engine"),
                                             defaultValue=False),
               QgsProcessingParameterNumber("SHADOW_SPACING", tr("Grid spacing for the shadow line on green, m"),
                                            type=DOUBLE_NUMBER, defaultValue=2.0, minValue=0.2)]
        for p in adv:
            p.setFlags(p.flags() | FLAG_ADVANCED)
            self.addParameter(p)
        self.addParameter(QgsProcessingParameterString("TITLE", tr("Report title"),
                                                       defaultValue=tr("Sunlight and open-space compliance report")))
        self.addParameter(QgsProcessingParameterString("DISTRICT", tr("District"), optional=True, defaultValue=""))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Compliance of parcels")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_BUILDINGS", tr("Window sunlight by building")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_TABLE", tr("Base and floor values used"),
                                                            type=QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_HTML", tr("HTML report"), "HTML files (*.html)"))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_PDF", tr("PDF report"), "PDF files (*.pdf)",
                                                                optional=True))

    def compute(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        html_path = self.parameterAsFileOutput(parameters, "OUTPUT_HTML", context)
        pdf_path = self.parameterAsFileOutput(parameters, "OUTPUT_PDF", context) if parameters.get("OUTPUT_PDF") else ""
        check_output_file(html_path, "HTML report")
        if pdf_path:
            check_output_file(pdf_path, "PDF report")
        method = self.parameterAsEnum(parameters, "BASE_METHOD", context)
        table = read_base_table(self, parameters, context) if method == 3 else None

        steps.setCurrentStep(0)
        steps.pushInfo(tr("Step 1/5: parcel indicators"))
        model = _ParcelModel(self, parameters, context, steps, per_building=True,
                             before_windows=lambda: (steps.setCurrentStep(1),
                                                     steps.pushInfo(tr("Step 2/5: window sunlight"))))
        check_canceled(steps)
        steps.setCurrentStep(2)
        steps.pushInfo(tr("Step 3/5: open-space ratio, floor and base values"))
        osr = osr_results(self, parameters, context, steps, model, table)
        check_canceled(steps)
        steps.setCurrentStep(3)
        steps.pushInfo(tr("Step 4/5: green-space FAR caps"))
        far = far_results(self, parameters, context, steps, model)
        check_canceled(steps)
        steps.setCurrentStep(4)
        steps.pushInfo(tr("Step 5/5: outputs and report"))
        extra = dict(osr["extra"])
        for key, val in far.items():
            if key == "af_max" and key in extra:
                continue
            extra[FAR_RENAMES.get(key, key)] = val
        dest = model.write(self, parameters, context, steps, "OUTPUT", extra, "osr_class3.qml")
        tdest = write_osr_table(self, parameters, context, "OUTPUT_TABLE", osr, model.parcel_src.sourceCrs())
        bdest, buildings = self._write_buildings(parameters, context, model)

        rows = self._parcel_rows(model, extra)
        basis = self._basis(parameters, context, model, osr, table)
        title = self.parameterAsString(parameters, "TITLE", context) or tr("Sunlight and open-space compliance report")
        district = self.parameterAsString(parameters, "DISTRICT", context) or model.parcels["name"]
        map_layer = self._map_layer(model, rows)
        rule_index = self._rule_index(parameters, context, model, extra, table)
        self.created_file(html_path)
        if pdf_path:
            self.created_file(pdf_path)
        project = context.project()
        write_report(title, rows, rows, buildings, basis, map_layer, html_path, pdf_path, district=district,
                     project=project, layout_name=f"SunSpace: {title}" if project is not None else None,
                     base_source=osr["how"], rule_index=rule_index)
        steps.setProgress(100)
        steps.pushInfo(tr("Report: {paths}").format(paths=html_path + (f", {pdf_path}" if pdf_path else "")))
        out = {"OUTPUT": dest, "OUTPUT_BUILDINGS": bdest, "OUTPUT_TABLE": tdest, "OUTPUT_HTML": html_path}
        if pdf_path:
            out["OUTPUT_PDF"] = pdf_path
        return out

    def _parcel_rows(self, model, extra):
        """One dict per written (selected) parcel: input attributes, indicators and every computed field."""
        names = model.parcels["fields"].names()
        rows = []
        for i in np.flatnonzero(model.parcels["selected"]):
            row = {n: v for n, v in zip(names, model.parcels["rows"][i])}
            for key in INDICATOR_FIELDS:
                row[key] = _value(model.ind[key][i], key in IND_STRING_FIELDS)
            for key, (kind, values) in extra.items():
                row[key] = _value(values[i], kind == "string", kind == "int")
            row["_fid"], row["_geom"] = model.parcels["ids"][i], model.parcels["qgeoms"][i]
            rows.append(row)
        return rows

    def _map_layer(self, model, rows):
        """A memory layer of the checked parcels (label and class) for the report's map."""
        from qgis.core import QgsCoordinateReferenceSystem

        crs = model.parcel_src.sourceCrs()
        layer = QgsVectorLayer("Polygon?crs=" + (crs.authid() or "EPSG:4326"), tr("Open-space ratio class"), "memory")
        if not crs.authid():
            layer.setCrs(QgsCoordinateReferenceSystem(crs))
        fields = QgsFields()
        for name in ("parcel_id", "class"):
            fields.append(make_field(name, "string"))
        layer.dataProvider().addAttributes(fields)
        layer.updateFields()
        feats = []
        for r in rows:
            f = QgsFeature(layer.fields())
            f.setGeometry(r["_geom"])
            f.setAttributes([parcel_label(r), r.get("class")])
            feats.append(f)
        layer.dataProvider().addFeatures(feats)
        layer.updateExtents()
        layer.loadNamedStyle(os.path.join(STYLE_DIR, "osr_class3.qml"))
        return layer

    def _rule_index(self, parameters, context, model, extra, table):
        """The rule-index map layer (parcels by zone and category, allowed FAR as label) and the indicator rows.

        Per zone and residential category of the checked parcels: over the category's whole floors n, the
        floor value (paper 003 formula 2 with the zone's curve and c, slab and tower; a table's floor value
        where given) and the base value, and the FAR each allows, 1 / (f + 1/n) (core/ranges.py).
        """
        from qgis.core import QgsWkbTypes

        from ..core.ranges import category_floors, far_cap_osr, value_ranges
        from ..core.zones import ZONE_CODES
        from .common import translate_legend

        ind, sel = model.ind, model.parcels["selected"]
        codes, zones = ind["cat_code"], np.asarray(model.zone)
        floor, base, c = extra["osr_floor"][1], extra["osr_base"][1], np.asarray(extra["c"][1], float)
        n = ind["avg_floors"]
        top = int(max(33, np.nanmax(np.where(codes == "high3", np.ceil(n), 0)) if len(n) else 33))
        rows = []
        for zone in ZONE_CODES:
            for code in CATEGORY_CODES[:6]:
                k = sel & (zones == zone) & (codes == code)
                if not k.any():
                    continue
                n_lo, n_hi = category_floors(code, top)
                ns = np.arange(n_lo, n_hi + 1, dtype=float)
                fixed = table[code][1] if table is not None and code in table and np.isfinite(table[code][1]) else None
                if fixed is not None:
                    fl_ns, fl = ns, np.full(ns.shape, fixed)
                else:
                    curve, cz = model.curves[zone], float(np.nanmean(c[k]))
                    fl_ns = np.concatenate([ns, ns])
                    with np.errstate(divide="ignore", invalid="ignore"):
                        fl = np.concatenate([1.0 / (ns * curve.db(ns, form)) - 1.0 / ns + cz for form in ("slab", "tower")])
                b = float(np.nanmax(base[k])) if np.isfinite(base[k]).any() else np.nan
                rf, rb = value_ranges(fl_ns, fl), value_ranges(ns, b)

                def rng(lo, hi, d):
                    if not (np.isfinite(lo) and np.isfinite(hi)):
                        return "–"
                    return f"{lo:.{d}f}" if abs(hi - lo) < 0.5 * 10 ** -d else f"{lo:.{d}f}–{hi:.{d}f}"

                rows.append([tr(ZONE_LABELS[zone]), CATEGORY_NAMES[code], f"{n_lo}–{n_hi}", rng(rf["f_lo"], rf["f_hi"], 3),
                             rng(rf["far_lo"], rf["far_hi"], 2), rng(b, b, 3), rng(rb["far_lo"], rb["far_hi"], 2),
                             str(int(k.sum()))])
        src = model.parcels["source"]
        crs = src.sourceCrs()
        layer = QgsVectorLayer(f"{QgsWkbTypes.displayString(src.wkbType())}?crs={crs.authid()}",
                               tr("Rule-index map"), "memory")
        if not crs.authid():
            layer.setCrs(crs)
        fields = QgsFields()
        for name in ("parcel_id", "rule_key", "rule_label"):
            fields.append(make_field(name, "string"))
        layer.dataProvider().addAttributes(fields.toList())
        layer.updateFields()
        with np.errstate(invalid="ignore"):
            far_fl, far_bs = far_cap_osr(floor, n), far_cap_osr(base, n)
        feats, keys = [], set()
        for i in np.flatnonzero(sel):
            g = model.parcels["qgeoms"][i]
            if g is None or g.isNull():
                continue
            lo, hi = np.fmin(far_bs[i], far_fl[i]), np.fmax(far_bs[i], far_fl[i])
            far = f"FAR {lo:.2f}–{hi:.2f}" if np.isfinite(lo) and np.isfinite(hi) else (
                f"FAR ≤ {hi:.2f}" if np.isfinite(hi) else "")
            label = parcel_label({n_: v for n_, v in zip(model.parcels["fields"].names(), model.parcels["rows"][i])}
                                 | {"_fid": model.parcels["ids"][i]})
            f = QgsFeature(layer.fields())
            f.setGeometry(g)
            key = f"{zones[i]}|{codes[i]}"
            keys.add(key)
            f.setAttributes([label, key, f"{label}\n{far}" if far else label])
            feats.append(f)
        fill_rule_index_layer(layer, feats)
        renderer = layer.renderer()
        for j in reversed(range(len(renderer.categories()))):  # the legend lists the zones and categories present
            if renderer.categories()[j].value() not in keys:
                renderer.deleteCategory(j)
        translate_legend(layer)
        return layer, rows

    def _write_buildings(self, parameters, context, model):
        bld = model.bld
        fields = QgsFields()
        for name, kind in (("bldg_fid", "int"), ("name", "string"), ("floors", "double"), ("height_m", "double"),
                           ("resident", "int"), ("windows", "int"), ("win_fail", "int"), ("fail_share", "double"),
                           ("sun_ok", "int")):
            fields.append(make_field(name, kind))
        sink, dest = self.sink(parameters, "OUTPUT_BUILDINGS", context, fields, bld["source"].wkbType(),
                               bld["source"].sourceCrs())
        names = bld["fields"].names()
        key = next((n for n in ("bldg_id", "building_id", "name", "id") if n in names), None)
        summary = []
        for i in range(len(bld["ids"])):
            n_w, n_f = int(model.b_windows[i]), int(model.b_fail[i])
            label = str(bld["rows"][i][names.index(key)]) if key else str(bld["ids"][i])
            f = QgsFeature(fields)
            f.setGeometry(bld["qgeoms"][i])
            share = n_f / n_w if n_w else None
            f.setAttributes([int(bld["ids"][i]), label, _num(bld["floors"][i]), _num(bld["height"][i]),
                             int(bld["residential"][i]), n_w, n_f, share, (int(n_f == 0) if n_w else None)])
            sink.add(f)
            if bld["residential"][i]:
                summary.append({"name": label, "floors": _num(bld["floors"][i]), "windows": n_w, "failing": n_f})
        summary.sort(key=lambda b: (-(b["failing"] / b["windows"] if b["windows"] else 0), b["name"]))
        return dest, summary

    def _zone_basis(self, parameters, context, model):
        """Basis lines of the zones: the zone field and the values mapped, each zone's standard and MP."""
        from ..core.zones import ZONE_CODES

        field = self.parameterAsString(parameters, "ZONE_FIELD", context)
        sel = model.parcels["selected"]
        if field:
            old = self.parameterAsString(parameters, "ZONE_OLD", context).strip() or "–"
            hist = self.parameterAsString(parameters, "ZONE_HISTORIC", context).strip() or "–"
            lines = [(tr("Zones"), tr("field '{field}': old-area renewal = {old}; historic city = {historic}; every other "
                                      "value is a new area").format(field=field, old=old, historic=hist))]
        else:
            lines = [(tr("Zones"), tr("no zone field: every parcel is a new area"))]
        for z in ZONE_CODES:
            if z != "new" and not field:
                continue
            rule = model.rules[z]
            std = rule.standard
            lines.append((tr("Zone: {zone}").format(zone=tr(ZONE_LABELS[z])),
                          tr("{standard} ({day} ≥ {hours:g} h), concentrated green MP {mp:g} m²/person; {n} parcel(s) "
                             "checked").format(standard=std.label or tr("custom standard"), day=STANDARD_DAYS[std.day],
                                               hours=std.hours, mp=rule.mp, n=int((sel & (np.asarray(model.zone) == z)).sum()))))
        return lines

    def _basis(self, parameters, context, model, osr, table):
        st, std = model.settings, model.settings.standard
        num = lambda k: self.parameterAsDouble(parameters, k, context)  # noqa: E731
        lay = model.layout
        rules = st.rules
        step = tr("exact") if rules.step_minutes is None else tr("{m:g} min").format(m=rules.step_minutes)
        counts = ", ".join(f"{r['category']} {r['base_count']}" + (" " + tr("(provisional)") if r["provisional"] else "")
                           for r in osr["rows"])
        if table is None:
            source = tr("derived from the {n} input parcels ({how} of the eligible parcels' OSR); parcels behind each "
                        "value: {counts}").format(n=int(model.parcels["selected"].sum()), how=osr["how"], counts=counts)
        else:
            src = self.parameterAsSource(parameters, "BASE_TABLE", context)
            source = tr("table '{name}'; parcels behind each value: {counts}").format(
                name=src.sourceName() if src is not None else "?", counts=counts)
        return [
            (tr("Standard"), std.label or tr("custom standard") + f" ({STANDARD_DAYS[std.day]} ≥ {std.hours:g} h)"),
            (tr("Standard day"), tr("{day} {date}, solar declination {dec:.3f}°").format(
                day=STANDARD_DAYS[std.day], date=st.date.isoformat(), dec=st.declination)),
            (tr("Time window"), tr("{a:g}–{b:g} h true solar time, at least {h:g} h").format(
                a=std.window[0], b=std.window[1], h=std.hours)),
            (tr("Counting rules"), tr("{name}: step {step}, shortest segment {seg:g} min, sweep angle {sweep:g}°, "
                                      "minimum sun altitude {alt:g}°").format(
                name=rules.name, step=step, seg=getattr(rules, "min_segment_minutes", 0.0) or 0.0,
                sweep=rules.sweep_angle, alt=rules.min_altitude)),
            (tr("Windows"), tr("south-facing ground-floor sills {sill:g} m above floor, sampled every {sp:g} m").format(
                sill=num("SILL"), sp=num("WINDOW_SPACING"))),
            (tr("Floor height"), f"{num('FLOOR_HEIGHT'):g} m"),
            (tr("Green model"), tr("EP {ep:g} m²/person, MP {mp:g} m²/person, share outside shadow {share:.3f}, m {m:g}, "
                                   "r {r:g}: c = {c:.4f}").format(ep=num("PER_CAPITA"), mp=num("MP"), share=num("SHARE"),
                                                                  m=num("M"), r=num("R"), c=osr["c"])),
            (tr("Model buildings"), tr("slab {l:g} × {d:g} m, end gap {g:g} m; tower {tw:g} × {td:g} m, gap {tg:g} m; "
                                       "minimum north-south gap {ms:g} m").format(
                l=lay.slab_length, d=lay.slab_depth, g=lay.slab_gap, tw=lay.tower_width, td=lay.tower_depth,
                tg=lay.tower_min_gap, ms=lay.min_spacing)),
            *self._zone_basis(parameters, context, model),
            (tr("Base values"), source),
            (tr("Parcels checked"), tr("{n} parcel(s) of layer '{layer}'").format(
                n=int(model.parcels["selected"].sum()), layer=model.parcels["name"])),
            (tr("Latitude"), f"{model.frame.lat0:.4f}° N"),
            (tr("Coordinate reference system"), model.parcel_src.sourceCrs().authid() or
             model.parcel_src.sourceCrs().description()),
            (tr("Plugin version"), plugin_version()),
        ]


__all__ = ["BaseValuesAlgorithm", "ComplianceCheckAlgorithm", "green_constant"]
