"""Plugin entry: Processing provider, menu and toolbar."""
import os

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .algorithms.provider import ICON, SunSpaceProvider

PLUGIN_DIR = os.path.dirname(__file__)
MENU = "&SunSpace"


class SunSpacePlugin:
    """Registers the ``sunspace`` Processing provider, a menu and a toolbar button."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.toolbar = None
        self.translator = None
        locale = (QgsSettings().value("locale/userLocale", "") or "")[:2]
        qm = os.path.join(PLUGIN_DIR, "i18n", f"sunspace_{locale}.qm")
        if locale and os.path.exists(qm):
            self.translator = QTranslator()
            if self.translator.load(qm):
                QCoreApplication.installTranslator(self.translator)

    def initProcessing(self):  # noqa: N802 (QGIS API)
        self.provider = SunSpaceProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS API)
        self.initProcessing()
        self.toolbar = self.iface.addToolBar("SunSpace")
        self.toolbar.setObjectName("SunSpaceToolbar")
        for alg in self.provider.algorithms():
            action = QAction(QIcon(ICON), alg.displayName(), self.iface.mainWindow())
            action.setObjectName(f"sunspace_{alg.name()}")
            action.triggered.connect(lambda _checked=False, alg_id=alg.id(): self.open_algorithm(alg_id))
            self.iface.addPluginToMenu(MENU, action)
            self.actions.append(action)
        if self.actions:
            self.toolbar.addAction(self.actions[0])
        from .depdialog import add_install_action

        self.actions.append(add_install_action(self.iface))

    def open_algorithm(self, alg_id):
        from qgis import processing

        processing.execAlgorithmDialog(alg_id, {})

    def unload(self):
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
