"""sunspace:compliancereport — an HTML (and PDF) report of an open-space-ratio run."""
from __future__ import annotations

import base64
import html
import math
import os
import tempfile

from qgis.core import (
    QgsLayoutExporter,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..core.categories import CATEGORY_CODES, CATEGORY_NAMES
from ..ui.layouts import FONT, pdf_settings, render_png, report_layout
from ..core.errors import SunSpaceError
from .common import CLASS_LABELS, SunSpaceAlgorithm, check_output_file, is_null, translate_legend, tr, STYLE_DIR
from .compat import POLYGON_SOURCE, _scoped

NO_THREADING = _scoped("ProcessingAlgorithmFlag.NoThreading", lambda: QgsProcessingAlgorithm.FlagNoThreading)



def _f(v):
    if is_null(v):
        return None
    try:
        v = float(v)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _fmt(v, digits=3):
    v = _f(v)
    return "–" if v is None else f"{v:.{digits}f}"


def bar_chart_svg(rows, width=720, height=300):
    """Grouped bars per category: actual OSR, floor value (theory) and base value."""
    series = (("actual", tr("actual OSR"), "#4575b4"), ("floor", tr("floor value (theory)"), "#d73027"),
              ("base", tr("base value"), "#1a9850"))
    vals = [_f(r[k]) for r in rows for k, _, _ in series if _f(r[k]) is not None]
    top = max(vals + [0.1]) * 1.15
    left, bottom, right, topm = 50, 50, 10, 30
    pw, ph = width - left - right, height - bottom - topm
    group = pw / max(1, len(rows))
    bw = group / 4.5
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="{FONT}, sans-serif" font-size="11">']
    for i in range(6):
        y = topm + ph - ph * i / 5
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#ddd"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{top * i / 5:.2f}</text>')
    for gi, r in enumerate(rows):
        x0 = left + gi * group + group * 0.15
        for si, (key, _, colour) in enumerate(series):
            v = _f(r[key])
            if v is None:
                continue
            h = ph * v / top
            out.append(f'<rect x="{x0 + si * bw:.1f}" y="{topm + ph - h:.1f}" width="{bw * 0.9:.1f}" height="{h:.1f}" fill="{colour}">'
                       f'<title>{html.escape(r["category"])} {html.escape(series[si][1])}: {v:.3f}</title></rect>')
        out.append(f'<text x="{x0 + 1.5 * bw:.1f}" y="{topm + ph + 16}" text-anchor="middle">{html.escape(r["category"])}</text>')
    for si, (_, label, colour) in enumerate(series):
        x = left + si * 190
        out.append(f'<rect x="{x}" y="{height - 18}" width="12" height="12" fill="{colour}"/>'
                   f'<text x="{x + 16}" y="{height - 8}">{html.escape(label)}</text>')
    out.append(f'<text x="{left}" y="16" font-size="12">'
               f'{html.escape(tr("Open-space ratio by category: theory (floor value) against actual and base values"))}</text></svg>')
    return "".join(out)



FAIL_COLUMN_LABELS = ("parcel", "category", "OSR", "floor value", "base value", "class", "excess floor area to base, m²",
                "open space missing to base, m²", "FAR that complies (base)", "excess floor area to floor, m²",
                "open space missing to floor, m²", "what must change")
CATEGORY_COLUMN_LABELS = ("category", "parcels", "mean floors", "actual OSR", "floor value", "base value", "parcels behind the base",
                    "base source", "note")
SUN_COLUMN_LABELS = ("building", "floors", "south windows", "windows failing", "share failing")
FAR_COLUMN_LABELS = ("parcel", "FAR", "F_max", "green counted, m²", "green required, m²", "share outside shadow", "issue")
ZONE_COLUMN_LABELS = ("zone", "sunlight standard", "concentrated green MP, m²/person", "parcels", "meets base",
                      "between floor and base", "below floor", "no data", "east-west parcels")
EW_COLUMN_LABELS = ("parcel", "zone", "category", "floor area in east-west buildings, %", "OSR", "class")
RULE_COLUMN_LABELS = ("zone", "category", "floors n", "floor value", "FAR allowed by the floor value", "base value",
                      "FAR allowed by the base value", "parcels")


def plugin_version():
    """The version in metadata.txt."""
    import configparser

    cfg = configparser.ConfigParser()
    cfg.read(os.path.join(os.path.dirname(os.path.dirname(__file__)), "metadata.txt"), encoding="utf-8")
    return cfg.get("general", "version", fallback="?")


def parcel_label(row):
    """The parcel's name as shown on the map and in the tables."""
    for k in ("parcel_id", "name", "id", "code"):
        if k in row and not is_null(row[k]) and row[k] is not None:
            return str(row[k])
    return str(row.get("_fid", "?"))


def layer_rows(layer):
    """Attributes of every feature of ``layer`` as dicts (None for NULL) with ``_fid`` and ``_geom``."""
    names = layer.fields().names()
    out = []
    for f in layer.getFeatures():
        row = {n: (None if is_null(f[n]) else f[n]) for n in names}
        row["_fid"], row["_geom"] = f.id(), f.geometry()
        out.append(row)
    return out


def category_rows(parcels):
    """Per-category rows from parcel rows (as the open-space-ratio output carries them)."""
    rows = []
    for code in CATEGORY_CODES[:6]:
        fs = [f for f in parcels if f.get("cat_code") == code]
        if not fs:
            continue

        def mean(k):
            v = [_f(f.get(k)) for f in fs if _f(f.get(k)) is not None]
            return sum(v) / len(v) if v else None

        rows.append({"code": code, "category": CATEGORY_NAMES[code], "parcels": len(fs), "n": mean("avg_floors"),
                     "actual": mean("osr"), "floor": mean("osr_floor"), "base": _f(fs[0].get("osr_base")),
                     "base_count": fs[0].get("base_count"), "provisional": bool(fs[0].get("provisional")),
                     "floor_gt_base": bool(fs[0].get("floor_gt_base")), "how": "",
                     "floor_max": max((_f(f.get("osr_floor")) for f in fs if _f(f.get("osr_floor")) is not None), default=None)})
    return rows


def _fix_text(v):
    return {"floor area must drop": tr("floor area must drop (the parcel cannot hold the open space)"),
            "open space or floor area": tr("add open space or reduce floor area")}.get(v or "", "")


def report_tables(parcels, cats, far_rows=None, buildings=None):
    """The report's tables as (title, columns, rows of text), the same for HTML and PDF."""
    def num(v, d=3):
        return _fmt(v, d)

    cat_rows = []
    for r in cats:
        note = []
        if r.get("provisional"):
            note.append(tr("PROVISIONAL: fewer than 5 eligible parcels"))
        if r.get("floor_gt_base"):
            note.append(tr("floor value above base value"))
        cat_rows.append([r["category"], str(r["parcels"]), num(r["n"], 1), num(r["actual"]), num(r["floor"]), num(r["base"]),
                         num(r["base_count"], 0), r.get("how", ""), "; ".join(note)])
    failing = sorted((f for f in parcels if f.get("class") in ("below", "between") or f.get("meets_base") == 0),
                     key=lambda f: parcel_label(f))
    fail_rows = [[parcel_label(f), str(f.get("category") or ""), num(f.get("osr")), num(f.get("osr_floor")),
                  num(f.get("osr_base")), tr(CLASS_LABELS.get(str(f.get("class")), str(f.get("class")))),
                  num(f.get("xs_gfa_base"), 0), num(f.get("short_base"), 0), num(f.get("far_base"), 2),
                  num(f.get("xs_gfa_floor"), 0), num(f.get("short_floor"), 0),
                  _fix_text(f.get("fix_floor")) or _fix_text(f.get("fix_base"))] for f in failing]
    tables = [(tr("Floor and base values by category"), [tr(c) for c in CATEGORY_COLUMN_LABELS], cat_rows),
              (tr("Parcels below their base or floor value ({n})").format(n=len(failing)), [tr(c) for c in FAIL_COLUMN_LABELS],
               fail_rows)]
    if buildings is not None:
        sun = [[str(b["name"]), num(b["floors"], 0), str(b["windows"]), str(b["failing"]),
                num(b["failing"] / b["windows"] if b["windows"] else None, 2)] for b in buildings if b["windows"]]
        tables.append((tr("Sunlight: south windows failing the standard, per residential building"),
                       [tr(c) for c in SUN_COLUMN_LABELS], sun))
    if far_rows is not None:
        bad = [f for f in far_rows if f.get("far_class") == "above" or f.get("green_a_ok") == 0 or f.get("green_s_ok") == 0]
        far = [[parcel_label(f), num(f.get("far"), 2), num(f.get("f_max"), 2), num(f.get("green_cnt"), 0),
                num(f.get("green_req"), 0), num(f.get("green_sun"), 2),
                "; ".join(x for x in ((tr("FAR above cap") if f.get("far_class") == "above" else ""),
                                      (tr("green area too small") if f.get("green_a_ok") == 0 else ""),
                                      (tr("green too shaded") if f.get("green_s_ok") == 0 else "")) if x)] for f in bad]
        tables.append((tr("FAR caps and concentrated green: parcels with an issue ({n} of {total})").format(
            n=len(bad), total=len(far_rows)), [tr(c) for c in FAR_COLUMN_LABELS], far))
    return tables


def _zone_label(code):
    from .zoning import ZONE_LABELS

    return tr(ZONE_LABELS[code]) if code in ZONE_LABELS else str(code or "")


def zone_tables(parcels):
    """The per-zone summary and the east-west parcels as report tables, and the east-west sentence.

    Empty when the parcel rows carry no zone (a layer from before zones). Returns (tables, notes).
    """
    if not any(f.get("zone") for f in parcels):
        return [], []
    from ..core.zones import ZONE_CODES

    rows = []
    for code in ZONE_CODES:
        fs = [f for f in parcels if f.get("zone") == code]
        if not fs:
            continue
        stds = sorted({(str(f.get("std_day") or ""), _f(f.get("std_hours"))) for f in fs}, key=str)
        mps = sorted({_f(f.get("mp")) for f in fs if _f(f.get("mp")) is not None})
        std_text = ", ".join(tr("{day} ≥ {hours:g} h").format(day=d, hours=h) for d, h in stds if h is not None)
        rows.append([_zone_label(code), std_text, ", ".join(f"{v:g}" for v in mps), str(len(fs))]
                    + [str(sum(1 for f in fs if f.get("class") == k)) for k in CLASS_LABELS]
                    + [str(sum(1 for f in fs if f.get("ew_flag") == 1))])
    ew = sorted((f for f in parcels if f.get("ew_flag") == 1), key=parcel_label)
    ew_rows = [[parcel_label(f), _zone_label(f.get("zone")), str(f.get("category") or ""),
                _fmt(_f(f.get("ew_share")) * 100 if _f(f.get("ew_share")) is not None else None, 0), _fmt(f.get("osr")),
                tr(CLASS_LABELS.get(str(f.get("class")), str(f.get("class") or "")))] for f in ew]
    tables = [(tr("Parcels by zone"), [tr(c) for c in ZONE_COLUMN_LABELS], rows),
              (tr("East-west parcels, left out of the base values ({n})").format(n=len(ew)),
               [tr(c) for c in EW_COLUMN_LABELS], ew_rows)]
    notes = []
    if ew:
        notes.append(tr("East-west parcels ({parcels}): most of their residential floor area lies in buildings whose main "
                        "facade turns east or west; they meet the sunlight standard only by turning away from the south "
                        "and are left out of the base values.").format(parcels=", ".join(parcel_label(f) for f in ew)))
    return tables, notes


def write_report(title, parcels, far_rows, buildings, basis, map_layer, html_path, pdf_path, district="", project=None,
                 layout_name=None, base_source="", rule_index=None):
    """Write the HTML report (and the PDF through a multi-page print layout with the same content).

    ``basis`` is a list of (label, text); ``parcels``/``far_rows`` rows as from :func:`layer_rows`;
    ``buildings`` a list of dicts (name, floors, windows, failing) or None. With ``project`` and
    ``layout_name`` the print layout is added to the project's Layout Manager. ``rule_index`` is
    ``(layer, rows)``: the parcels styled as a rule-index map and the indicator table (rows of
    :data:`RULE_COLUMN_LABELS`), a page of its own. Returns the layout.
    """
    import datetime

    cats = category_rows(parcels)
    for r in cats:
        r["how"] = base_source
    tables = report_tables(parcels, cats, far_rows, buildings)
    ztables, znotes = zone_tables(parcels)
    tables[1:1] = ztables
    rule_heading = tr("Rule-index map: FAR allowed by the floor and base values, per zone and category")
    if rule_index is not None:
        tables.append((rule_heading, [tr(c) for c in RULE_COLUMN_LABELS], rule_index[1]))
    classes = {k: sum(1 for f in parcels if f.get("class") == k) for k in CLASS_LABELS}
    today = datetime.date.today().isoformat()
    version = plugin_version()
    chart = bar_chart_svg(cats)
    warnings = []
    prov = [r["category"] for r in cats if r["provisional"]]
    if prov:
        warnings.append(tr("Provisional base values: {cats} rest on fewer than 5 eligible parcels. Use city-wide base "
                           "values (sunspace:basevalues) before relying on these classes.").format(cats=", ".join(prov)))
    for r in cats:
        if r["floor_gt_base"]:
            warnings.append(tr("{cat}: a floor value ({floor}) exceeds the base value {base}: the category's compliant "
                               "parcels do not reach the model's sunlight-and-green minimum (e.g. deeper buildings than "
                               "the model's), so a parcel meeting the base value can still be below its floor "
                               "value.").format(cat=r["category"], floor=_fmt(r["floor_max"]), base=_fmt(r["base"])))
    warnings.extend(znotes)
    summary = tr("{n} parcels. Classes: {classes}.").format(
        n=len(parcels), classes=", ".join(f"{tr(CLASS_LABELS[k])} {v}" for k, v in classes.items()))
    layout = report_layout(title, [tr("District: {d}").format(d=district) if district else "",
                                   tr("Date: {d}").format(d=today), tr("SunSpace version {v}").format(v=version)],
                           tr("Basis of the check"), basis, summary, warnings, map_layer, chart, tables,
                           project=project, name=layout_name,
                           rule_map=(tr("Rule-index map of residential parcels"), rule_index[0]) if rule_index is not None else None)

    def page_png(page):
        tmp = tempfile.NamedTemporaryFile(suffix=".png", delete=False)
        tmp.close()
        render_png(layout, tmp.name, 110, page=page)
        with open(tmp.name, "rb") as fh:
            data = base64.b64encode(fh.read()).decode()
        os.unlink(tmp.name)
        return data

    b64 = page_png(1)
    rule_html = ""
    if rule_index is not None:
        rule_html = (f"<h2>{html.escape(tr('Rule-index map of residential parcels'))}</h2>"
                     f'<img alt="rule-index map" src="data:image/png;base64,{page_png(2)}">')
    if pdf_path:
        res = QgsLayoutExporter(layout).exportToPdf(pdf_path, pdf_settings())
        if res != QgsLayoutExporter.Success:
            raise SunSpaceError("PDF export failed ({code}): '{path}'.", code=res, path=pdf_path)
    esc = html.escape
    basis_html = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in basis)
    tables_html = "".join(
        f"<h2>{esc(t)}</h2><table><tr>{''.join(f'<th>{esc(c)}</th>' for c in cols)}</tr>"
        + "".join("<tr>" + "".join(f"<td>{esc(str(x))}</td>" for x in row) + "</tr>" for row in rows) + "</table>"
        + (f"<p>{esc(tr('None.'))}</p>" if not rows else "")
        + (chart if i == 0 else "")
        for i, (t, cols, rows) in enumerate(tables))
    warn_html = "".join(f'<p class="warn">{esc(w)}</p>' for w in warnings)
    lang = "zh-CN" if tr("Basis of the check") != "Basis of the check" else "en"
    doc = f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>
