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
from ..core.openspace import CLASS_NAMES
from ..ui.layouts import FONT, map_layout, render_png
from ..core.errors import SunSpaceError
from .common import SunSpaceAlgorithm, check_output_file, is_null, tr, STYLE_DIR
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
    series = (("actual", "实际值 actual", "#4575b4"), ("floor", "底线值 floor (theory)", "#d73027"), ("base", "基础值 base", "#1a9850"))
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
                       f'<title>{html.escape(r["category"])} {key}: {v:.3f}</title></rect>')
        out.append(f'<text x="{x0 + 1.5 * bw:.1f}" y="{topm + ph + 16}" text-anchor="middle">{html.escape(r["category"])}</text>')
    for si, (_, label, colour) in enumerate(series):
        x = left + si * 190
        out.append(f'<rect x="{x}" y="{height - 18}" width="12" height="12" fill="{colour}"/>'
                   f'<text x="{x + 16}" y="{height - 8}">{html.escape(label)}</text>')
    out.append(f'<text x="{left}" y="16" font-size="12">开敞空间率 OSR by category: theory (floor) against actual and base</text></svg>')
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
        self.addParameter(QgsProcessingParameterString("TITLE", tr("Title"), defaultValue="SunSpace 开敞空间率合规报告"))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_HTML", tr("HTML report"), "HTML files (*.html)"))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_PDF", tr("PDF report (optional)"), "PDF files (*.pdf)",
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
        classes = {k: sum(1 for f in feats if f["class"] == k) for k in CLASS_NAMES}
        failing = sorted((f for f in feats if f["class"] in ("below", "between")),
                         key=lambda f: -(_f(f["short_base"]) or 0.0))

        # the map, rendered by a print layout; the layer keeps its own style, or gets the three-class one
        shown = layer.clone()  # the user's layer keeps its own style
        if shown.renderer() is None or shown.renderer().type() != "categorizedSymbol":
            shown.loadNamedStyle(os.path.join(STYLE_DIR, "osr_class3.qml"))
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
            far_html = ("<h2>容积率上限与集中绿地 FAR caps and concentrated green</h2><table><tr><th>parcel</th><th>FAR</th><th>F_max</th>"
                        "<th>green counted m²</th><th>green required m²</th><th>share outside shadow</th><th>issue</th></tr>"
                        + "".join(f"<tr><td>{html.escape(str(f[fid_field]) if fid_field else str(f.id()))}</td><td>{_fmt(f['far'], 2)}</td>"
                                  f"<td>{_fmt(f['f_max'], 2)}</td><td>{_fmt(f['green_cnt'], 0)}</td><td>{_fmt(f['green_req'], 0)}</td>"
                                  f"<td>{_fmt(f['green_sun'], 2)}</td><td>{'FAR above cap 超上限 ' if f['far_class'] == 'above' else ''}"
                                  f"{'green 绿地不达标' if f['green_ok'] == 0 else ''}</td></tr>" for f in bad)
                        + "</table>")
        table_html = "".join(
            f"<tr><td>{html.escape(r['category'])}</td><td>{r['parcels']}</td><td>{_fmt(r['n'], 1)}</td><td>{_fmt(r['actual'])}</td>"
            f"<td>{_fmt(r['floor'])}</td><td>{_fmt(r['base'])}</td><td>{_fmt(r['base_count'], 0)}</td></tr>"
            for r in rows)
        fail_html = "".join(
            f"<tr><td>{html.escape(pid(f))}</td><td>{html.escape(str(f['category']))}</td><td>{_fmt(f['osr'])}</td><td>{_fmt(f['osr_floor'])}</td>"
            f"<td>{_fmt(f['osr_base'])}</td><td>{html.escape(CLASS_NAMES.get(str(f['class']), str(f['class'])))}</td><td>{_fmt(f['short_base'], 0)}</td>"
            f"<td>{_fmt(f['short_floor'], 0)}</td></tr>" for f in failing)
        doc = f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:"{FONT}","Noto Sans CJK SC",sans-serif;max-width:1100px;margin:2em auto;color:#222}}
table{{border-collapse:collapse;margin:1em 0}}td,th{{border:1px solid #ccc;padding:4px 8px;text-align:right}}
th{{background:#f0f0f0}}td:first-child{{text-align:left}}img{{max-width:100%;border:1px solid #ccc}}</style></head><body>
<h1>{html.escape(title)}</h1>
<p>Layer <b>{html.escape(layer.name())}</b>: {len(feats)} parcels. Classes 分类: {", ".join(f"{html.escape(CLASS_NAMES[k])} <b>{v}</b>" for k, v in classes.items())}.</p>
<img alt="compliance map" src="data:image/png;base64,{b64}">
<h2>各类别底线值与基础值 Floor and base values by category</h2>
<table><tr><th>category 类别</th><th>parcels 地块数</th><th>mean floors 平均层数</th><th>actual OSR 实际值</th><th>floor 底线值</th>
<th>base 基础值</th><th>parcels behind the base 基础值样本数</th></tr>{table_html}</table>
{bar_chart_svg(rows)}
<h2>未达到基础值的地块 Parcels below their base or floor value ({len(failing)})</h2>
<table><tr><th>parcel 地块</th><th>category</th><th>OSR</th><th>floor</th><th>base</th><th>class</th><th>shortfall to base, m² 缺口</th>
<th>shortfall to floor, m²</th></tr>{fail_html}</table>
{far_html}
<p style="color:#666">Generated by SunSpace. OSR = (parcel − footprint) / floor area; floor value = OSR_sun + c (paper 003, formula 1 and 2;
paper 004); base value = the actual OSR of the category's parcels that meet the sunlight and concentrated-green requirements.</p>
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
        side = "类别 category      底线值 floor  基础值 base\n" + "\n".join(
            f"{r['category']:<8}  {_fmt(r['floor']):>8}  {_fmt(r['base']):>8}" for r in rows)
        return map_layout([layer], [layer], title, side_text=side)
