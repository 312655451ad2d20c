"""The plugin inside real QGIS: classFactory, initGui, unload, provider registration, metadata."""
import configparser
import os

from qgis.core import QgsApplication

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_class_factory_init_gui_unload(qgis_iface, qgis_processing, qgis_locale):
    import sunspace

    qgis_locale("en_US")

    registry = QgsApplication.processingRegistry()
    if registry.providerById("sunspace") is not None:  # left by another test
        registry.removeProvider(registry.providerById("sunspace"))
    plugin = sunspace.classFactory(qgis_iface)
    plugin.initGui()
    try:
        provider = registry.providerById("sunspace")
        assert provider is not None
        assert provider.name() == "SunSpace sunlight and open space"
        assert not provider.icon().isNull()
        ids = {a.id() for a in provider.algorithms()}
        assert "sunspace:parcelindicators" in ids
        assert registry.algorithmById("sunspace:parcelindicators") is not None
        assert plugin.toolbar is not None and plugin.actions
        assert len(plugin.toolbar.actions()) >= 1
    finally:
        plugin.unload()
    assert registry.providerById("sunspace") is None
    assert plugin.actions == [] and plugin.toolbar is None


def test_metadata_complete():
    cfg = configparser.ConfigParser()
    cfg.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    g = cfg["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository",
                "tracker", "homepage", "category", "tags", "icon", "changelog", "experimental", "hasProcessingProvider"):
        assert g.get(key, "").strip() or key == "changelog", key
    assert g["qgisMinimumVersion"] == "3.22" and g["qgisMaximumVersion"] == "4.99"
    assert g["hasProcessingProvider"] == "yes"
    assert os.path.exists(os.path.join(ROOT, g["icon"]))
    assert "shapely" in g["about"]
    assert not any("\u4e00" <= c <= "\u9fff" for c in g["name"] + g["description"] + g["about"])  # English keys
    for key in ("description[zh_CN]", "about[zh_CN]"):  # QGIS reads key[locale] in a Chinese UI
        assert any("\u4e00" <= c <= "\u9fff" for c in g.get(key, "")), key
    assert "shapely" in g["about[zh_CN]"] and "GB 50180-2018" in g["about[zh_CN]"]


def test_chinese_translation_loads(qgis_iface, qgis_processing, qgis_locale):
    """QGIS set to Chinese (Settings ▸ Options ▸ General, as QGIS stores it): the plugin itself loads the .qm."""
    import sunspace
    from qgis.PyQt.QtCore import QCoreApplication

    qgis_locale("zh_CN")
    plugin = sunspace.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert plugin.translator is not None
        assert QCoreApplication.translate("SunSpace", "Parcel indicators") == "地块指标"
        provider = QgsApplication.processingRegistry().providerById("sunspace")
        assert provider.name() == "SunSpace 日照与开敞空间"
        for alg in provider.algorithms():  # every display name and group is Chinese
            assert any("\u4e00" <= ch <= "\u9fff" for ch in alg.displayName()), alg.name()
            assert not any(ch.isascii() and ch.isalpha() for ch in alg.group()), alg.name()
            assert any("\u4e00" <= ch <= "\u9fff" for ch in alg.shortHelpString()), alg.name()
    finally:
        plugin.unload()
    assert plugin.translator is None
    assert QCoreApplication.translate("SunSpace", "Parcel indicators") == "Parcel indicators"
