"""The Chinese interface: the plugin picks the translation from QGIS's locale, every string is translated,
placeholders survive translation, legends and field aliases follow the language."""
import glob
import os
import re
import string
import sys
import xml.etree.ElementTree as ET

import pytest
from qgis.core import QgsApplication

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS = os.path.join(ROOT, "i18n", "sunspace_zh_CN.ts")
QM = os.path.join(ROOT, "i18n", "sunspace_zh_CN.qm")
sys.path.insert(0, os.path.join(ROOT, "tools"))
import make_ts  # noqa: E402


def cjk(text):
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _fields(text):
    return sorted(f for _, f, spec, _ in string.Formatter().parse(text) if f is not None)


def test_every_string_has_a_chinese_translation():
    missing = make_ts.missing()
    assert missing == [], "untranslated (run tools/make_ts.py and translate in i18n/sunspace_zh_CN.ts): %s" % missing[:10]
    assert make_ts.main(["--check"]) == 0


def test_placeholders_and_tags_match():
    """A translation that drops or renames a {field} would make .format() fail or lose the value."""
    bad = []
    messages = list(ET.parse(TS).getroot().iter("message"))
    assert len(messages) > 300
    for msg in messages:
        src, zh = msg.findtext("source") or "", msg.findtext("translation") or ""
        if not zh:
            continue
        if _fields(src) != _fields(zh) or sorted(re.findall(r"</?\w+>", src)) != sorted(re.findall(r"</?\w+>", zh)):
            bad.append(src)
        else:  # formatting with the fields' names works on both
            values = {f.split(".")[0].split("[")[0]: 1.5 for f in _fields(src)}
            src.format(**values) if values else None
            zh.format(**values) if values else None
    assert bad == []


def test_placeholder_check_catches_a_broken_translation():
    assert _fields("Layer {layer} has no field '{field}'.") != _fields("图层 {layer} 中没有字段“{feld}”。")


def test_source_strings_are_english():
    allowed = {"Table {layer}, row {fid}, field '{field}': unknown category '{value}' (use {codes} or 低层, 多层Ⅰ类 ... 高层Ⅲ类)."}
    # Chinese field names and values SunSpace recognises in data (层数, 高度, 用途, 住宅) are data, not labels
    data_words = ("层数", "高度", "用途", "住宅")
    assert [s for s in make_ts.strings() if cjk(s) and s not in allowed
            and cjk("".join(ch for ch in s if not any(ch in w for w in data_words)))] == []


def test_distinct_sources_keep_distinct_meanings():
    have = make_ts.read_ts()
    assert have["Analysis area polygons (optional)"] != have["Analysis extent (when no area layer)"]
    assert "0" in have["Custom time step, minutes (0 = exact)"] and "精确" in have["Custom time step, minutes (0 = exact)"]
    assert "高度" in have["Floors field (used when no height field)"]
    assert "正北" in have["Window facing azimuth field, degrees from north"]


def test_every_legend_label_is_collected():
    from sunspace.algorithms.common import LEGEND_LABELS

    labels = set()
    for path in glob.glob(os.path.join(ROOT, "ui", "styles", "*.qml")):
        for node in ET.parse(path).getroot().iter():
            if node.tag in ("category", "range") and node.get("label"):
                labels.add(node.get("label"))
    assert labels and labels <= set(LEGEND_LABELS), labels - set(LEGEND_LABELS)
    assert not any(cjk(label) for label in labels)


def test_translation_file_for_locales(qgis_app):
    from sunspace.plugin import translation_file

    assert os.path.exists(QM), "run make translations"
    for code in ("zh_CN", "zh-Hans", "zh_Hans_CN", "zh", "zh_TW", "zh-Hant"):
        assert os.path.realpath(translation_file(code) or "") == os.path.realpath(QM), code
    for code in ("en_US", "en", "C", "", "de_DE"):
        assert translation_file(code) is None, code


