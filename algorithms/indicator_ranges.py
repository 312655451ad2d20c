"""sunspace:indicatorranges — the indicator list (指标赋值清单) and the rule-index map (规则索引地图), paper 003 section 4.2."""
from __future__ import annotations

import os

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsLayoutExporter,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.capacity import far_cap, green_constant
from ..core.categories import CATEGORY_CODES, CATEGORY_NAMES, FORM_NAMES
from ..core.openspace import base_values
from ..core.ranges import category_floors, db_cap, far_cap_osr, floors_cap, max_floors, value_ranges
from ..core.standards import STANDARD_DAYS
from ..core.zones import ZONE_CODES, ZONE_NAMES
from ..core.errors import N_, SunSpaceError
from ..ui.layouts import map_layout, render_png
from .common import SunSpaceAlgorithm, check_canceled, check_output_file, fill_rule_index_layer, tr
from .compat import DOUBLE_NUMBER, INTEGER_NUMBER, NO_GEOMETRY, POLYGON_SOURCE, _scoped, make_field
from .parcel_indicators import write_parcels
from .openspace import (
    OpenSpaceRatioAlgorithm, _ParcelModel, _num, add_base_source_parameters, add_layout_parameters, add_sun_green_parameters,
)
from .sunparams import add_building_parameters
from .zoning import zone_fields, zoned_c, zoned_floor_values

NO_THREADING = _scoped("ProcessingAlgorithmFlag.NoThreading", lambda: QgsProcessingAlgorithm.FlagNoThreading)
FORMS = ("slab", "tower", "mixed")
#: Columns of the indicator list: name -> kind.
TABLE_FIELDS = {
    "zone": "string", "zone_name": "string", "cat_code": "string", "category": "string", "form": "string",
    "form_name": "string", "parcels": "int", "std_day": "string", "std_hours": "double", "mp": "double", "c": "double",
    "n_min": "int", "n_max": "int", "h_min": "double", "h_max": "double",
    "floor_lo": "double", "floor_hi": "double", "db_fl_lo": "double", "db_fl_hi": "double",
    "far_fl_lo": "double", "far_fl_hi": "double",
    "base": "double", "base_count": "int", "db_bs_lo": "double", "db_bs_hi": "double",
    "far_bs_lo": "double", "far_bs_hi": "double", "fmax_lo": "double", "fmax_hi": "double",
}


