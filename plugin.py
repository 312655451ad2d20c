"""Plugin entry: Processing provider, menu and toolbar."""
import os

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .algorithms.provider import ICON, SunSpaceProvider

PLUGIN_DIR = os.path.dirname(__file__)
I18N_DIR = os.path.join(PLUGIN_DIR, "i18n")
#: Languages whose only translation is one file (any region or script of Chinese reads the zh_CN file).
LANGUAGE_FILES = {"zh": "zh_CN"}


def qgis_locale() -> str:
    """The locale QGIS translates its interface into, read as QGIS reads it.

    ``locale/overrideFlag`` true: the user's choice in Settings ▸ Options ▸ General
    (``locale/userLocale``, e.g. ``zh_CN``, ``zh-Hans``, ``en_US``). Override false:
    the system locale. Not set at all: ``locale/userLocale`` (QGIS writes it at start-up,
    also for ``--lang``), else the system locale.
    """
    settings = QgsSettings()
    user = str(settings.value("locale/userLocale", "") or "").strip()
    flag = settings.value("locale/overrideFlag", None)
    if flag is not None and str(flag).lower() in ("false", "0", "no", ""):
        return QLocale.system().name()
    return user or QLocale.system().name()


def translation_file(locale: str, folder: str = I18N_DIR):
    """The .qm file for ``locale`` (full locale first, then its language), or None (English)."""
    code = (locale or "").replace("-", "_").strip()
    if not code or code in ("C", "POSIX"):
        return None
    lang = code.split("_")[0].lower()
    candidates = [code]
    if lang in LANGUAGE_FILES:
        candidates.append(LANGUAGE_FILES[lang])
    candidates.append(lang)
    for name in candidates:
        path = os.path.join(folder, f"sunspace_{name}.qm")
        if os.path.exists(path):
            return path
    return None


class SunSpacePlugin:
    """Registers the ``sunspace`` Processing provider, a menu and a toolbar button."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.toolbar = None
        self.dock = None
        self.dock_action = None
        self.help_action = None
        self.translator = None
        self.menu = "&SunSpace"
        self.locale = qgis_locale()
        qm = translation_file(self.locale)
        if qm:
            translator = QTranslator()
            if translator.load(qm) and QCoreApplication.installTranslator(translator):
                self.translator = translator

    def initProcessing(self):  # noqa: N802 (QGIS API)
        self.provider = SunSpaceProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS API)
        from .algorithms.common import tr

        self.menu = tr("&SunSpace")
        self.initProcessing()
        self.toolbar = self.iface.addToolBar("SunSpace")
        self.toolbar.setObjectName("SunSpaceToolbar")
        for alg in self.provider.algorithms():
            action = QAction(QIcon(ICON), alg.displayName(), self.iface.mainWindow())
            action.setObjectName(f"sunspace_{alg.name()}")
            action.triggered.connect(lambda _checked=False, alg_id=alg.id(): self.open_algorithm(alg_id))
            self.iface.addPluginToMenu(self.menu, action)
            self.actions.append(action)
        from .algorithms.common import tr

        self.dock_action = QAction(QIcon(ICON), tr("Sunlight and open-space check"), self.iface.mainWindow())
        self.dock_action.setObjectName("sunspace_dock")
        self.dock_action.setCheckable(True)
        self.dock_action.triggered.connect(self.toggle_dock)
        self.help_action = QAction(QIcon(":/images/themes/default/mActionHelpContents.svg"), tr("SunSpace help"),
                                   self.iface.mainWindow())
        self.help_action.setObjectName("sunspace_help")
        self.help_action.triggered.connect(self.open_help)
        for action in (self.dock_action, self.help_action):
            self.iface.addPluginToMenu(self.menu, action)
            self.toolbar.addAction(action)
        from .depdialog import add_install_action

        self.actions.append(add_install_action(self.iface))

    def toggle_dock(self, checked=True):
        """Show (creating it once) or hide the 日照与开敞空间检查 panel."""
        from qgis.PyQt.QtCore import Qt

        from .ui.dock import ComplianceDock

        if self.dock is None:
            self.dock = ComplianceDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(lambda visible: self.dock_action.setChecked(visible))
        self.dock.setVisible(bool(checked))
        return self.dock

    def open_help(self):
        from qgis.PyQt.QtCore import QUrl
        from qgis.PyQt.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.join(PLUGIN_DIR, "README.md")))

    def open_algorithm(self, alg_id):
        from qgis import processing

        processing.execAlgorithmDialog(alg_id, {})

    def unload(self):
        for action in self.actions:
            self.iface.removePluginMenu(self.menu, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
        self.actions = []
        for action in (self.dock_action, self.help_action):
            if action is not None:
                self.iface.removePluginMenu(self.menu, action)
        self.dock_action = self.help_action = None
        if self.dock is not None:
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