<style>body{{font-family:"{FONT}","Noto Sans CJK SC",sans-serif;max-width:1100px;margin:2em auto;color:#222}}
table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #ccc;padding:4px 8px;text-align:right}}
th{{background:#f0f0f0}}td:first-child,th:first-child{{text-align:left}}img{{max-width:100%;border:1px solid #ccc}}
.warn{{color:#a50026;font-weight:bold}}</style></head><body>
<h1>{esc(title)}</h1>
<p>{esc(tr("District: {d}").format(d=district)) + " · " if district else ""}{esc(tr("Date: {d}").format(d=today))} · {esc(tr("SunSpace version {v}").format(v=version))}</p>
<h2>{esc(tr("Basis of the check"))}</h2><table>{basis_html}</table>
{warn_html}
<p>{esc(summary)}</p>
<h2>{esc(tr("Compliance map"))}</h2>
<img alt="compliance map" src="data:image/png;base64,{b64}">
{rule_html}
{tables_html}
<p style="color:#666">{esc(tr("OSR = (parcel area − footprint) / floor area; floor value = OSR_sun + c (paper 003, formulas 1 and 2; paper 004); base value = the actual OSR of the category's parcels that meet the sunlight and concentrated-green requirements. Excess floor area = floor area − open space / value; open space missing = value × floor area − open space; complying FAR = open space / value / parcel area."))}</p>
</body></html>"""
    try:
        with open(html_path, "w", encoding="utf-8") as fh:
            fh.write(doc)
    except OSError as exc:
        raise SunSpaceError("Cannot write the HTML report '{path}': {error}", path=html_path, error=exc.strerror) from None
    return layout


class ComplianceReportAlgorithm(SunSpaceAlgorithm):
    NAME = "compliancereport"
    DISPLAY = "Compliance report"
    GROUP = "control"

    def flags(self):
        return super().flags() | NO_THREADING  # renders a print layout

    def shortHelpString(self):
        return tr(
            (
            "<p>An HTML report (and optionally a PDF through a QGIS print layout) of an open-space-ratio run:"
            " the map coloured by compliance, per-category floor and base values with the number of parcels "
            "behind them, a chart of theoretical (floor) against actual and base OSR by category (as in paper"
            " 003), and the parcels below their base or floor value with the open space they lack. With a "
            "FAR-cap layer, the parcels above their cap or failing a concentrated-green check are listed "
            "too.</p>"
        )
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterVectorLayer("OSR_LAYER", tr("Open-space ratio result"), [POLYGON_SOURCE]))
        self.addParameter(QgsProcessingParameterVectorLayer("FAR_LAYER", tr("FAR-cap result (optional)"),
                                                            [POLYGON_SOURCE], optional=True))
        self.addParameter(QgsProcessingParameterString("TITLE", tr("Title"),
                                                       defaultValue=tr("SunSpace open-space ratio compliance report")))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_HTML", tr("HTML report"), tr("HTML files (*.html)")))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_PDF", tr("PDF report (optional)"), tr("PDF files (*.pdf)"),
                                                                optional=True, createByDefault=False))

    def compute(self, parameters, context, feedback):
        layer = self.parameterAsVectorLayer(parameters, "OSR_LAYER", context)
        if layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "OSR_LAYER"))
        needed = {"osr", "osr_floor", "osr_base", "class", "cat_code", "short_base", "short_floor", "base_count"}
        missing = needed - set(layer.fields().names())
        if missing:
            raise SunSpaceError("Layer '{layer}' is not an open-space-ratio result (missing {fields}); run "
                                "sunspace:openspaceratio first.", layer=layer.name(), fields=", ".join(sorted(missing)))
        title = self.parameterAsString(parameters, "TITLE", context)
        html_path = self.parameterAsFileOutput(parameters, "OUTPUT_HTML", context)
        pdf_path = self.parameterAsFileOutput(parameters, "OUTPUT_PDF", context) if parameters.get("OUTPUT_PDF") else ""
        check_output_file(html_path, "HTML report")
        if pdf_path:
            check_output_file(pdf_path, "PDF report")
        far_rows = None
        far_layer = self.parameterAsVectorLayer(parameters, "FAR_LAYER", context)
        if far_layer is not None:
            if not {"f_max", "far", "green_ok"} <= set(far_layer.fields().names()):
                raise SunSpaceError("Layer '{layer}' is not a FAR-cap result; run sunspace:greenfarcap first.",
                                    layer=far_layer.name())
            far_rows = layer_rows(far_layer)
        shown = layer.clone()  # the user's layer keeps its own style
        if shown.renderer() is None or shown.renderer().type() != "categorizedSymbol":
            shown.loadNamedStyle(os.path.join(STYLE_DIR, "osr_class3.qml"))
            translate_legend(shown)
        basis = [(tr("Source layer"), layer.name()), (tr("Coordinate reference system"), layer.crs().authid()),
                 (tr("Standard, day, counting rules and parameters"),
                  tr("not recorded in the layer: run sunspace:compliancecheck for a report that states its basis"))]
        self.created_file(html_path)
        if pdf_path:
            self.created_file(pdf_path)
        write_report(title, layer_rows(layer), far_rows, None, basis, shown, html_path, pdf_path)
        feedback.pushInfo(tr("Report: {paths}").format(paths=html_path + (f", {pdf_path}" if pdf_path else "")))
        out = {"OUTPUT_HTML": html_path}
        if pdf_path:
            out["OUTPUT_PDF"] = pdf_path
        return out
