"""Test set-up: the checkout is importable as the package ``sunspace``.

The repository root *is* the plugin folder. QGIS loads it as ``sunspace`` from a
folder on QGIS_PLUGINPATH, so the tests do the same: ``build/pluginpath/sunspace``
is a link to the checkout and ``build/pluginpath`` goes first on sys.path.
"""
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGINPATH = os.path.join(ROOT, "build", "pluginpath")
SAMPLE = os.path.join(ROOT, "data", "sample_district.gpkg")


def _link_plugin():
    os.makedirs(PLUGINPATH, exist_ok=True)
    link = os.path.join(PLUGINPATH, "sunspace")
    if not os.path.islink(link) and not os.path.exists(link):
        os.symlink(ROOT, link)
    if PLUGINPATH not in sys.path:
        sys.path.insert(0, PLUGINPATH)


_link_plugin()
TESTS = os.path.dirname(os.path.abspath(__file__))
if TESTS not in sys.path:  # test helpers such as sunlight_reference
    sys.path.insert(1, TESTS)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def sample_path():
    return SAMPLE


@pytest.fixture(scope="session")
def plugin_path():
    return PLUGINPATH


@pytest.fixture()
def provider(qgis_processing):
    """The SunSpace provider registered in the Processing registry for one test."""
    from qgis.core import QgsApplication

    from sunspace.algorithms.provider import SunSpaceProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("sunspace")
    if existing is not None:
        yield existing
        return
    prov = SunSpaceProvider()
    assert registry.addProvider(prov)
    yield prov
    registry.removeProvider(prov)



@pytest.fixture
def qgis_locale():
    """Set the interface language as QGIS's options dialog stores it; the settings are restored afterwards.

    ``qgis_locale("zh_CN")``: ``locale/overrideFlag`` true and ``locale/userLocale`` zh_CN;
    ``qgis_locale("zh_CN", override=False)``: the user's choice is off (QGIS then uses the system locale).
    """
    from qgis.core import QgsSettings

    keys = ("locale/userLocale", "locale/overrideFlag")
    settings = QgsSettings()
    saved = {k: settings.value(k, None) for k in keys}

    def set_locale(code, override=True):
        s = QgsSettings()
        s.setValue("locale/overrideFlag", bool(override))
        s.setValue("locale/userLocale", code)
        s.sync()

    yield set_locale
    settings = QgsSettings()
    for k, v in saved.items():
        if v is None:
            settings.remove(k)
        else:
            settings.setValue(k, v)
    settings.sync()