def test_override_flag_false_uses_system_locale(qgis_app, qgis_locale):
    from qgis.PyQt.QtCore import QLocale
    from sunspace.plugin import qgis_locale as plugin_locale

    qgis_locale("zh_CN", override=False)
    assert plugin_locale() == QLocale.system().name()
    qgis_locale("zh-Hans")
    assert plugin_locale() == "zh-Hans"


def _run_plugin(iface, check):
    import sunspace

    registry = QgsApplication.processingRegistry()
    if registry.providerById("sunspace") is not None:
        registry.removeProvider(registry.providerById("sunspace"))
    plugin = sunspace.classFactory(iface)
    plugin.initGui()
    try:
        check(plugin, registry.providerById("sunspace"))
    finally:
        plugin.unload()
    assert plugin.translator is None


@pytest.mark.parametrize("code, chinese", [("zh_CN", True), ("zh-Hans", True), ("en_US", False)])
def test_plugin_follows_qgis_locale(qgis_iface, qgis_processing, qgis_locale, code, chinese):
    qgis_locale(code)

    def check(plugin, provider):
        names = {a.name(): a.displayName() for a in provider.algorithms()}
        assert (names["parcelindicators"] == "地块指标") is chinese
        assert (names["windowsunlight"] == "窗户日照时数") is chinese
        if not chinese:
            assert names["parcelindicators"] == "Parcel indicators" and plugin.translator is None
        alg = provider.algorithm("windowsunlight")
        std = alg.parameterDefinition("STANDARD")
        assert cjk(" ".join(std.options())) is chinese
        assert cjk(" ".join(alg.parameterDefinition("RULES").options())) is chinese
        assert cjk(" ".join(alg.parameterDefinition("FACADES").options())) is chinese
        assert cjk(alg.shortHelpString()) is chinese
        assert cjk(plugin.menu) is chinese
        osr = provider.algorithm("openspaceratio")
        for name in ("BASE_METHOD", "COLOUR_BY", "SLAB_LENGTH", "MP", "TABLE_BASE"):
            p = osr.parameterDefinition(name)
            text = " ".join(p.options()) if hasattr(p, "options") else p.description()
            assert cjk(text) is chinese, name
        assert cjk(" ".join(provider.algorithm("greenfarcap").parameterDefinition("AF_SOURCE").options())) is chinese

    _run_plugin(qgis_iface, check)


def test_chinese_legends_and_field_aliases(qgis_iface, qgis_processing, qgis_locale):
    from qgis.core import QgsVectorLayer

    from sunspace.algorithms.common import StylePostProcessor
    from sunspace.algorithms.compat import make_field

    qgis_locale("zh_CN")

    def check(plugin, provider):
        layer = QgsVectorLayer("Polygon?crs=EPSG:4545&field=far:double&field=passed:integer&field=class:string"
                               "&field=mine:string", "osr", "memory")
        StylePostProcessor.create("osr_class3.qml").postProcessLayer(layer, None, None)
        labels = [c.label() for c in layer.renderer().categories()]
        assert labels == ["达到基础值", "介于底线值与基础值之间", "低于底线值", "无数据"]
        assert layer.attributeAlias(0) == "容积率"
        assert layer.attributeAlias(1) == "是否达标（1 = 是）"
        assert layer.attributeAlias(3) == ""  # a user's own field keeps its name
        assert make_field("osr", "double").alias() == "开敞空间率"
        iso = QgsVectorLayer("Polygon?crs=EPSG:4545&field=hours:double", "iso", "memory")
        StylePostProcessor.create("isochrones.qml").postProcessLayer(iso, None, None)
        assert [r.label() for r in iso.renderer().ranges()][0] == "不足 1 小时"

    _run_plugin(qgis_iface, check)
    # English again once the plugin is unloaded
    from sunspace.algorithms.compat import make_field

    assert make_field("osr", "double").alias() == "Open-space ratio (OSR)"
