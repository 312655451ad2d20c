"""The SunSpace Processing provider (id ``sunspace``)."""
import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .common import tr
from .parcel_indicators import ParcelIndicatorsAlgorithm
from .window_sunlight import WindowSunlightAlgorithm
from .ground_sunlight import GroundSunlightAlgorithm
from .openspace import GreenFarCapAlgorithm, OpenSpaceRatioAlgorithm
from .report import ComplianceReportAlgorithm
from .indicator_ranges import IndicatorRangesAlgorithm
from .compliance import BaseValuesAlgorithm, ComplianceCheckAlgorithm
from .setbacks import SpacingCoefficientsAlgorithm, SunlightSetbacksAlgorithm
from .envelope import AllowedHeightAlgorithm, SunlightEnvelopeAlgorithm

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "ui", "icons", "sunspace.svg")


class SunSpaceProvider(QgsProcessingProvider):
    def id(self):
        return "sunspace"

    def name(self):
        return tr("SunSpace sunlight and open space")

    def longName(self):  # noqa: N802 (QGIS API)
        return tr("SunSpace: sunlight setbacks, open-space ratio and green-space FAR caps")

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):
        return ICON

    def loadAlgorithms(self):
        for alg in (ParcelIndicatorsAlgorithm(), SpacingCoefficientsAlgorithm(), SunlightSetbacksAlgorithm(),
                    WindowSunlightAlgorithm(), GroundSunlightAlgorithm(), OpenSpaceRatioAlgorithm(), GreenFarCapAlgorithm(),
                    ComplianceReportAlgorithm(), IndicatorRangesAlgorithm(), SunlightEnvelopeAlgorithm(),
                    AllowedHeightAlgorithm(), BaseValuesAlgorithm(), ComplianceCheckAlgorithm()):
            self.addAlgorithm(alg)
