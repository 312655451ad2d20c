"""sunspace:windowsunlight — sunlight hours of every window, by building and parcel, before/after a proposal."""
from __future__ import annotations

import math

import numpy as np
import shapely
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core.errors import SunSpaceError
from ..core.sunlight import count_sunlight, format_intervals, prepare_obstructors, sample_facades, sunlit_intervals
from ..core.validation import id_list
from .common import SunSpaceAlgorithm, check_canceled, read_layer, style_on_load, to_qgs, tr
from .compat import DOUBLE_NUMBER, NUMERIC_FIELD, POINT_SOURCE, POINT_WKB, POLYGON_SOURCE, make_field
from .sunparams import (
    add_building_parameters, add_standard_parameters, beijing_clock, check_finite, parse_standard, read_buildings,
    sunlight_frame,
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
    FACADE_OPTIONS = ["South-facing facades (outward normal with a southward component)", "All facades"]

    NAME = "windowsunlight"
    DISPLAY = "Window sunlight hours"
    GROUP = "sunlight"

    def shortHelpString(self):
        return tr(
            (
            "<p>Sunlight hours of every window sill on the standard day. Obstructors are all buildings (plus "
            "an optional layer of planned buildings); receivers are the facades of residential buildings, "
            "sampled every <i>spacing</i> metres at the ground-floor sill (or at every floor; by default only"
            " facades with a southward outward normal, where the standard's main rooms are), or your own "
            "window points with a height and a facing azimuth. Shadows are computed exactly (no raster): each"
            " window gets its sunlit intervals in true solar time and Beijing time (using the day's equation "
            "of time at noon), its counted minutes under the chosen rules, and pass/fail.</p><p>Outputs: "
            "window points; a building summary (worst window, share failing, pass/fail); optionally a parcel "
            "summary. With planned buildings, each window also gets its minutes before the proposal and a "
            "flag when the proposal pushes it below the standard (GB 50180-2018 4.0.9: adding buildings must "
            "not lower a neighbour's sunlight below standard). Latitude and longitude come from the data, "
            "whatever its CRS.</p>"
        )
        )

    def initAlgorithm(self, config=None):
        add_building_parameters(self, tr)
        planned = QgsProcessingParameterFeatureSource("PLANNED", tr("Planned buildings (same height/floors fields)"),
                                                      [POLYGON_SOURCE], optional=True)
        self.addParameter(planned)
        self.addParameter(QgsProcessingParameterFeatureSource("WINDOWS", tr("Window points instead of sampled facades"),
                                                              [POINT_SOURCE], optional=True))
        self.addParameter(QgsProcessingParameterField("WINDOW_Z_FIELD", tr("Window height above ground field, m"),
                                                      parentLayerParameterName="WINDOWS", type=NUMERIC_FIELD, optional=True))
        self.addParameter(QgsProcessingParameterField("WINDOW_FACING_FIELD", tr("Window facing azimuth field, degrees from north"),
                                                      parentLayerParameterName="WINDOWS", type=NUMERIC_FIELD, optional=True))
        self.addParameter(QgsProcessingParameterNumber("SPACING", tr("Facade sampling spacing, m"), type=DOUBLE_NUMBER,
                                                       defaultValue=1.0, minValue=0.1))
        self.addParameter(QgsProcessingParameterEnum("FACADES", tr("Facades to analyse"), options=[tr(o) for o in self.FACADE_OPTIONS], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean("EVERY_FLOOR", tr("Sample every floor (not only the ground floor)"),
                                                        defaultValue=False))
        add_standard_parameters(self, tr)
        self.addParameter(QgsProcessingParameterFeatureSource("PARCELS", tr("Parcels for a summary (optional)"),
                                                              [POLYGON_SOURCE], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_WINDOWS", tr("Window sunlight")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_BUILDINGS", tr("Building sunlight summary")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_PARCELS", tr("Parcel sunlight summary"), optional=True,
                                                            createByDefault=False))

    def compute(self, parameters, context, feedback):
        settings = parse_standard(self, parameters, context)
        bld = read_buildings(self, parameters, context, feedback)
        planned = read_buildings(self, parameters, context, feedback, name="PLANNED", residential=False,
                                 role="planned buildings")
        frame = sunlight_frame(bld)
        feedback.pushInfo(tr("Standard: {text}").format(text=settings.describe()))
        feedback.pushInfo(tr("Site: {lat:.4f} N, {lon:.4f} E").format(lat=frame.lat0, lon=frame.lon0))
        local = frame.to_local(bld["geoms"], bld["crs"])
        usable = bld["usable"]
        obs_now = prepare_obstructors(local[usable], bld["base"][usable], bld["height"][usable])
        sill = self.parameterAsDouble(parameters, "SILL", context)

        # receivers: the evaluated (selected, residential) buildings' windows; every building obstructs
        windows = read_layer(self, parameters, "WINDOWS", context, feedback, "windows", kind="point", required=False,
                             fields=[f for f in (self.parameterAsString(parameters, "WINDOW_Z_FIELD", context),
                                                 self.parameterAsString(parameters, "WINDOW_FACING_FIELD", context)) if f])
        if windows is not None:
            rec = self._window_points(parameters, context, windows, frame)
        else:
            res_idx = np.flatnonzero(bld["evaluate"])
            if res_idx.size == 0:
                raise SunSpaceError("Layer {layer}: no residential building to analyse (check the residential expression "
                                    "and the selection).", layer=bld["label"])
            floor_h = self.parameterAsDouble(parameters, "FLOOR_HEIGHT", context)
            rec = sample_facades(local[res_idx], bld["base"][res_idx], bld["height"][res_idx],
                                 spacing=self.parameterAsDouble(parameters, "SPACING", context), sill=sill,
                                 floor_height=floor_h, every_floor=self.parameterAsBool(parameters, "EVERY_FLOOR", context),
                                 south_only=self.parameterAsEnum(parameters, "FACADES", context) == 0,
                                 exclude=local[usable & ~np.isin(np.arange(len(usable)), res_idx)])
            rec["building"] = res_idx[rec["building"]]
        n = len(rec["x"])
        if n == 0:
            raise SunSpaceError("No window to analyse: no facade of the chosen buildings faces the sun side.")
        feedback.pushInfo(tr("{n} windows, {walls} walls").format(n=n, walls=len(obs_now.x1)))

        std, rules = settings.standard, settings.rules

        def run(obs, lo, hi):
            def prog(f):
                feedback.setProgress(lo + (hi - lo) * f)
            res = sunlit_intervals(rec, obs, frame.lat0, settings.declination, std.window, rules.sweep_angle,
                                   rules.min_altitude, progress=prog, is_canceled=feedback.isCanceled)
            check_canceled(feedback)
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
        sink, wid = self.sink(parameters, "OUTPUT_WINDOWS", context, fields, POINT_WKB, bld["source"].sourceCrs())
        pts = frame.from_local(shapely.points(rec["x"], rec["y"]), bld["crs"])
        facing = (np.degrees(np.arctan2(rec["nx"], rec["ny"])) + 360.0) % 360.0
        b_fid = np.where(rec["building"] >= 0, bld["ids"][np.maximum(rec["building"], 0)], -1)
        for i in range(n):
            if i % 2000 == 0:
                check_canceled(feedback)
            f = QgsFeature(fields)
            f.setGeometry(to_qgs(pts[i]))
            attrs = [None if rec["building"][i] < 0 else int(b_fid[i]), _val(rec["floor"][i]) if "floor" in rec else None,
                     float(rec["z"][i]), float(facing[i]), float(mins[i]), float(mins[i]) / 60.0, int(ok[i]),
                     format_intervals(res, i), format_intervals(res, i, to_bj)]
            if planned is not None:
                attrs += [float(mins_b[i]), int(ok_b[i]), int(ok_b[i] and not ok[i])]
            f.setAttributes(attrs)
            sink.add(f)
        style_on_load(context, wid, "window_sunlight.qml")
        results = {"OUTPUT_WINDOWS": wid}

        # building summary
        results["OUTPUT_BUILDINGS"] = self._building_summary(parameters, context, feedback, bld, rec, mins, ok, ok_b)
        if parameters.get("PARCELS") and parameters.get("OUTPUT_PARCELS"):
            results["OUTPUT_PARCELS"] = self._parcel_summary(parameters, context, feedback, frame, rec, mins, ok)
        feedback.setProgress(100)
        n_fail = int((~ok).sum())
        msg = tr("{ok} of {n} windows meet the standard ({fail} fail)").format(ok=n - n_fail, n=n, fail=n_fail)
        if planned is not None:
            msg += tr("; the proposal pushes {k} below it").format(k=int((ok_b & ~ok).sum()))
        feedback.pushInfo(msg)
        return results

    def _window_points(self, parameters, context, data, frame):
        zf = self.parameterAsString(parameters, "WINDOW_Z_FIELD", context)
        af = self.parameterAsString(parameters, "WINDOW_FACING_FIELD", context)
        if not zf or not af:
            raise SunSpaceError("Layer {layer}: choose its window height and facing fields.", layer=data["label"])
        keep = np.flatnonzero(data["selected"] & ~shapely.is_missing(data["geoms"]))
        if keep.size == 0:
            raise SunSpaceError("Layer {layer} has no window point with a geometry.", layer=data["label"])
        ids = data["ids"][keep]
        z = check_finite(np.array(data["attrs"][zf], dtype=object)[keep], ids, zf, data["label"])
        az = check_finite(np.array(data["attrs"][af], dtype=object)[keep], ids, af, data["label"])
        if np.any(z < 0):
            raise SunSpaceError("Layer {layer}, field '{field}': window heights below ground in feature(s) {ids}.",
                                layer=data["label"], field=zf, ids=id_list(ids[z < 0]))
        pts = frame.to_local(shapely.get_geometry(data["geoms"][keep], 0), data["crs"])
        c = shapely.get_coordinates(pts)
        a = np.radians(az)
        return {"x": c[:, 0], "y": c[:, 1], "z": z, "nx": np.sin(a), "ny": np.cos(a),
                "building": np.full(len(keep), -1), "floor": np.full(len(keep), -1)}

    def _building_summary(self, parameters, context, feedback, bld, rec, mins, ok, ok_b):
        src = bld["source"]
        fields = QgsFields(src.fields())
        for name, kind in (("n_windows", "int"), ("min_minutes", "double"), ("fail_share", "double"), ("passed", "int")):
            fields.append(make_field(name, kind))
        if ok_b is not None:
            fields.append(make_field("n_pushed", "int"))
        sink, dest = self.sink(parameters, "OUTPUT_BUILDINGS", context, fields, src.wkbType(), src.sourceCrs())
        nb = len(bld["ids"])
        b = rec["building"]
        has = b >= 0
        count = np.bincount(b[has], minlength=nb)
        fails = np.bincount(b[has], weights=(~ok[has]).astype(float), minlength=nb)
        worst = np.full(nb, np.inf)
        np.minimum.at(worst, b[has], mins[has])
        pushed = np.bincount(b[has], weights=(ok_b[has] & ~ok[has]).astype(float), minlength=nb) if ok_b is not None else None
        for i in np.flatnonzero(bld["selected"]):
            out = QgsFeature(fields)
            out.setGeometry(bld["qgeoms"][i])
            c = int(count[i])
            attrs = list(bld["rows"][i]) + [c, float(worst[i]) if c else None, float(fails[i] / c) if c else None,
                                            (int(fails[i] == 0) if c else None)]
            if pushed is not None:
                attrs.append(int(pushed[i]))
            out.setAttributes(attrs)
            sink.add(out)
        style_on_load(context, dest, "building_sunlight.qml")
        return dest

    def _parcel_summary(self, parameters, context, feedback, frame, rec, mins, ok):
        data = read_layer(self, parameters, "PARCELS", context, feedback, "parcels")
        src = data["source"]
        local = frame.to_local(data["geoms"], data["crs"])
        has = ~shapely.is_missing(local)
        valid_idx = np.flatnonzero(has)
        n_p = len(data["ids"])
        count = np.zeros(n_p); fails = np.zeros(n_p); worst = np.full(n_p, np.inf)
        if valid_idx.size:
            tree = shapely.STRtree(local[valid_idx])
            wi, pj = tree.query(shapely.points(rec["x"], rec["y"]), predicate="intersects")
            pj = valid_idx[pj]
            np.add.at(count, pj, 1.0)
            np.add.at(fails, pj, (~ok[wi]).astype(float))
            np.minimum.at(worst, pj, mins[wi])
        fields = QgsFields(src.fields())
        for name, kind in (("n_windows", "int"), ("n_fail", "int"), ("fail_share", "double"), ("min_minutes", "double"), ("passed", "int")):
            fields.append(make_field(name, kind))
        sink, dest = self.sink(parameters, "OUTPUT_PARCELS", context, fields, src.wkbType(), src.sourceCrs())
        for i in np.flatnonzero(data["selected"]):
            out = QgsFeature(fields)
            out.setGeometry(data["qgeoms"][i])
            c = int(count[i])
            out.setAttributes(list(data["rows"][i]) + [c, int(fails[i]), float(fails[i] / c) if c else None,
                                                       float(worst[i]) if c else None, int(fails[i] == 0) if c else None])
            sink.add(out)
        style_on_load(context, dest, "building_sunlight.qml")
        return dest