class IndicatorRangesAlgorithm(SunSpaceAlgorithm):
    NAME = "indicatorranges"
    DISPLAY = "Indicator ranges and rule-index map"
    GROUP = "control"

    def flags(self):
        return super().flags() | NO_THREADING  # renders a print layout

    def shortHelpString(self):
        return tr(
            "<p>The indicator list and rule-index map of paper 003 section 4.2. With OSR = "
            "(1 − DB)/(n·DB), an open-space value f that must be met caps the density at DB = 1/(1 + n·f) and the FAR at "
            "1/(f + 1/n). For every zone (new area, old-area renewal, historic city) × category × form the table gives "
            "the floors n and heights of the category and the ranges of the floor value, the density and FAR it allows, "
            "the base value and the density and FAR it allows, and the green-space FAR cap F_max (paper 004) beside "
            "them. Floor values, base values, the zones and the east-west parcels follow sunspace:openspaceratio (same "
            "parameters). Old-area renewal and the historic city use GB 50180-2018's renewal standard (Great Cold day ≥ 1 h) "
            "and 0.35 m² of concentrated green per person.</p><p>Per parcel: its allowed density, FAR and floors "
            "under its floor value (hard limit) and base value (target), and how far its current values sit from them "
            "(positive = above the limit). The parcels are styled as a rule-index map (colour by zone and category, "
            "allowed FAR range as label); give a PNG or PDF file to export the map with legend and table. Write the "
            "table to .csv or .xlsx by choosing that file type.</p>")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource("PARCELS", tr("Parcels"), [POLYGON_SOURCE]))
        add_building_parameters(self, tr)
        add_sun_green_parameters(self)
        add_base_source_parameters(self)
        self.addParameter(QgsProcessingParameterNumber("TOP_FLOORS", tr("Highest floors of high-rise III"), type=INTEGER_NUMBER,
                                                       defaultValue=33, minValue=27, maxValue=100))
        p = QgsProcessingParameterNumber("WINDOW_SPACING", tr("Window sampling spacing for the sunlight check, m"),
                                         type=DOUBLE_NUMBER, defaultValue=2.0, minValue=0.2)
        self.addParameter(p)
        add_layout_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Parcels with allowed ranges")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_TABLE", tr("Indicator list"), type=QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_MAP", tr("Rule-index map (PNG or PDF, optional)"),
                                                                "PNG files (*.png);;PDF files (*.pdf)", optional=True))

    def compute(self, parameters, context, feedback):
        map_path = self.parameterAsFileOutput(parameters, "OUTPUT_MAP", context) if parameters.get("OUTPUT_MAP") else ""
        if map_path:
            if os.path.splitext(map_path)[1].lower() not in (".png", ".pdf"):
                raise SunSpaceError("The rule-index map must be a .png or .pdf file, got '{path}'.", path=map_path)
            check_output_file(map_path, N_("rule-index map"))
        mp, share, m, r = (self.parameterAsDouble(parameters, k, context) for k in ("MP", "SHARE", "M", "R"))
        ep = self.parameterAsDouble(parameters, "PER_CAPITA", context)
        top = self.parameterAsInt(parameters, "TOP_FLOORS", context)
        floor_h = self.parameterAsDouble(parameters, "FLOOR_HEIGHT", context)
        method = self.parameterAsEnum(parameters, "BASE_METHOD", context)
        table = OpenSpaceRatioAlgorithm._table(self, parameters, context) if method == 3 else None
        model = _ParcelModel(self, parameters, context, feedback)
        ind = model.ind
        c = zoned_c(model, ep, share, m, r)
        fv = zoned_floor_values(model, c)
        floor = fv["osr_green"].copy()
        codes = ind["cat_code"]
        sun_ok = (model.n_windows > 0) & (model.n_fail == 0)
        green_ok = np.isfinite(ind["green_pp"]) & (ind["green_pp"] >= model.mp - 1e-9)
        eligible = sun_ok & green_ok & ~model.ew_flag
        table_floor = {}
        if table is None:
            how = ["mean", "median", "percentile"][method]
            bases = base_values(codes, ind["osr"], eligible, how, self.parameterAsDouble(parameters, "PERCENTILE", context))
        else:
            bases = {code: (vals[0], 0) for code, vals in table.items()}
            table_floor = {code: vals[1] for code, vals in table.items() if np.isfinite(vals[1])}
            for code, v in table_floor.items():
                floor[codes == code] = v
        base = np.array([bases.get(cd, (np.nan, 0))[0] if cd != "none" else np.nan for cd in codes])
        check_canceled(feedback)

        def floor_curve(zone, form, code):
            """Floor value as a function of floors in a zone, for a form (a table's floor value if given)."""
            if code in table_floor:
                return lambda ns: np.full(np.shape(ns), table_floor[code])
            curve, cz = model.curves[zone], float(c[model.zone == zone][0]) if (model.zone == zone).any() else None
            return lambda ns: (1.0 / (np.asarray(ns, float) * curve.db(ns, form)) - 1.0 / np.asarray(ns, float)) + cz

        # per parcel
        n, db, far = ind["avg_floors"], ind["density"], ind["far"]
        res = np.isin(codes, CATEGORY_CODES[:6])
        n_cap_fl = np.full(n.shape, np.nan)
        for i in np.flatnonzero(res & np.isfinite(db) & np.isin(ind["form"], FORMS)):
            n_cap_fl[i] = max_floors(db[i], floor_curve(model.zone[i], ind["form"][i], codes[i]), max(top, 100))
        n_cap_bs = floors_cap(base, db)
        far_fl, far_bs = far_cap_osr(floor, n), far_cap_osr(base, n)
        db_fl, db_bs = db_cap(floor, n), db_cap(base, n)
        fmax = far_cap(fv["af_max"], c)
        lo, hi = np.fmin(far_bs, far_fl), np.fmax(far_bs, far_fl)
        far_range = np.array([f"{a:.2f}–{b:.2f}" if np.isfinite(a) and np.isfinite(b) else (f"≤ {b:.2f}" if np.isfinite(b)
                              else "") for a, b in zip(lo, hi)])
        labels = np.array([f"{CATEGORY_NAMES[cd]}\nFAR {fr}" if cd != "none" else "" for cd, fr in zip(codes, far_range)])
        extra = {
            "osr_floor": ("double", floor), "osr_base": ("double", base), "c": ("double", c),
            "db_cap_fl": ("double", db_fl), "far_cap_fl": ("double", far_fl), "n_cap_fl": ("double", n_cap_fl),
            "h_cap_fl": ("double", n_cap_fl * floor_h),
            "db_cap_bs": ("double", db_bs), "far_cap_bs": ("double", far_bs), "n_cap_bs": ("double", n_cap_bs),
            "h_cap_bs": ("double", n_cap_bs * floor_h), "f_max": ("double", fmax),
            "d_db_fl": ("double", db - db_fl), "d_far_fl": ("double", far - far_fl), "d_h_fl": ("double", (n - n_cap_fl) * floor_h),
            "d_db_bs": ("double", db - db_bs), "d_far_bs": ("double", far - far_bs), "d_h_bs": ("double", (n - n_cap_bs) * floor_h),
            "far_lo": ("double", lo), "far_hi": ("double", hi), "far_range": ("string", far_range),
            "rule_key": ("string", np.array([f"{z}|{cd}" for z, cd in zip(model.zone, codes)])),
            "rule_label": ("string", labels),
        }
        extra.update(zone_fields(model))
        # the rule-index style: write_parcels styles the layer on load
        dest = write_parcels(self, parameters, context, feedback, "OUTPUT", model.parcels, ind, extra, "rule_index.qml")

        # the indicator list
        tfields = QgsFields()
        for name, kind in TABLE_FIELDS.items():
            tfields.append(make_field(name, kind))
        tsink, tdest = self.sink(parameters, "OUTPUT_TABLE", context, tfields, NO_GEOMETRY, model.parcel_src.sourceCrs())
        rows = []
        for zone in ZONE_CODES:
            if zone not in model.curves or not (model.zone == zone).any() and zone != "new":
                continue
            rule = model.rules[zone]
            cz = green_constant(rule.mp, ep, share, m, r)
            for code in CATEGORY_CODES[:6]:
                n_lo, n_hi = category_floors(code, top)
                ns = np.arange(n_lo, n_hi + 1, dtype=float)
                b, bn = bases.get(code, (np.nan, 0))
                for form in FORMS:
                    check_canceled(feedback)
                    k = (model.zone == zone) & (codes == code) & (ind["form"] == form)
                    if form == "mixed" and not k.any():
                        continue
                    fl = floor_curve(zone, form, code)(ns) if code in table_floor else \
                        (1.0 / (ns * model.curves[zone].db(ns, form)) - 1.0 / ns) + cz
                    rf, rb = value_ranges(ns, fl), value_ranges(ns, b)
                    fm = far_cap(ns * model.curves[zone].db(ns, form), cz)
                    fm = fm[np.isfinite(fm)]
                    row = {"zone": zone, "zone_name": ZONE_NAMES[zone], "cat_code": code, "category": CATEGORY_NAMES[code],
                           "form": form, "form_name": FORM_NAMES[form], "parcels": int(k.sum()),
                           "std_day": STANDARD_DAYS[rule.standard.day], "std_hours": rule.standard.hours, "mp": rule.mp, "c": cz,
                           "n_min": n_lo, "n_max": n_hi, "h_min": n_lo * floor_h, "h_max": n_hi * floor_h,
                           "floor_lo": rf["f_lo"], "floor_hi": rf["f_hi"], "db_fl_lo": rf["db_lo"], "db_fl_hi": rf["db_hi"],
                           "far_fl_lo": rf["far_lo"], "far_fl_hi": rf["far_hi"], "base": b, "base_count": int(bn),
                           "db_bs_lo": rb["db_lo"], "db_bs_hi": rb["db_hi"], "far_bs_lo": rb["far_lo"], "far_bs_hi": rb["far_hi"],
                           "fmax_lo": float(fm.min()) if fm.size else np.nan, "fmax_hi": float(fm.max()) if fm.size else np.nan}
                    row["std_day"] = STANDARD_DAYS[rule.standard.day]
                    rows.append(row)
                    f = QgsFeature(tfields)
                    f.setAttributes([row[key] if TABLE_FIELDS[key] == "string" else
                                     (int(row[key]) if TABLE_FIELDS[key] == "int" else _num(row[key])) for key in TABLE_FIELDS])
                    tsink.add(f)
        feedback.pushInfo(tr("Indicator list: {rows} rows (zone × category × form)").format(rows=len(rows)))
        results = {"OUTPUT": dest, "OUTPUT_TABLE": tdest}
        if map_path:
            feedback.setProgressText(tr("Rule-index map"))
            self._export_map(map_path, model, ind, extra, rows)
            results["OUTPUT_MAP"] = map_path
        feedback.setProgress(100)
        return results

    def _export_map(self, path, model, ind, extra, rows):
        """The rule-index map: the parcels in the rule-index style, legend and the indicator list beside them."""
        src = model.parcels["source"]
        layer = QgsVectorLayer(f"{QgsWkbTypes.displayString(src.wkbType())}?crs={src.sourceCrs().authid()}",
                               tr("Rule-index map"), "memory")
        if not src.sourceCrs().authid():
            layer.setCrs(src.sourceCrs())
        keep = ("cat_code", "category", "zone", "zone_name", "rule_key", "rule_label", "far_range")
        fields = QgsFields()
        for name in keep:
            fields.append(make_field(name, "string"))
        layer.dataProvider().addAttributes(fields.toList())
        layer.updateFields()
        feats = []
        for i in np.flatnonzero(model.parcels["selected"]):
            g = model.parcels["qgeoms"][i]
            if g is None or g.isNull():
                continue
            f = QgsFeature(layer.fields())
            f.setGeometry(g)
            vals = {"cat_code": ind["cat_code"][i], "category": ind["category"][i]}
            vals.update({k: extra[k][1][i] for k in keep if k in extra})
            f.setAttributes([str(vals[k]) for k in keep])
            feats.append(f)
        fill_rule_index_layer(layer, feats)
        shown = [rw for rw in rows if rw["form"] != "mixed" and (rw["parcels"] > 0)]
        lines = [tr("Indicator list (FAR allowed by base – floor value)")]
        for rw in shown[:18]:
            lines.append(f"{rw['zone_name']} {rw['category']} {rw['form_name']}: n {rw['n_min']}-{rw['n_max']}, "
                         f"FAR {rw['far_bs_lo']:.2f}-{rw['far_fl_hi']:.2f}" if np.isfinite(rw["far_bs_lo"]) else
                         f"{rw['zone_name']} {rw['category']} {rw['form_name']}: n {rw['n_min']}-{rw['n_max']}, "
                         f"FAR ≤ {rw['far_fl_hi']:.2f}")
        layout = map_layout([layer], [layer], tr("Rule-index map of residential parcels"), side_text="\n".join(lines))
        self.created_file(path)
        if path.lower().endswith(".pdf"):
            res = QgsLayoutExporter(layout).exportToPdf(path, QgsLayoutExporter.PdfExportSettings())
            if res != QgsLayoutExporter.Success:
                raise SunSpaceError("Cannot write the rule-index map '{path}'.", path=path)
        else:
            try:
                render_png(layout, path, 150)
            except RuntimeError:
                raise SunSpaceError("Cannot write the rule-index map '{path}'.", path=path) from None
