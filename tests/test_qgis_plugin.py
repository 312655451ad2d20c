"""The plugin inside real QGIS: classFactory, initGui, unload, provider registration, metadata."""
import configparser
import os

from qgis.core import QgsApplication

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_class_factory_init_gui_unload(qgis_iface, qgis_processing):
    import sunspace

    registry = QgsApplication.processingRegistry()
    if registry.providerById("sunspace") is not None:  # left by another test
        registry.removeProvider(registry.providerById("sunspace"))
    plugin = sunspace.classFactory(qgis_iface)
    plugin.initGui()
    try:
        provider = registry.providerById("sunspace")
        assert provider is not None
        assert provider.name() == "SunSpace 日照与开敞空间"
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
    assert any("\u4e00" <= c <= "\u9fff" for c in g["about"]) and "shapely" in g["about"]


def test_chinese_translation_loads(qgis_app):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    tr = QTranslator()
    assert tr.load(os.path.join(ROOT, "i18n", "sunspace_zh_CN.qm"))
    QCoreApplication.installTranslator(tr)
    try:
        assert QCoreApplication.translate("SunSpace", "Parcel indicators") == "地块指标"
        # every algorithm's display name and group has a Chinese translation
        from sunspace.algorithms.provider import SunSpaceProvider

        prov = SunSpaceProvider()
        prov.loadAlgorithms()
        for alg in prov.algorithms():
            assert all("\u4e00" <= ch <= "\u9fff" or not ch.isascii() or ch in " ()（）" for ch in alg.displayName()), alg.name()
            assert not any(ch.isascii() and ch.isalpha() for ch in alg.group()), alg.name()
    finally:
        QCoreApplication.removeTranslator(tr)
