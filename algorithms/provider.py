"""The SunSpace Processing provider (id ``sunspace``)."""
import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .parcel_indicators import ParcelIndicatorsAlgorithm
from .window_sunlight import WindowSunlightAlgorithm
from .ground_sunlight import GroundSunlightAlgorithm
from .openspace import GreenFarCapAlgorithm, OpenSpaceRatioAlgorithm
from .report import ComplianceReportAlgorithm
from .compliance import BaseValuesAlgorithm, ComplianceCheckAlgorithm
from .setbacks import SpacingCoefficientsAlgorithm, SunlightSetbacksAlgorithm

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "ui", "icons", "sunspace.svg")


class SunSpaceProvider(QgsProcessingProvider):
    def id(self):
        return "sunspace"

    def name(self):
        return "SunSpace 日照与开敞空间"

    def longName(self):
        return "SunSpace: sunlight setbacks, open-space ratio and green-space FAR caps 日照间距、开敞空间率与绿地容积率上限"

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):
        return ICON

    def loadAlgorithms(self):
        for alg in (ParcelIndicatorsAlgorithm(), SpacingCoefficientsAlgorithm(), SunlightSetbacksAlgorithm(),
                    WindowSunlightAlgorithm(), GroundSunlightAlgorithm(), OpenSpaceRatioAlgorithm(), GreenFarCapAlgorithm(),
                    ComplianceReportAlgorithm(), BaseValuesAlgorithm(), ComplianceCheckAlgorithm()):
            self.addAlgorithm(alg)
