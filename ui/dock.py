"""The dock panel 日照与开敞空间检查: choose the layers once, check selected or all parcels, read a parcel's numbers."""
from __future__ import annotations

import datetime
import html
import os
import tempfile

from qgis.core import (
    QgsFieldProxyModel,
    QgsMapLayerProxyModel,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsFieldComboBox, QgsFieldExpressionWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..algorithms.common import STYLE_DIR, tr
from ..core.errors import N_
from .layouts import label_parcels, show_in_layouts
from ..algorithms.sunparams import RULE_LABELS, STANDARD_PRESETS
from ..algorithms.zoning import ZONE_LABELS

SCOPE = "SunSpace"  # QgsProject entries
#: Base-value sources in the dock; the index is the compliance check's BASE_METHOD (0 mean, 1 median, 3 table).
BASE_OPTIONS = ["Derived from these parcels: mean of compliant parcels (provisional)",
                "Derived from these parcels: median of compliant parcels (provisional)",
                "From a base-value table (e.g. City base values)"]
BASE_METHODS = [0, 1, 3]
DETAIL_FIELDS = (("category", N_("Category")), ("avg_floors", N_("Average floors n")), ("density", N_("Building density DB")),
                 ("far", N_("FAR")), ("osr", N_("Open-space ratio OSR")), ("osr_floor", N_("Floor value")), ("osr_base", N_("Base value")),
                 ("zone", N_("Zone")), ("std_hours", N_("Sunlight standard")),
                 ("mp", N_("Concentrated green per person MP, m²")), ("ew_flag", N_("East-west parcel")),
                 ("class_name", N_("Class")), ("n_windows", N_("South windows")), ("n_fail_win", N_("Windows failing")),
                 ("f_max", N_("FAR cap F_max")), ("xs_gfa_base", N_("Excess floor area to base, m²")),
                 ("short_base", N_("Open space missing to base, m²")), ("far_base", N_("FAR that complies (base)")),
                 ("fix_base", N_("What must change")), ("provisional", N_("Base value provisional")))


class ComplianceDock(QDockWidget):
    """Settings are kept in the project (QgsProject.writeEntry), so a saved project reopens with them."""

    def __init__(self, iface, parent=None):
        super().__init__(tr("Sunlight and open-space check"), parent)
        self.setObjectName("SunSpaceComplianceDock")
        self.iface = iface
        self.open_report = True  # tests switch this off
        self.feedback = None
        self.result_layer = None
        self.last_result = None
        w = QWidget()
        form = QFormLayout()
        self.parcels = QgsMapLayerComboBox()
        self.parcels.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.buildings = QgsMapLayerComboBox()
        self.buildings.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.green = QgsMapLayerComboBox()
        self.green.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.green.setAllowEmptyLayer(True)
        self.roads = QgsMapLayerComboBox()
        self.roads.setFilters(QgsMapLayerProxyModel.VectorLayer)
        self.roads.setAllowEmptyLayer(True)
        self.floors = QgsFieldComboBox()
        self.floors.setFilters(QgsFieldProxyModel.Numeric)
        self.floors.setAllowEmptyFieldName(True)
        self.height = QgsFieldComboBox()
        self.height.setFilters(QgsFieldProxyModel.Numeric)
        self.height.setAllowEmptyFieldName(True)
        self.residential = QgsFieldExpressionWidget()
        self.standard = QComboBox()
        self.standard.addItems([tr(label) for label, _ in STANDARD_PRESETS])
        self.rules = QComboBox()
        self.rules.addItems([tr(label) for label in RULE_LABELS])
        self.year = QSpinBox()
        self.year.setRange(1900, 2100)
        self.year.setValue(datetime.date.today().year)
        self.base = QComboBox()
        self.base.addItems([tr(t) for t in BASE_OPTIONS])
        self.base_table = QgsMapLayerComboBox()
        self.base_table.setFilters(QgsMapLayerProxyModel.VectorLayer)
        self.base_table.setAllowEmptyLayer(True)
        self.district = QLineEdit()
        self.zone_field = QgsFieldComboBox()
        self.zone_field.setAllowEmptyFieldName(True)
        self.zone_old = QLineEdit()
        self.zone_historic = QLineEdit()
        for edit in (self.zone_old, self.zone_historic):
            edit.setPlaceholderText(tr("values, comma-separated"))
        for label, widget in ((tr("Parcels"), self.parcels), (tr("Buildings"), self.buildings),
                              (tr("Concentrated green (optional)"), self.green), (tr("Estate roads (optional)"), self.roads),
                              (tr("Floors field"), self.floors), (tr("Height field"), self.height),
                              (tr("Residential buildings"), self.residential), (tr("Sunlight standard"), self.standard),
                              (tr("Counting rules"), self.rules), (tr("Year of the standard day"), self.year),
                              (tr("Zone field (optional)"), self.zone_field),
                              (tr("Zone values for old-area renewal"), self.zone_old),
                              (tr("Zone values for the historic city"), self.zone_historic),
                              (tr("Base values"), self.base), (tr("Base-value table"), self.base_table),
                              (tr("District"), self.district)):
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        self.check_selected = QPushButton(tr("Check selected parcels"))
        self.check_all = QPushButton(tr("Check all"))
        self.cancel = QPushButton(tr("Cancel"))
        self.cancel.setEnabled(False)
        for b in (self.check_selected, self.check_all, self.cancel):
            buttons.addWidget(b)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(True)
        box = QVBoxLayout()
        box.addLayout(form)
        box.addLayout(buttons)
        box.addWidget(self.progress)
        box.addWidget(self.details)
        w.setLayout(box)
        self.setWidget(w)

        self.buildings.layerChanged.connect(self._buildings_changed)
        self.parcels.layerChanged.connect(self.zone_field.setLayer)
        self.zone_field.setLayer(self.parcels.currentLayer())
        self.check_selected.clicked.connect(lambda: self.run_check(True))
        self.check_all.clicked.connect(lambda: self.run_check(False))
        self.cancel.clicked.connect(self._cancel)
        self._buildings_changed(self.buildings.currentLayer())
        self.restore()

    # -- settings in the project ------------------------------------------------------
    def _widgets(self):
        return {"parcels": self.parcels, "buildings": self.buildings, "green": self.green, "roads": self.roads,
                "base_table": self.base_table}

    def save(self):
        project = QgsProject.instance()
        for key, combo in self._widgets().items():
            layer = combo.currentLayer()
            project.writeEntry(SCOPE, key, layer.id() if layer is not None else "")
        project.writeEntry(SCOPE, "floors", self.floors.currentField())
        project.writeEntry(SCOPE, "height", self.height.currentField())
        project.writeEntry(SCOPE, "residential", self.residential.expression())
        project.writeEntry(SCOPE, "standard", self.standard.currentIndex())
        project.writeEntry(SCOPE, "rules", self.rules.currentIndex())
        project.writeEntry(SCOPE, "year", self.year.value())
        project.writeEntry(SCOPE, "base", self.base.currentIndex())
        project.writeEntry(SCOPE, "district", self.district.text())
        project.writeEntry(SCOPE, "zone_field", self.zone_field.currentField())
        project.writeEntry(SCOPE, "zone_old", self.zone_old.text())
        project.writeEntry(SCOPE, "zone_historic", self.zone_historic.text())

    def restore(self):
        project = QgsProject.instance()
        for key, combo in self._widgets().items():
            lid, ok = project.readEntry(SCOPE, key, "")
            layer = project.mapLayer(lid) if ok and lid else None
            if layer is not None:
                combo.setLayer(layer)
            elif ok and key in ("green", "roads", "base_table") and lid == "":
                combo.setLayer(None)
        self._buildings_changed(self.buildings.currentLayer())
        self.zone_field.setLayer(self.parcels.currentLayer())
        for key, field in (("floors", self.floors), ("height", self.height), ("zone_field", self.zone_field)):
            value, ok = project.readEntry(SCOPE, key, "")
            if ok:
                field.setField(value)
        value, ok = project.readEntry(SCOPE, "residential", "")
        if ok:
            self.residential.setExpression(value)
        for key, combo in (("standard", self.standard), ("rules", self.rules), ("base", self.base)):
            value, ok = project.readNumEntry(SCOPE, key, 0)
            if ok and 0 <= value < combo.count():
                combo.setCurrentIndex(value)
        value, ok = project.readNumEntry(SCOPE, "year", self.year.value())
        if ok:
            self.year.setValue(value)
        for key, edit in (("district", self.district), ("zone_old", self.zone_old), ("zone_historic", self.zone_historic)):
            value, ok = project.readEntry(SCOPE, key, "")
            if ok:
                edit.setText(value)

    def _buildings_changed(self, layer):
        self.floors.setLayer(layer)
        self.height.setLayer(layer)
        self.residential.setLayer(layer)

    # -- the check ------------------------------------------------------------------------
    def parameters(self, selected_only, folder):
        parcels = self.parcels.currentLayer()
        buildings = self.buildings.currentLayer()
        if parcels is None or buildings is None:
            raise ValueError(tr("Choose the parcels and the buildings layers."))
        if selected_only and parcels.selectedFeatureCount() == 0:
            raise ValueError(tr("No parcel is selected in layer '{layer}': select parcels or use Check all.").format(
                layer=parcels.name()))
        method = BASE_METHODS[self.base.currentIndex()]
        params = {
            "PARCELS": QgsProcessingFeatureSourceDefinition(parcels.id(), selected_only) if selected_only else parcels,
            "BUILDINGS": buildings, "FLOORS_FIELD": self.floors.currentField() or None,
            "HEIGHT_FIELD": self.height.currentField() or None, "RESIDENTIAL": self.residential.expression(),
            "STANDARD": self.standard.currentIndex(), "RULES": self.rules.currentIndex(), "YEAR": self.year.value(),
            "BASE_METHOD": method, "DISTRICT": self.district.text(),
            "OUTPUT": os.path.join(folder, "parcels.gpkg"), "OUTPUT_BUILDINGS": os.path.join(folder, "buildings.gpkg"),
            "OUTPUT_TABLE": os.path.join(folder, "values.gpkg"), "OUTPUT_HTML": os.path.join(folder, "report.html"),
            "OUTPUT_PDF": os.path.join(folder, "report.pdf"),
        }
        if self.zone_field.currentField():
            params.update(ZONE_FIELD=self.zone_field.currentField(), ZONE_OLD=self.zone_old.text(),
                          ZONE_HISTORIC=self.zone_historic.text())
        elif self.zone_old.text().strip() or self.zone_historic.text().strip():
            raise ValueError(tr("Zone values are given but no zone field: choose the parcels' zone field."))
        if self.green.currentLayer() is not None:
            params["GREEN"] = self.green.currentLayer()
        if self.roads.currentLayer() is not None:
            params["ROADS"] = self.roads.currentLayer()
            if "width" in self.roads.currentLayer().fields().names():
                params["ROAD_WIDTH_FIELD"] = "width"
        if method == 3:
            table = self.base_table.currentLayer()
            if table is None:
                raise ValueError(tr("Choose the base-value table (run City base values on the city's parcels first)."))
            names = table.fields().names()
            params.update(BASE_TABLE=table, TABLE_CATEGORY="cat_code" if "cat_code" in names else "category",
                          TABLE_BASE="base")
        return params

    def output_folder(self):
        home = QgsProject.instance().homePath() or tempfile.gettempdir()
        folder = os.path.join(home, "sunspace_checks", datetime.datetime.now().strftime("%Y%m%d-%H%M%S"))
        n, base = 1, folder
        while os.path.exists(folder):
            n += 1
            folder = f"{base}-{n}"
        os.makedirs(folder)
        return folder

    def run_check(self, selected_only):
        """Run sunspace:compliancecheck, load its outputs into one group and open the report. Returns the results."""
        from qgis import processing

        self.save()
        try:
            folder = self.output_folder()
            params = self.parameters(selected_only, folder)
        except (ValueError, OSError) as exc:
            self._message(str(exc), error=True)
            return None
        self.feedback = QgsProcessingFeedback()
        self.feedback.progressChanged.connect(self._progress)
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        self.cancel.setEnabled(True)
        self.check_selected.setEnabled(False)
        self.check_all.setEnabled(False)
        try:
            result = processing.run("sunspace:compliancecheck", params, feedback=self.feedback, context=context)
        except Exception as exc:  # QgsProcessingException: the algorithm's own message
            self._message(str(exc).splitlines()[0] if str(exc) else repr(exc), error=True)
            return None
        finally:
            self.cancel.setEnabled(False)
            self.check_selected.setEnabled(True)
            self.check_all.setEnabled(True)
        if not result or self.feedback.isCanceled():
            self._message(tr("Cancelled: no output was written."))
            return None
        self.progress.setValue(100)
        self.load_results(result)
        if self.open_report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(result.get("OUTPUT_PDF") or result["OUTPUT_HTML"]))
        self.last_result = result
        return result

    def load_results(self, result):
        project = QgsProject.instance()
        group = project.layerTreeRoot().insertGroup(0, tr("SunSpace check {time}").format(
            time=datetime.datetime.now().strftime("%Y-%m-%d %H:%M:%S")))
        parcels = QgsVectorLayer(result["OUTPUT"], tr("Open-space ratio class"), "ogr")
        parcels.loadNamedStyle(os.path.join(STYLE_DIR, "osr_class3.qml"))
        buildings = QgsVectorLayer(result["OUTPUT_BUILDINGS"], tr("Window sunlight by building"), "ogr")
        table = QgsVectorLayer(result["OUTPUT_TABLE"], tr("Base and floor values used"), "ogr")
        rule = self.rule_index_layer(result["OUTPUT"])
        for layer in (parcels, rule, buildings, table):
            project.addMapLayer(layer, False)
            group.addLayer(layer)
        label_parcels(parcels)
        show_in_layouts(project, parcels, rule_layer=rule)
        project.layerTreeRoot().findLayer(rule.id()).setItemVisibilityChecked(False)  # the class map shows first
        self.result_layer = parcels
        parcels.selectionChanged.connect(self._selection_changed)
        if self.iface is not None:
            try:
                self.iface.setActiveLayer(parcels)
            except Exception:  # noqa: BLE001 - an interface without it (tests)
                pass
        self._message(tr("Done: {n} parcels checked. Select a parcel in '{layer}' to see its numbers. Report: "
                         "<a href=\"{url}\">{path}</a>").format(n=parcels.featureCount(), layer=parcels.name(),
                                                                url=QUrl.fromLocalFile(result["OUTPUT_HTML"]).toString(),
                                                                path=html.escape(result["OUTPUT_HTML"])))
        return group

    @staticmethod
    def rule_index_layer(path):
        """The checked parcels as a rule-index map (colour by zone and category), read from the result file."""
        from qgis.core import QgsField
        from qgis.PyQt.QtCore import QVariant

        from ..algorithms.common import translate_legend

        options = QgsVectorLayer.LayerOptions()
        options.loadDefaultStyle = False  # the output's own stored style is the class map, not this one
        layer = QgsVectorLayer(path, tr("Rule-index map"), "ogr", options)
        # before the fields (the style resets them); imported from the .qml itself: QGIS 3.22's loadNamedStyle
        # would take the style stored in the GeoPackage instead
        from qgis.PyQt.QtXml import QDomDocument

        doc = QDomDocument()
        with open(os.path.join(STYLE_DIR, "rule_index.qml"), encoding="utf-8") as fh:
            doc.setContent(fh.read())
        layer.importNamedStyle(doc)
        layer.addExpressionField("\"zone\" || '|' || \"cat_code\"", QgsField("rule_key", QVariant.String))
        layer.addExpressionField("\"parcel_id\"" if "parcel_id" in layer.fields().names() else "$id",
                                 QgsField("rule_label", QVariant.String))
        translate_legend(layer)
        return layer

    def _selection_changed(self, selected, *_):
        if self.result_layer is None or not selected:
            return
        feature = self.result_layer.getFeature(selected[0])
        self.details.setHtml(self.parcel_html(feature))

    def parcel_html(self, feature):
        names = feature.fields().names()
        pid = next((str(feature[n]) for n in ("parcel_id", "name") if n in names), str(feature.id()))
        rows = []
        for key, label in DETAIL_FIELDS:
            if key not in names:
                continue
            v = feature[key]
            text = "–" if v is None or (hasattr(v, "isNull") and v.isNull()) else (
                f"{v:.3f}" if isinstance(v, float) else str(v))
            if key == "zone" and text != "–":
                text = tr(ZONE_LABELS[v]) if v in ZONE_LABELS else text
            elif key == "std_hours" and text != "–":
                day = feature["std_day"] if "std_day" in names else ""
                text = tr("{day} ≥ {hours:g} h").format(day=day if isinstance(day, str) else "", hours=v)
            elif key == "mp" and text != "–":
                text = f"{v:g}"
            elif key == "ew_flag" and text != "–":
                share = feature["ew_share"] if "ew_share" in names else None
                pct = f" ({share * 100:.0f} %)" if isinstance(share, float) else ""
                text = (tr("yes: left out of the base values") if v else tr("no")) + pct
            if key == "fix_base" and text not in ("–", ""):
                text = tr("floor area must drop (the parcel cannot hold the open space)") \
                    if v == "floor area must drop" else tr("add open space or reduce floor area")
            rows.append(f"<tr><th align='left'>{html.escape(tr(label))}</th><td>{html.escape(text)}</td></tr>")
        return f"<h3>{html.escape(pid)}</h3><table>{''.join(rows)}</table>"

    def _progress(self, value):
        self.progress.setValue(int(value))
        QApplication.processEvents()  # the Cancel button stays responsive during the run

    def _cancel(self):
        if self.feedback is not None:
            self.feedback.cancel()

    def _message(self, text, error=False):
        colour = "#a50026" if error else "#222"
        self.details.setHtml(f"<p style='color:{colour}'>{text if not error else html.escape(text)}</p>")
