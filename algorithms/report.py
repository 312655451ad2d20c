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
from ..ui.layouts import FONT, map_layout, render_png
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
        feats = list(layer.getFeatures())
        id_field = next((n for n in ("parcel_id", "name", "id", "code") if n in layer.fields().names()), None)

        def pid(f):
            return str(f[id_field]) if id_field else str(f.id())

        rows = []
        for code in CATEGORY_CODES[:6]:
            fs = [f for f in feats if f["cat_code"] == code]
            if not fs:
                continue
            mean = lambda k: (sum(_f(f[k]) for f in fs if _f(f[k]) is not None) / max(1, sum(1 for f in fs if _f(f[k]) is not None))
                              if any(_f(f[k]) is not None for f in fs) else None)
            rows.append({"code": code, "category": CATEGORY_NAMES[code], "parcels": len(fs), "n": mean("avg_floors"),
                         "actual": mean("osr"), "floor": mean("osr_floor"), "base": _f(fs[0]["osr_base"]),
                         "base_count": fs[0]["base_count"]})
        classes = {k: sum(1 for f in feats if f["class"] == k) for k in CLASS_LABELS}
        failing = sorted((f for f in feats if f["class"] in ("below", "between")),
                         key=lambda f: -(_f(f["short_base"]) or 0.0))

        # the map, rendered by a print layout; the layer keeps its own style, or gets the three-class one
        shown = layer.clone()  # the user's layer keeps its own style
        if shown.renderer() is None or shown.renderer().type() != "categorizedSymbol":
            shown.loadNamedStyle(os.path.join(STYLE_DIR, "osr_class3.qml"))
            translate_legend(shown)
        layout = self._layout(shown, title, rows)
        tmp = tempfile.NamedTemporaryFile(suffix=".png", delete=False)
        tmp.close()
        render_png(layout, tmp.name, 120)
        with open(tmp.name, "rb") as fh:
            b64 = base64.b64encode(fh.read()).decode()
        os.unlink(tmp.name)
        if pdf_path:
            self.created_file(pdf_path)
            res = QgsLayoutExporter(layout).exportToPdf(pdf_path, QgsLayoutExporter.PdfExportSettings())
            if res != QgsLayoutExporter.Success:
                raise SunSpaceError("PDF export failed ({code}): '{path}'.", code=res, path=pdf_path)

        far_html = ""
        far_layer = self.parameterAsVectorLayer(parameters, "FAR_LAYER", context)
        if far_layer is not None:
            if not {"f_max", "far", "green_ok"} <= set(far_layer.fields().names()):
                raise SunSpaceError("Layer '{layer}' is not a FAR-cap result; run sunspace:greenfarcap first.",
                                    layer=far_layer.name())
            fid_field = next((n for n in ("parcel_id", "name", "id", "code") if n in far_layer.fields().names()), None)
            bad = [f for f in far_layer.getFeatures() if f["far_class"] == "above" or f["green_ok"] == 0]
            far_html = (f"<h2>{tr('FAR caps and concentrated green')}</h2><table><tr><th>{tr('Parcel')}</th>"
                        f"<th>{tr('FAR')}</th><th>F_max</th><th>{tr('Counted green, m²')}</th><th>{tr('Required green, m²')}</th>"
                        f"<th>{tr('Share outside the shadow line')}</th><th>{tr('Issue')}</th></tr>"
                        + "".join(f"<tr><td>{html.escape(str(f[fid_field]) if fid_field else str(f.id()))}</td><td>{_fmt(f['far'], 2)}</td>"
                                  f"<td>{_fmt(f['f_max'], 2)}</td><td>{_fmt(f['green_cnt'], 0)}</td><td>{_fmt(f['green_req'], 0)}</td>"
                                  f"<td>{_fmt(f['green_sun'], 2)}</td><td>{tr('FAR above the cap') + ' ' if f['far_class'] == 'above' else ''}"
                                  f"{tr('concentrated green fails') if f['green_ok'] == 0 else ''}</td></tr>" for f in bad)
                        + "</table>")
        table_html = "".join(
            f"<tr><td>{html.escape(r['category'])}</td><td>{r['parcels']}</td><td>{_fmt(r['n'], 1)}</td><td>{_fmt(r['actual'])}</td>"
            f"<td>{_fmt(r['floor'])}</td><td>{_fmt(r['base'])}</td><td>{_fmt(r['base_count'], 0)}</td></tr>"
            for r in rows)
        fail_html = "".join(
            f"<tr><td>{html.escape(pid(f))}</td><td>{html.escape(str(f['category']))}</td><td>{_fmt(f['osr'])}</td><td>{_fmt(f['osr_floor'])}</td>"
            f"<td>{_fmt(f['osr_base'])}</td><td>{html.escape(tr(CLASS_LABELS[str(f['class'])]) if str(f['class']) in CLASS_LABELS else str(f['class']))}</td><td>{_fmt(f['short_base'], 0)}</td>"
            f"<td>{_fmt(f['short_floor'], 0)}</td></tr>" for f in failing)
        doc = f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:"{FONT}","Noto Sans CJK SC",sans-serif;max-width:1100px;margin:2em auto;color:#222}}
