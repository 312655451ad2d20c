"""sunspace:sunlightsetbacks and sunspace:spacingcoefficients."""
from __future__ import annotations

import datetime
import math

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterPoint,
    QgsProject,
)

from ..core.setbacks import coefficient_zones, exact_zones, spacing_checks
from ..core.solar import standard_day
from ..core.standards import orientation_factor, spacing_coefficient
from ..core.errors import N_, SunSpaceError
from .common import SunSpaceAlgorithm, check_canceled, layer_label, source_name, style_on_load, to_qgs, tr
from .compat import ANY_GEOMETRY_SOURCE, DOUBLE_NUMBER, INTEGER_NUMBER, LINE_WKB, NO_GEOMETRY, POLYGON_WKB, make_field
from .sunparams import add_building_parameters, add_standard_parameters, parse_standard, read_buildings, sunlight_frame



class SunlightSetbacksAlgorithm(SunSpaceAlgorithm):
    NAME = "sunlightsetbacks"
    DISPLAY = "Sunlight setbacks"
    GROUP = "sunlight"

    def shortHelpString(self):
        return tr(
            (
            "<p>Sunlight setbacks of every building for the chosen standard:</p><ul><li><b>Coefficient "
            "zones</b> (coefficient method): the ground north of the building within L = k(N) × (H − sill) × f, k(N) = cot h"
            " · cos A at hour angle 7.5° × N, f the GB 50180-93 orientation reduction (1.0 for 0-15°, 0.9 "
            "15-30°, 0.8 30-45°, 0.9 45-60°, 0.95 beyond) for the building's main facade angle from "
            "south.</li><li><b>Exact zones</b>: the ground at sill height that gets fewer than the standard's"
            " hours because of that building alone (its N-hour isochrone), computed with the exact sunlight "
            "engine on a grid.</li><li><b>Spacing checks</b> between each residential building and the "
            "buildings to its south that face it: actual north-south spacing, required spacing, deficit in "
            "metres and pass/fail (a building hidden behind a nearer one, or farther than 1.5 times the "
            "required spacing, is not listed).</li></ul>"
        )
        )

    def initAlgorithm(self, config=None):
        add_building_parameters(self, tr)
        add_standard_parameters(self, tr)
        self.addParameter(QgsProcessingParameterBoolean("EXACT", tr("Compute exact zones"), defaultValue=True))
        self.addParameter(QgsProcessingParameterNumber("RESOLUTION", tr("Exact-zone grid spacing, m"),
                                                       type=DOUBLE_NUMBER, defaultValue=1.0, minValue=0.1))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_ZONES", tr("Coefficient setback zones")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_EXACT", tr("Exact setback zones"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_CHECKS", tr("Spacing checks")))

    def compute(self, parameters, context, feedback):
        settings = parse_standard(self, parameters, context)
        bld = read_buildings(self, parameters, context, feedback)
        frame = sunlight_frame(bld)
        local = frame.to_local(bld["geoms"], bld["crs"])
        sill = self.parameterAsDouble(parameters, "SILL", context)
        std = settings.standard
        u = bld["usable"]
        idx = np.flatnonzero(u)  # every building: the spacing checks need all of them
        crs = bld["source"].sourceCrs()
        feedback.pushInfo(tr("Standard: {text}").format(text=settings.describe()))
        cz = coefficient_zones(local[idx], bld["height"][idx], frame.lat0, settings.declination, std.hours, sill)
        chosen = bld["selected"][idx]
        fields = QgsFields()
        for name, kind in (("bldg_fid", "int"), ("height_m", "double"), ("k", "double"), ("theta", "double"),
                           ("factor", "double"), ("spacing_m", "double")):
            fields.append(make_field(name, kind))
        sink, zid = self.sink(parameters, "OUTPUT_ZONES", context, fields, POLYGON_WKB, crs)
        back = frame.from_local(cz["zone"], bld["crs"])
        for j, i in enumerate(idx):
            if not chosen[j]:
                continue
            f = QgsFeature(fields)
            f.setGeometry(to_qgs(back[j]))
            f.setAttributes([int(bld["ids"][i]), float(bld["height"][i]), float(cz["k"][j]), float(cz["theta"][j]),
                             float(cz["factor"][j]), float(cz["spacing"][j])])
            sink.add(f)
        style_on_load(context, zid, "setback_zones.qml")
        results = {"OUTPUT_ZONES": zid}
        feedback.setProgress(10)

        checks = spacing_checks(local[idx], bld["height"][idx], bld["residential"][idx], frame.lat0, settings.declination,
                                std.hours, sill, bld["base"][idx])
        cfields = QgsFields()
        for name, kind in (("south_fid", "int"), ("north_fid", "int"), ("actual_m", "double"), ("required_m", "double"),
                           ("deficit_m", "double"), ("passed", "int")):
            cfields.append(make_field(name, kind))
        sink, cid = self.sink(parameters, "OUTPUT_CHECKS", context, cfields, LINE_WKB, crs)
        lines = frame.from_local(checks["line"], bld["crs"]) if checks["line"].size else []
        for j in range(len(checks["actual"])):
            if not chosen[checks["north"][j]]:  # the selection picks the receiving (north) buildings
                continue
            f = QgsFeature(cfields)
            f.setGeometry(to_qgs(lines[j]))
            f.setAttributes([int(bld["ids"][idx[checks["south"][j]]]), int(bld["ids"][idx[checks["north"][j]]]),
                             float(checks["actual"][j]), float(checks["required"][j]), float(checks["deficit"][j]),
                             int(checks["passed"][j])])
            sink.add(f)
        style_on_load(context, cid, "spacing_checks.qml")
        results["OUTPUT_CHECKS"] = cid
        listed = chosen[checks["north"]] if len(checks["actual"]) else np.zeros(0, bool)
        n_fail = int((~checks["passed"][listed]).sum())
        feedback.pushInfo(tr("{n} facing pairs checked, {fail} too close").format(n=int(listed.sum()), fail=n_fail))
        feedback.setProgress(20)

        if self.parameterAsBool(parameters, "EXACT", context) and parameters.get("OUTPUT_EXACT"):
            ez = exact_zones(local[idx], bld["height"][idx], frame.lat0, settings.declination, std.window,
                             settings.rules, std.hours, sill, self.parameterAsDouble(parameters, "RESOLUTION", context),
                             base=bld["base"][idx], progress=lambda f: feedback.setProgress(20 + 80 * f),
                             is_canceled=feedback.isCanceled)
            check_canceled(feedback)
            efields = QgsFields()
            for name, kind in (("bldg_fid", "int"), ("hours", "double"), ("area_m2", "double")):
                efields.append(make_field(name, kind, alias=N_("Required sunlight hours, h") if name == "hours" else ""))
            sink, eid = self.sink(parameters, "OUTPUT_EXACT", context, efields, POLYGON_WKB, crs)
            eback = frame.from_local(ez, bld["crs"])
            for j, i in enumerate(idx):
                if ez[j] is None or ez[j].is_empty or not chosen[j]:
                    continue
                f = QgsFeature(efields)
                f.setGeometry(to_qgs(eback[j]))
                f.setAttributes([int(bld["ids"][i]), float(std.hours), float(ez[j].area)])
                sink.add(f)
            style_on_load(context, eid, "exact_zones.qml")
            results["OUTPUT_EXACT"] = eid
        feedback.setProgress(100)
        return results


class SpacingCoefficientsAlgorithm(SunSpaceAlgorithm):
    DAYS = (("dahan", N_("Great Cold day (Dahan)"), "大寒", 1.0), ("dahan", N_("Great Cold day (Dahan)"), "大寒", 2.0),
            ("dahan", N_("Great Cold day (Dahan)"), "大寒", 3.0), ("dongzhi", N_("Winter Solstice day (Dongzhi)"), "冬至", 1.0))

    NAME = "spacingcoefficients"
    DISPLAY = "Sunlight spacing coefficients"
    GROUP = "sunlight"

    def shortHelpString(self):
        return tr(
            (
            "<p>The spacing coefficient k(N) = cot h · cos A at hour angle 7.5° × N for parallel east-west "
            "slabs, for 1, 2 and 3 hours on the Great Cold day and 1 hour on the Winter Solstice day, at a latitude (from a layer's centre, a "
            "point, or typed). L/H follows GB 50180-93's convention: L/H = k (H − sill) / H with the "
            "reference height H = 18.18 m and sill 1.35 m (both parameters). The reduced columns apply the "
            "orientation reduction for a facade turned the given angle from due south.</p>"
        )
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource("LAYER", tr("Location from a layer's centre"),
                                                              [ANY_GEOMETRY_SOURCE], optional=True))
        self.addParameter(QgsProcessingParameterPoint("POINT", tr("Location point"), optional=True))
        self.addParameter(QgsProcessingParameterNumber("LATITUDE", tr("Latitude, degrees (when no layer or point)"),
                                                       type=DOUBLE_NUMBER, optional=True, minValue=0.0, maxValue=60.0))
        self.addParameter(QgsProcessingParameterNumber("YEAR", tr("Year of the standard days"), type=INTEGER_NUMBER,
                                                       defaultValue=datetime.date.today().year, minValue=1900, maxValue=2100))
        self.addParameter(QgsProcessingParameterNumber("H_REF", tr("Reference building height, m"),
                                                       type=DOUBLE_NUMBER, defaultValue=18.18, minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber("SILL_REF", tr("Reference sill height, m"),
                                                       type=DOUBLE_NUMBER, defaultValue=1.35, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber("FACADE_ANGLE", tr("Facade angle from due south, degrees"),
                                                       type=DOUBLE_NUMBER, defaultValue=0.0, minValue=-90.0, maxValue=90.0))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Spacing coefficients"), optional=False))

    def compute(self, parameters, context, feedback):
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        lat = None
        src = self.parameterAsSource(parameters, "LAYER", context)
        if src is not None:
            ext = src.sourceExtent()
            if ext.isNull() or ext.isEmpty() and ext.width() == 0 and ext.height() == 0 and src.featureCount() == 0:
                raise SunSpaceError("Layer {layer} has no features to place.", layer=layer_label(source_name(src, "layer"), "location"))
            tr_ = QgsCoordinateTransform(src.sourceCrs(), wgs84, QgsProject.instance())
            lat = tr_.transform(ext.center()).y()
        elif parameters.get("POINT"):
            pt = self.parameterAsPoint(parameters, "POINT", context, wgs84)
            lat = pt.y()
        elif parameters.get("LATITUDE") not in (None, ""):
            lat = self.parameterAsDouble(parameters, "LATITUDE", context)
        if lat is None:
            raise SunSpaceError("Give a layer, a point or a latitude.")
        if not (math.isfinite(lat) and 0.0 <= lat <= 60.0):
            raise SunSpaceError("Latitude {lat:.2f} is outside the range SunSpace supports (0 to 60 degrees north: the "
                                "Chinese sunlight standards assume the winter sun to the south).", lat=lat)
        year = self.parameterAsInt(parameters, "YEAR", context)
        href = self.parameterAsDouble(parameters, "H_REF", context)
        sref = self.parameterAsDouble(parameters, "SILL_REF", context)
        if sref >= href:
            raise SunSpaceError("The reference sill must be lower than the reference height.")
        angle = self.parameterAsDouble(parameters, "FACADE_ANGLE", context)
        fac = float(orientation_factor(angle))
        fields = QgsFields()
        for name, kind in (("day", "string"), ("day_name", "string"), ("hours", "double"), ("latitude", "double"), ("declination", "double"),
                           ("k", "double"), ("l_over_h", "double"), ("spacing_m", "double"), ("angle", "double"),
                           ("factor", "double"), ("k_reduced", "double"), ("l_over_h_reduced", "double")):
            fields.append(make_field(name, kind, alias=N_("Required sunlight hours, h") if name == "hours" else ""))
        sink, dest = self.sink(parameters, "OUTPUT", context, fields, NO_GEOMETRY, wgs84)
        for code, label, term, hours in self.DAYS:
            dec = standard_day(term, year)["declination"]
            k = float(spacing_coefficient(lat, dec, hours))
            if not (math.isfinite(k) and k > 0):
                raise SunSpaceError("The sun does not reach {angle:g} degrees from noon at latitude {lat:.2f}.",
                                    angle=7.5 * hours, lat=lat)
            lh = k * (href - sref) / href
            f = QgsFeature(fields)
            f.setAttributes([code, tr(label), hours, float(lat), float(dec), k, lh, k * (href - sref), angle, fac, k * fac, lh * fac])
            sink.add(f)
            feedback.pushInfo(tr("{day} {hours:g} h: k = {k:.3f}, L/H = {lh:.3f}").format(day=tr(label), hours=hours, k=k, lh=lh))
        style_on_load(context, dest, None)
        return {"OUTPUT": dest}
