"""sunspace:windowsunlight — sunlight hours of every window, by building and parcel, before/after a proposal."""
from __future__ import annotations

import math

import numpy as np
import shapely
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core.geodesy import LocalFrame
from ..core.sunlight import count_sunlight, format_intervals, prepare_obstructors, sample_facades, sunlit_intervals
from .common import SunSpaceAlgorithm, is_null, tr, read_polygons, source_name, style_on_load, to_qgs
from .compat import (
    DOUBLE_NUMBER, FAST_INSERT, NUMERIC_FIELD, POINT_SOURCE, POINT_WKB, POLYGON_SOURCE, SKIP_VALIDITY_CHECKS,
    crs_text, make_field,
)
from .sunparams import (
    add_building_parameters, add_standard_parameters, beijing_clock, parse_standard, read_buildings,
)



def _val(v):
    if v is None:
        return None
    if isinstance(v, (float, np.floating)):
        return float(v) if math.isfinite(v) else None
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (bool, np.bool_)):
        return int(v)
    return v


class WindowSunlightAlgorithm(SunSpaceAlgorithm):
    NAME = "windowsunlight"
    DISPLAY = "Window sunlight hours 窗户日照分析"
    GROUP = "sunlight"

    def shortHelpString(self):
        return tr(
            "<p>Sunlight hours of every window sill on the standard day. Obstructors are all buildings (plus an "
            "optional layer of planned buildings); receivers are the facades of residential buildings, sampled every "
            "<i>spacing</i> metres at the ground-floor sill (or at every floor; by default only facades with a southward "
            "outward normal, where the standard's main rooms are), or your own window points with a "
            "height and a facing azimuth. Shadows are computed exactly (no raster): each window gets its sunlit "
            "intervals in true solar time and Beijing time (using the day's equation of time at noon), its counted "
            "minutes under the chosen rules, and pass/fail.</p>"
            "<p>Outputs: window points; a building summary (worst window, share failing, pass/fail); optionally a "
            "parcel summary. With planned buildings, each window also gets its minutes before the proposal and a flag "
            "when the proposal pushes it below the standard (GB 50180-2018 4.0.9: adding buildings must not lower a "
            "neighbour's sunlight below standard). Latitude and longitude come from the data, whatever its CRS.</p>"
            "<p>计算标准日每个窗台的日照时数：障碍物为全部建筑（可加规划建筑图层），接收点为住宅建筑外墙按间距采样的底层窗台"
            "（或每层），或用户给定的窗户点。输出窗户点（真太阳时与北京时间的日照时段、累计分钟、是否达标）、建筑汇总、地块汇总；"
            "有规划建筑时给出规划前后的日照时数及因规划而不达标的窗户。</p>"
        )

    def initAlgorithm(self, config=None):
        add_building_parameters(self, tr)
        planned = QgsProcessingParameterFeatureSource("PLANNED", tr("Planned buildings (same height/floors fields) 规划建筑"),
                                                      [POLYGON_SOURCE], optional=True)
        self.addParameter(planned)
        self.addParameter(QgsProcessingParameterFeatureSource("WINDOWS", tr("Window points instead of sampled facades 窗户点"),
                                                              [POINT_SOURCE], optional=True))
        self.addParameter(QgsProcessingParameterField("WINDOW_Z_FIELD", tr("Window height above ground field, m 窗台高度字段"),
                                                      parentLayerParameterName="WINDOWS", type=NUMERIC_FIELD, optional=True))
        self.addParameter(QgsProcessingParameterField("WINDOW_FACING_FIELD", tr("Window facing azimuth field, degrees from north 窗户朝向字段"),
                                                      parentLayerParameterName="WINDOWS", type=NUMERIC_FIELD, optional=True))
        self.addParameter(QgsProcessingParameterNumber("SPACING", tr("Facade sampling spacing, m 采样间距"), type=DOUBLE_NUMBER,
                                                       defaultValue=1.0, minValue=0.1))
        self.addParameter(QgsProcessingParameterEnum("FACADES", tr("Facades to analyse 分析立面"), options=[
            "South-facing facades (outward normal with a southward component) 南向立面",
            "All facades 全部立面"], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean("EVERY_FLOOR", tr("Sample every floor (not only the ground floor) 逐层分析"),
                                                        defaultValue=False))
        add_standard_parameters(self, tr)
        self.addParameter(QgsProcessingParameterFeatureSource("PARCELS", tr("Parcels for a summary (optional) 地块"),
                                                              [POLYGON_SOURCE], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_WINDOWS", tr("Window sunlight 窗户日照")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_BUILDINGS", tr("Building sunlight summary 建筑日照汇总")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_PARCELS", tr("Parcel sunlight summary 地块日照汇总"), optional=True,
                                                            createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):
        settings = parse_standard(self, parameters, context)
        bld = read_buildings(self, parameters, context, feedback)
        planned_src = self.parameterAsSource(parameters, "PLANNED", context)
        planned = read_buildings(self, parameters, context, feedback, name="PLANNED", residential=False,
                                 source=planned_src) if planned_src is not None else None
        frame = LocalFrame.around(bld["geoms"], bld["crs"])
        feedback.pushInfo(f"Standard: {settings.describe()}")
        feedback.pushInfo(f"Site: {frame.lat0:.4f} N, {frame.lon0:.4f} E")
        local = frame.to_local(bld["geoms"], bld["crs"])
        usable = bld["usable"]
        obs_now = prepare_obstructors(local[usable], bld["base"][usable], bld["height"][usable])
        sill = self.parameterAsDouble(parameters, "SILL", context)

        # receivers
        windows_src = self.parameterAsSource(parameters, "WINDOWS", context)
        if windows_src is not None:
            rec = self._window_points(parameters, context, windows_src, frame, feedback)
        else:
            res_idx = np.flatnonzero(usable & bld["residential"])
            if res_idx.size == 0:
                raise QgsProcessingException(f"Layer '{bld['name']}': no residential building to analyse (check the expression).")
            floor_h = self.parameterAsDouble(parameters, "FLOOR_HEIGHT", context)
            rec = sample_facades(local[res_idx], bld["base"][res_idx], bld["height"][res_idx],
                                 spacing=self.parameterAsDouble(parameters, "SPACING", context), sill=sill,
                                 floor_height=floor_h, every_floor=self.parameterAsBool(parameters, "EVERY_FLOOR", context),
                                 south_only=self.parameterAsEnum(parameters, "FACADES", context) == 0,
                                 exclude=local[usable & ~bld["residential"]])
            rec["building"] = res_idx[rec["building"]]
        n = len(rec["x"])
        if n == 0:
            raise QgsProcessingException("No window to analyse.")
        feedback.pushInfo(f"{n} windows, {len(obs_now.x1)} walls")

        std, rules = settings.standard, settings.rules

        def run(obs, lo, hi):
            def prog(f):
                feedback.setProgress(lo + (hi - lo) * f)
            res = sunlit_intervals(rec, obs, frame.lat0, settings.declination, std.window, rules.sweep_angle,
                                   rules.min_altitude, progress=prog, is_canceled=feedback.isCanceled)
            mins, ok = count_sunlight(res, rules, std.window, std.hours)
            return res, mins, ok

        if planned is not None:
            p_local = frame.to_local(planned["geoms"], planned["crs"])
            pu = planned["usable"]
            obs_after = prepare_obstructors(np.concatenate([local[usable], p_local[pu]]),
                                            np.r_[bld["base"][usable], planned["base"][pu]],
                                            np.r_[bld["height"][usable], planned["height"][pu]])
            _, mins_b, ok_b = run(obs_now, 0, 45)
            res, mins, ok = run(obs_after, 45, 90)
        else:
            res, mins, ok = run(obs_now, 0, 90)
            mins_b = ok_b = None
        if feedback.isCanceled():
            return {}
        to_bj = beijing_clock(settings, frame.lon0)

        # window points
        fields = QgsFields()
        for name, kind in (("bldg_fid", "int"), ("floor", "int"), ("z_m", "double"), ("facing", "double"),
                           ("minutes", "double"), ("hours", "double"), ("passed", "int"), ("true_solar", "string"),
                           ("beijing", "string")):
            fields.append(make_field(name, kind))
        if planned is not None:
            for name, kind in (("min_before", "double"), ("pass_before", "int"), ("pushed", "int")):
                fields.append(make_field(name, kind))
        sink, wid = self.parameterAsSink(parameters, "OUTPUT_WINDOWS", context, fields, POINT_WKB, bld["source"].sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT_WINDOWS"))
        pts = frame.from_local(shapely.points(rec["x"], rec["y"]), bld["crs"])
        facing = (np.degrees(np.arctan2(rec["nx"], rec["ny"])) + 360.0) % 360.0
        b_fid = np.where(rec["building"] >= 0, bld["ids"][np.maximum(rec["building"], 0)], -1) if "building" in rec else np.full(n, -1)
        for i in range(n):
            if feedback.isCanceled():
                break
            f = QgsFeature(fields)
            f.setGeometry(to_qgs(pts[i]))
            attrs = [None if b_fid[i] < 0 else int(b_fid[i]), _val(rec["floor"][i]) if "floor" in rec else None,
                     float(rec["z"][i]), float(facing[i]), float(mins[i]), float(mins[i]) / 60.0, int(ok[i]),
                     format_intervals(res, i), format_intervals(res, i, to_bj)]
            if planned is not None:
                attrs += [float(mins_b[i]), int(ok_b[i]), int(ok_b[i] and not ok[i])]
            f.setAttributes(attrs)
            sink.addFeature(f, FAST_INSERT)
        style_on_load(context, wid, "window_sunlight.qml")
        results = {"OUTPUT_WINDOWS": wid}

        # building summary
        results["OUTPUT_BUILDINGS"] = self._building_summary(parameters, context, bld, rec, mins, ok, ok_b)
        parcels_src = self.parameterAsSource(parameters, "PARCELS", context)
        if parcels_src is not None and parameters.get("OUTPUT_PARCELS"):
            results["OUTPUT_PARCELS"] = self._parcel_summary(parameters, context, feedback, parcels_src, frame, rec, mins, ok)
        feedback.setProgress(100)
        n_fail = int((~ok).sum())
        feedback.pushInfo(f"{n - n_fail} of {n} windows meet the standard ({n_fail} fail)"
                          + (f"; the proposal pushes {int((ok_b & ~ok).sum())} below it" if planned is not None else ""))
        return results

    def _window_points(self, parameters, context, src, frame, feedback):
        name = source_name(src, "windows")
        zf = self.parameterAsString(parameters, "WINDOW_Z_FIELD", context)
        af = self.parameterAsString(parameters, "WINDOW_FACING_FIELD", context)
        if not zf or not af:
            raise QgsProcessingException(f"Layer '{name}': choose its window height and facing fields.")
        ids, xy, z, az = [], [], [], []
        for feat in src.getFeatures(QgsFeatureRequest(), SKIP_VALIDITY_CHECKS):
            g = feat.geometry()
            if g.isNull() or g.isEmpty():
                raise QgsProcessingException(f"Layer '{name}', feature {feat.id()}: no geometry.")
            p = g.asPoint() if not g.isMultipart() else g.asMultiPoint()[0]
            zv, av = feat[zf], feat[af]
            for fld, v in ((zf, zv), (af, av)):
                if is_null(v):
                    raise QgsProcessingException(f"Layer '{name}', field '{fld}': NULL in feature {feat.id()}.")
            ids.append(feat.id()); xy.append((p.x(), p.y())); z.append(float(zv)); az.append(float(av))
        if not ids:
            raise QgsProcessingException(f"Layer '{name}' has no features to use.")
        xy = np.array(xy)
        pts = frame.to_local(shapely.points(xy[:, 0], xy[:, 1]), crs_text(src.sourceCrs()))
        c = shapely.get_coordinates(pts)
        a = np.radians(az)
        return {"x": c[:, 0], "y": c[:, 1], "z": np.array(z), "nx": np.sin(a), "ny": np.cos(a),
                "building": np.full(len(ids), -1), "floor": np.full(len(ids), -1)}

    def _building_summary(self, parameters, context, bld, rec, mins, ok, ok_b):
        src = bld["source"]
        fields = QgsFields(src.fields())
        for name, kind in (("n_windows", "int"), ("min_minutes", "double"), ("fail_share", "double"), ("passed", "int")):
            fields.append(make_field(name, kind))
        if ok_b is not None:
            fields.append(make_field("n_pushed", "int"))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT_BUILDINGS", context, fields, src.wkbType(), src.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT_BUILDINGS"))
        nb = len(bld["ids"])
        b = rec["building"]
        has = b >= 0
        count = np.bincount(b[has], minlength=nb)
        fails = np.bincount(b[has], weights=(~ok[has]).astype(float), minlength=nb)
        worst = np.full(nb, np.inf)
        np.minimum.at(worst, b[has], mins[has])
        pushed = np.bincount(b[has], weights=(ok_b[has] & ~ok[has]).astype(float), minlength=nb) if ok_b is not None else None
        index = {fid: i for i, fid in enumerate(bld["ids"])}
        for feat in src.getFeatures(QgsFeatureRequest(), SKIP_VALIDITY_CHECKS):
            i = index[feat.id()]
            out = QgsFeature(fields)
            out.setGeometry(feat.geometry())
            c = int(count[i])
            attrs = list(feat.attributes()) + [c, float(worst[i]) if c else None, float(fails[i] / c) if c else None,
                                               (int(fails[i] == 0) if c else None)]
            if pushed is not None:
                attrs.append(int(pushed[i]))
            out.setAttributes(attrs)
            sink.addFeature(out, FAST_INSERT)
        style_on_load(context, dest, "building_sunlight.qml")
        return dest

    def _parcel_summary(self, parameters, context, feedback, src, frame, rec, mins, ok):
        data = read_polygons(src, source_name(src, "parcels"), feedback)
        local = frame.to_local(data["geoms"], data["crs"])
        tree = shapely.STRtree(local[[g is not None for g in local]]) if any(g is not None for g in local) else None
        valid_idx = np.flatnonzero([g is not None for g in local])
        n_p = len(data["ids"])
        count = np.zeros(n_p); fails = np.zeros(n_p); worst = np.full(n_p, np.inf)
        if tree is not None:
            wi, pj = tree.query(shapely.points(rec["x"], rec["y"]), predicate="intersects")
            pj = valid_idx[pj]
            np.add.at(count, pj, 1.0)
            np.add.at(fails, pj, (~ok[wi]).astype(float))
            np.minimum.at(worst, pj, mins[wi])
        fields = QgsFields(src.fields())
        for name, kind in (("n_windows", "int"), ("n_fail", "int"), ("fail_share", "double"), ("min_minutes", "double"), ("passed", "int")):
            fields.append(make_field(name, kind))
        sink, dest = self.parameterAsSink(parameters, "OUTPUT_PARCELS", context, fields, src.wkbType(), src.sourceCrs())
        index = {fid: i for i, fid in enumerate(data["ids"])}
        for feat in src.getFeatures(QgsFeatureRequest(), SKIP_VALIDITY_CHECKS):
            i = index[feat.id()]
            out = QgsFeature(fields)
            out.setGeometry(feat.geometry())
            c = int(count[i])
            out.setAttributes(list(feat.attributes()) + [c, int(fails[i]), float(fails[i] / c) if c else None,
                                                         float(worst[i]) if c else None, int(fails[i] == 0) if c else None])
            sink.addFeature(out, FAST_INSERT)
        style_on_load(context, dest, "building_sunlight.qml")
        return dest
