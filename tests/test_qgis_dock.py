"""The dock panel in real QGIS (pytest-qgis qgis_iface): the whole check on selected parcels of the sample district."""
import os

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer


def test_toolbar_has_dock_and_help(qgis_iface, qgis_processing):
    import sunspace

    registry = QgsApplication.processingRegistry()
    if registry.providerById("sunspace") is not None:
        registry.removeProvider(registry.providerById("sunspace"))
    plugin = sunspace.classFactory(qgis_iface)
    plugin.initGui()
    try:
        names = [a.objectName() for a in plugin.toolbar.actions()]
        assert names == ["sunspace_dock", "sunspace_help"]
        plugin.dock_action.trigger()
        assert plugin.dock is not None and plugin.dock.isVisible() is not None
    finally:
        plugin.unload()
    assert plugin.dock is None and registry.providerById("sunspace") is None


def test_dock_checks_selected_parcels(qgis_iface, qgis_processing, provider, sample_path, tmp_path):
    from sunspace.ui.dock import ComplianceDock

    project = QgsProject.instance()
    project.setFileName(str(tmp_path / "district.qgz"))  # outputs go next to the project
    layers = {n: QgsVectorLayer(f"{sample_path}|layername={n}", n, "ogr") for n in ("parcels", "buildings", "green", "roads")}
    project.addMapLayers(list(layers.values()))
    try:
        dock = ComplianceDock(qgis_iface)
        dock.open_report = False
        dock.parcels.setLayer(layers["parcels"])
        dock.buildings.setLayer(layers["buildings"])
        dock.green.setLayer(layers["green"])
        dock.roads.setLayer(layers["roads"])
        dock.floors.setField("floors")
        dock.residential.setExpression("\"use\" = 'residential'")
        dock.year.setValue(2026)
        dock.district.setText("Xi'an sample")
        dock.zone_field.setField("parcel_id")
        dock.zone_old.setText("XA-18")
        parcels = layers["parcels"]
        wanted = {"XA-09", "XA-18", "XA-19"}
        parcels.selectByIds([f.id() for f in parcels.getFeatures() if f["parcel_id"] in wanted])

        result = dock.run_check(selected_only=True)
        assert result, dock.details.toPlainText()
        assert os.path.exists(result["OUTPUT_PDF"]) and str(tmp_path) in result["OUTPUT_PDF"]
        out = dock.result_layer
        assert {f["parcel_id"] for f in out.getFeatures()} == wanted
        # the zone settings reached the run: XA-18 is old-area renewal (大寒日 1 h, MP 0.35), the others new areas
        zones = {f["parcel_id"]: (f["zone"], f["std_hours"], f["mp"]) for f in out.getFeatures()}
        assert zones["XA-18"] == ("old", 1.0, 0.35) and zones["XA-09"][0] == zones["XA-19"][0] == "new"
        assert "Zone: Old-area renewal" in open(result["OUTPUT_HTML"], encoding="utf-8").read()
        group = project.layerTreeRoot().children()[0]
        assert group.name().startswith("SunSpace check") and len(group.children()) == 4
        assert out.renderer().type() == "categorizedSymbol" and out.labelsEnabled()  # styled by class, labelled
        # the report's layout is in the Layout Manager and now draws the loaded result layer
        from qgis.core import QgsLayoutItemMap

        layout = next(l for l in project.layoutManager().printLayouts() if l.name().startswith("SunSpace: "))
        maps = sorted((i for i in layout.items() if isinstance(i, QgsLayoutItemMap)), key=lambda i: i.page())
        assert len(maps) == 2 and maps[0].layers() == [out]
        # the rule-index map page draws the loaded rule-index layer (coloured by zone and category)
        rule = maps[1].layers()[0]
        assert rule.name() == "Rule-index map" and rule.renderer().classAttribute() == "rule_key"
        assert {f["rule_key"] for f in rule.getFeatures()} == {f["zone"] + "|" + f["cat_code"] for f in out.getFeatures()}
        assert layout.pageCollection().pageCount() >= 5
        # three parcels derive their own base values: provisional, and said so
        assert all(f["provisional"] == 1 for f in out.getFeatures())
        assert "PROVISIONAL" in open(result["OUTPUT_HTML"], encoding="utf-8").read()
        # clicking (selecting) a parcel in the results shows its numbers
        x9 = next(f for f in out.getFeatures() if f["parcel_id"] == "XA-09")
        out.selectByIds([x9.id()])
        text = dock.details.toPlainText()
        for needle in ("XA-09", "Floor value", "Base value", "Windows failing", "FAR cap F_max", "Class"):
            assert needle in text, needle
        assert f"{x9['osr']:.3f}" in text and str(x9["n_fail_win"]) in text
        flat = " ".join(text.split())
        assert "Zone New area" in flat and "Sunlight standard 大寒 ≥ 2 h" in flat and "East-west parcel no" in flat, flat
        x18 = next(f for f in out.getFeatures() if f["parcel_id"] == "XA-18")
        out.selectByIds([x18.id()])
        text = " ".join(dock.details.toPlainText().split())
        assert "Zone Old-area renewal" in text and "Sunlight standard 大寒 ≥ 1 h" in text, text
        assert "Concentrated green per person MP, m² 0.35" in text and "East-west parcel no" in text, text
        # the settings are kept in the project: a new panel reads them back
        again = ComplianceDock(qgis_iface)
        assert again.parcels.currentLayer() == parcels and again.floors.currentField() == "floors"
        assert again.district.text() == "Xi'an sample" and again.year.value() == 2026
        assert again.residential.expression() == "\"use\" = 'residential'"
        assert again.zone_field.currentField() == "parcel_id" and again.zone_old.text() == "XA-18"
        assert again.parameters(False, str(tmp_path))["ZONE_OLD"] == "XA-18"
    finally:
        project.removeAllMapLayers()
        project.layerTreeRoot().removeAllChildren()
        project.setFileName("")


def test_dock_refuses_without_selection(qgis_iface, qgis_processing, provider, sample_path):
    from sunspace.ui.dock import ComplianceDock

    project = QgsProject.instance()
    parcels = QgsVectorLayer(f"{sample_path}|layername=parcels", "parcels", "ogr")
    buildings = QgsVectorLayer(f"{sample_path}|layername=buildings", "buildings", "ogr")
    project.addMapLayers([parcels, buildings])
    try:
        dock = ComplianceDock(qgis_iface)
        dock.open_report = False
        dock.parcels.setLayer(parcels)
        dock.buildings.setLayer(buildings)
        parcels.removeSelection()
        assert dock.run_check(selected_only=True) is None
        assert "No parcel is selected" in dock.details.toPlainText()
    finally:
        project.removeAllMapLayers()