table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #ccc;padding:4px 8px;text-align:right}}
th{{background:#f0f0f0}}td:first-child{{text-align:left}}img{{max-width:100%;border:1px solid #ccc}}</style></head><body>
<h1>{html.escape(title)}</h1>
<p>{tr("Layer <b>{layer}</b>: {n} parcels. Classes: {classes}.").format(layer=html.escape(layer.name()), n=len(feats), classes=", ".join(f"{html.escape(tr(CLASS_LABELS[k]))} <b>{v}</b>" for k, v in classes.items()))}</p>
<img alt="{html.escape(tr("compliance map"))}" src="data:image/png;base64,{b64}">
<h2>{tr("Floor and base values by category")}</h2>
<table><tr><th>{tr("Category")}</th><th>{tr("Number of parcels")}</th><th>{tr("Mean floors")}</th><th>{tr("Actual OSR")}</th><th>{tr("Floor value")}</th>
<th>{tr("Base value")}</th><th>{tr("Parcels behind the base value")}</th></tr>{table_html}</table>
{bar_chart_svg(rows)}
<h2>{tr("Parcels below their base or floor value ({n})").format(n=len(failing))}</h2>
<table><tr><th>{tr("Parcel")}</th><th>{tr("Category")}</th><th>{tr("OSR")}</th><th>{tr("Floor value")}</th><th>{tr("Base value")}</th><th>{tr("Class")}</th><th>{tr("Shortfall to the base value, m²")}</th>
<th>{tr("Shortfall to the floor value, m²")}</th></tr>{fail_html}</table>
{far_html}
<p style="color:#666">{tr("Generated by SunSpace. OSR = (parcel area − footprint) / floor area; floor value = OSR_sun + c (paper 003, formulas 1 and 2; paper 004); base value = the actual OSR of the category's parcels that meet the sunlight and concentrated-green requirements.")}</p>
</body></html>"""
        self.created_file(html_path)
        try:
            with open(html_path, "w", encoding="utf-8") as fh:
                fh.write(doc)
        except OSError as exc:
            raise SunSpaceError("Cannot write the HTML report '{path}': {error}", path=html_path, error=exc.strerror) from None
        feedback.pushInfo(tr("Report: {paths}").format(paths=html_path + (f", {pdf_path}" if pdf_path else "")))
        out = {"OUTPUT_HTML": html_path}
        if pdf_path:
            out["OUTPUT_PDF"] = pdf_path
        return out

    def _layout(self, layer, title, rows):
        side = tr("Category      Floor value   Base value") + "\n" + "\n".join(
            f"{r['category']:<8}  {_fmt(r['floor']):>8}  {_fmt(r['base']):>8}" for r in rows)
        return map_layout([layer], [layer], title, side_text=side)
