"""sunspace:sunlightenvelope and sunspace:allowedheight — the sunlight envelope (日照包络体) and allowed heights (推算限高)."""
from __future__ import annotations

import time

import numpy as np
import shapely
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from ..core.envelope import (
    SunContext, allowed_heights, capacity, cells_as_prisms, choose_kept, envelope, verify,
)
from ..core.errors import N_, SunSpaceError
from ..core.ground import grid_polygons
from ..core.sunlight import prepare_obstructors, sample_facades, sunlit_intervals
from ..core.validation import id_list
from .common import SunSpaceAlgorithm, check_canceled, check_output_file, read_layer, style_on_load, to_qgs, tr, warn
from .compat import DOUBLE_NUMBER, POLYGON_SOURCE, POLYGON_WKB, make_field
from .sunparams import (
    add_window_source_parameters, window_points,
    add_building_parameters, add_standard_parameters, beijing_clock, parse_standard, read_buildings,
    sunlight_frame,
)

RULE_CODES = ["keep", "strict", "compliant"]
PROTECTION_LABELS = [
    "Compliant windows stay compliant; the others lose no minute (common local rule)",
    "No window loses any minute (strict)",
    "Compliant windows stay compliant; the others are not protected",
]

PROTECTION_HELP = N_(
    "<p><b>Protected windows</b> are the windows of the existing residential buildings (facades sampled every "
    "<i>spacing</i> metres at the ground-floor sill, south-facing by default, as in <i>Window sunlight hours</i>), or "
    "your own window points with a height and a facing. Each has its sunlit time among the existing buildings, computed "
    "exactly. Existing buildings that overlap the site are treated as demolished: they neither cast shadows nor are "
    "protected.</p>"
    "<p><b>Protection rule</b>: (a) compliant windows stay compliant and the others lose no sunlit minute (the common "
    "local rule; GB 50180-2018 4.0.9: new building must not lower a neighbour's sunlight below the standard); (b) strict: "
    "no window loses any minute; (c) compliant windows stay compliant, the others are not protected.</p>"
    "<p><b>Which hours a compliant window keeps</b> under (a) and (c): it needs only the standard's hours, so the tool "
    "chooses them. Every counted step (one minute when counting exactly) of the window's present sunlight is ranked by "
    "the height at which its sun ray enters the site: rays that miss the site or pass above the height cap cost "
    "nothing and come first, then the rays passing highest; ties go to the minutes nearest noon. The window keeps the "
    "fewest best-ranked minutes that still count as the standard's hours under the counting rules (local segment, "
    "step and continuity rules included). For a long east-west row facing an open site these are the hours centred "
    "on true noon, so the envelope is the classic spacing rule: sill + d / k(N). The strict envelope (every sunlit "
    "minute kept) is reported beside it.</p>"
    "<p><b>Guarantee</b>: a kept sun ray from window p at hour angle w passes a point at horizontal distance t at "
    "height z_p + t·tan(altitude(w)); a solid over a cell (or a footprint) leaves it unblocked when its top is not "
    "above the ray where the ray enters the cell, on the cell's boundary. The lowest kept ray over each boundary "
    "segment is found in closed form (no time steps), so a solid that fills every cell up to its envelope height "
    "keeps every kept minute, and every window keeps at least its kept time. Heights are rounded down to the "
    "millimetre. After the run the forward sunlight engine recomputes every window the site can reach with the "
    "filled solid in place and the run reports how many it verified; any failure stops the run.</p>"
)


class _EnvelopeBase(SunSpaceAlgorithm):
    def shortHelpString(self):  # noqa: N802 (QGIS API)
        return tr(self.HELP) + tr(PROTECTION_HELP)


def _val(v):
    return None if v is None or not np.isfinite(v) else float(v)


def add_protection_parameters(alg):
    add_building_parameters(alg, tr)
    add_window_source_parameters(alg)
    alg.addParameter(QgsProcessingParameterEnum("FACADES", tr("Facades to protect"), options=[
        tr("South-facing facades (outward normal with a southward component)"), tr("All facades")], defaultValue=0))
    add_standard_parameters(alg, tr)
    alg.addParameter(QgsProcessingParameterEnum("RULE", tr("Protection rule"), options=[tr(t) for t in PROTECTION_LABELS],
                                                defaultValue=0))
    alg.addParameter(QgsProcessingParameterNumber("CAP", tr("Height cap, m"), type=DOUBLE_NUMBER, defaultValue=100.0,
                                                  minValue=0.1))
    alg.addParameter(QgsProcessingParameterBoolean("VERIFY", tr("Verify with the forward sunlight engine"),
                                                   defaultValue=True))


class _Protected:
    """The protected windows of a run, their present sunlight and the sun settings."""


def read_protected(alg, parameters, context, feedback, site_local_fn):
    """Read buildings, windows and the site; return a :class:`_Protected`.

    ``site_local_fn(frame)`` gives the area that will be built on, in the local frame, and its label.
    """
    p = _Protected()
    settings = parse_standard(alg, parameters, context)
    bld = read_buildings(alg, parameters, context, feedback)
    frame = sunlight_frame(bld)
    feedback.pushInfo(tr("Standard: {text}").format(text=settings.describe()))
    local = frame.to_local(bld["geoms"], bld["crs"])
    site, site_label = site_local_fn(frame)
    usable = bld["usable"].copy()
    # existing buildings on the site are demolished
    on = np.zeros(len(usable), bool)
    idx = np.flatnonzero(usable)
    if idx.size:
        cand = idx[shapely.intersects(local[idx], site)]
        with np.errstate(invalid="ignore"):
            inter = shapely.area(shapely.intersection(local[cand], site))
        on[cand[inter > 1.0]] = True
    if on.any():
        warn(feedback, tr("Layer {layer}: {n} building(s) overlap the site {site} and are treated as demolished "
                          "(features {ids}).").format(layer=bld["label"], n=int(on.sum()), site=site_label,
                                                       ids=id_list(bld["ids"][on])))
    usable &= ~on
    std, rules = settings.standard, settings.rules
    sun = SunContext(frame.lat0, settings.declination, std.window, rules, std.hours)
    sill = alg.parameterAsDouble(parameters, "SILL", context)
    windows = read_layer(alg, parameters, "WINDOWS", context, feedback, "windows", kind="point", required=False,
                         fields=[f for f in (alg.parameterAsString(parameters, "WINDOW_Z_FIELD", context),
                                             alg.parameterAsString(parameters, "WINDOW_FACING_FIELD", context)) if f])
    if windows is not None:
        rec, _ = window_points(alg, parameters, context, windows, frame, local[usable],
                               (bld["base"] + bld["height"])[usable])
        inside = shapely.contains_xy(site, rec["x"], rec["y"])
        if inside.any():
            raise SunSpaceError("Layer {layer}: window point(s) {ids} lie inside the site; a protected window cannot be "
                                "built over.", layer=windows["label"], ids=id_list(rec["id"][inside]))
    else:
        res_idx = np.flatnonzero(bld["evaluate"] & usable)
        if res_idx.size == 0:
            raise SunSpaceError("Layer {layer}: no residential building to protect (check the residential expression, "
                                "the selection and the site).", layer=bld["label"])
        rec = sample_facades(local[res_idx], bld["base"][res_idx], bld["height"][res_idx],
                             spacing=alg.parameterAsDouble(parameters, "SPACING", context), sill=sill,
                             south_only=alg.parameterAsEnum(parameters, "FACADES", context) == 0,
                             exclude=local[usable & ~np.isin(np.arange(len(usable)), res_idx)])
        rec["building"] = res_idx[rec["building"]]
        rec["id"] = bld["ids"][rec["building"]]
    if len(rec["x"]) == 0:
        raise SunSpaceError("No window to protect: no facade of the chosen buildings faces the sun side.")
    obs = prepare_obstructors(local[usable], bld["base"][usable], bld["height"][usable])
    feedback.pushInfo(tr("{n} protected windows, {walls} walls").format(n=len(rec["x"]), walls=len(obs.x1)))
    sunlit = sunlit_intervals(rec, obs, sun.latitude, sun.declination, sun.window, rules.sweep_angle, rules.min_altitude,
                              progress=lambda f: feedback.setProgress(15 * f), is_canceled=feedback.isCanceled)
    check_canceled(feedback)
    p.settings, p.bld, p.frame, p.local, p.usable, p.site, p.sun, p.rec, p.sunlit = (
        settings, bld, frame, local, usable, site, sun, rec, sunlit)
    p.existing = (local[usable], bld["base"][usable], bld["height"][usable])
    p.rule = RULE_CODES[alg.parameterAsEnum(parameters, "RULE", context)]
    p.cap = alg.parameterAsDouble(parameters, "CAP", context)
    p.clock = beijing_clock(settings, frame.lon0)
    return p


def _hhmm(h):
    if h is None or not np.isfinite(h):
        return None
    m = int(round(float(h) * 60.0))
    return f"{m // 60:02d}:{m % 60:02d}"


def _check_verified(ok, checked, rec, feedback):
    if not ok.all():  # never a silent wrong answer
        raise SunSpaceError("Verification failed: {n} protected window(s) would leave the rule (buildings {ids}). "
                            "Please report this with your data.", n=int((~ok).sum()),
                            ids=id_list(np.unique(rec["id"][~ok])))
    feedback.pushInfo(tr("Verified by the forward sunlight engine: {n} windows within reach of the site, all within "
                         "the rule; {m} others cannot be reached (their sun rays miss the site or pass above the cap).")
                      .format(n=checked.size, m=len(ok) - checked.size))


def write_geotiff(path, x0, y0, spacing, crs_wkt, values, description):
    from osgeo import gdal, osr

    rows, cols = values.shape
    ds = gdal.GetDriverByName("GTiff").Create(path, cols, rows, 1, gdal.GDT_Float32, options=["COMPRESS=DEFLATE", "TILED=YES"])
    if ds is None:
        raise SunSpaceError("Cannot write the raster '{path}'.", path=path)
    ds.SetGeoTransform((x0, spacing, 0.0, y0 + rows * spacing, 0.0, -spacing))
    srs = osr.SpatialReference()
    srs.ImportFromWkt(crs_wkt)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(-1.0)
    band.SetDescription(description)
    # float32 rounds to the nearest: round down once more so that no stored height exceeds the envelope
    v = np.where(np.isfinite(values), values, -1.0).astype(np.float32)
    v = np.where(v.astype(np.float64) > np.where(np.isfinite(values), values, -1.0), np.nextafter(v, np.float32(-2)), v)
    band.WriteArray(v[::-1])
    band.FlushCache()
    ds = None


class SunlightEnvelopeAlgorithm(_EnvelopeBase):
    NAME = "sunlightenvelope"
    DISPLAY = "Sunlight envelope"
    GROUP = "control"
    HELP = ("<p>The sunlight envelope of a site: on a grid over the site (its selected polygons, less a "
            "setback inside the red line), the greatest height above ground that a building may reach without taking "
            "any protected window outside the protection rule, capped at the height cap. Outputs: a GeoTIFF of allowed "
            "heights (in a local transverse Mercator frame, metres), height-band polygons (band, z_min, z_max), and the "
            "envelope as terraces (each polygon extruded in QGIS's 3D view to its height, rounded down to the metre, so "
            "the 3D solid lies inside the envelope). The site capacity is reported: envelope volume, the floor area "
            "it can hold at the floor height and the FAR on the site.</p>")

    def initAlgorithm(self, config=None):
        add_protection_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSource("SITE", tr("Site polygons (red line)"), [POLYGON_SOURCE]))
        self.addParameter(QgsProcessingParameterNumber("SETBACK", tr("Setback inside the red line, m"), type=DOUBLE_NUMBER,
                                                       defaultValue=0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber("CELL", tr("Grid cell size, m"), type=DOUBLE_NUMBER, defaultValue=1.0,
                                                       minValue=0.2))
        self.addParameter(QgsProcessingParameterNumber("BAND_STEP", tr("Height band step, m"), type=DOUBLE_NUMBER,
                                                       defaultValue=10.0, minValue=0.5))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT_RASTER", tr("Allowed height raster")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_BANDS", tr("Height bands")))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_ENVELOPE", tr("Envelope terraces (3D)")))
        for name, label in (("VOLUME", "Envelope volume, m³"), ("VOLUME_STRICT", "Strict envelope volume, m³"),
                            ("FLOOR_AREA", "Floor area the envelope holds, m²"), ("FAR", "FAR on the site"),
                            ("VERIFIED", "Windows verified by the forward engine")):
            self.addOutput(QgsProcessingOutputNumber(name, tr(label)))

    def compute(self, parameters, context, feedback):
        setback = self.parameterAsDouble(parameters, "SETBACK", context)
        cell = self.parameterAsDouble(parameters, "CELL", context)
        out_raster = self.parameterAsOutputLayer(parameters, "OUTPUT_RASTER", context)
        check_output_file(out_raster, "raster")
        holder = {}

        def site_fn(frame):
            data = read_layer(self, parameters, "SITE", context, feedback, "site")
            geoms = frame.to_local(data["geoms"][data["selected"]], data["crs"])
            red = shapely.union_all(geoms[[g is not None for g in geoms]])
            if red is None or red.is_empty:
                raise SunSpaceError("Layer {layer}: the site has no usable polygon.", layer=data["label"])
            build = red.buffer(-setback) if setback > 0 else red
            if build.is_empty:
                raise SunSpaceError("Layer {layer}: a setback of {setback:g} m leaves nothing of the site.",
                                    layer=data["label"], setback=setback)
            holder.update(red=red, data=data)
            return build, data["label"]

        p = read_protected(self, parameters, context, feedback, site_fn)
        floor_h = self.parameterAsDouble(parameters, "FLOOR_HEIGHT", context)
        t0 = time.perf_counter()
        top = p.cap
        kept, mins, ok = choose_kept(p.sunlit, p.rec, p.sun, p.rule, p.site, top)
        env = envelope(p.site, p.rec, kept, p.sun, cell, p.cap, progress=lambda f: feedback.setProgress(15 + 35 * f),
                       is_canceled=feedback.isCanceled)
        check_canceled(feedback)
        if p.rule == "strict":
            strict_volume = env.volume
        else:
            kept_s, _, _ = choose_kept(p.sunlit, p.rec, p.sun, "strict", p.site, top)
            strict_volume = envelope(p.site, p.rec, kept_s, p.sun, cell, p.cap,
                                     progress=lambda f: feedback.setProgress(50 + 20 * f),
                                     is_canceled=feedback.isCanceled).volume
        check_canceled(feedback)
        feedback.pushInfo(tr("Envelope computed in {s:.1f} s").format(s=time.perf_counter() - t0))
        verified = 0
        if self.parameterAsBool(parameters, "VERIFY", context):
            boxes, bh = cells_as_prisms(env)
            okv, checked, _ = verify(p.rec, p.sunlit, mins, ok, p.sun, p.rule, p.existing, boxes, bh, p.site, top,
                                     progress=lambda f: feedback.setProgress(70 + 25 * f), is_canceled=feedback.isCanceled)
            check_canceled(feedback)
            _check_verified(okv, checked, p.rec, feedback)
            verified = int(checked.size)
        cap_info = capacity(env, floor_h, float(holder["red"].area))
        crs = p.bld["source"].sourceCrs()
        # raster
        self.created_file(out_raster)
        write_geotiff(out_raster, env.x0, env.y0, env.spacing, p.frame.crs.to_wkt(), env.height, "allowed height, m")
        # height bands
        step = self.parameterAsDouble(parameters, "BAND_STEP", context)
        fields = QgsFields()
        for name, kind in (("band", "string"), ("band_lo", "double"), ("band_hi", "double"), ("z_min", "double"),
                           ("z_max", "double"), ("area_m2", "double")):
            fields.append(make_field(name, kind))
        sink, bands_id = self.sink(parameters, "OUTPUT_BANDS", context, fields, POLYGON_WKB, crs)
        h = env.height
        finite = np.isfinite(h)
        n_bands = int(np.ceil(p.cap / step))
        for b in range(n_bands):
            lo, hi = b * step, min((b + 1) * step, p.cap)
            m = finite & (h >= lo) & ((h < hi) if b < n_bands - 1 else (h <= hi))
            if not m.any():
                continue
            poly = grid_polygons(m, env.x0, env.y0, env.spacing)
            f = QgsFeature(fields)
            f.setGeometry(to_qgs(p.frame.from_local(np.array([poly], dtype=object), p.bld["crs"])[0]))
            f.setAttributes([f"{lo:g}-{hi:g} m", float(lo), float(hi), float(h[m].min()), float(h[m].max()),
                             float(m.sum() * env.spacing ** 2)])
            sink.add(f)
        style_on_load(context, bands_id, "envelope_bands.qml")
        # terraces for the 3D view: cells grouped by their height rounded down to the metre
        tf = QgsFields()
        for name, kind in (("height", "double"), ("z_max", "double"), ("area_m2", "double")):
            tf.append(make_field(name, kind))
        sink3, env_id = self.sink(parameters, "OUTPUT_ENVELOPE", context, tf, POLYGON_WKB, crs)
        fl = np.where(finite, np.floor(np.nan_to_num(h) + 1e-9), np.nan)
        for level in np.unique(fl[np.isfinite(fl)]):
            m = fl == level
            if level <= 0:
                continue
            poly = grid_polygons(m, env.x0, env.y0, env.spacing)
            f = QgsFeature(tf)
            f.setGeometry(to_qgs(p.frame.from_local(np.array([poly], dtype=object), p.bld["crs"])[0]))
            f.setAttributes([float(level), float(h[m].max()), float(m.sum() * env.spacing ** 2)])
            sink3.add(f)
        style_on_load(context, env_id, "envelope_3d.qml")
        feedback.setProgress(100)
        feedback.pushInfo(tr("Envelope volume {v:,.0f} m³ (strict rule: {vs:,.0f} m³); floor area {a:,.0f} m² at "
                             "{fh:g} m per floor; FAR {far:.2f} on {site:,.0f} m²").format(
            v=cap_info["volume"], vs=strict_volume, a=cap_info["floor_area"], fh=floor_h, far=cap_info["far"],
            site=holder["red"].area))
        return {"OUTPUT_RASTER": out_raster, "OUTPUT_BANDS": bands_id, "OUTPUT_ENVELOPE": env_id,
                "VOLUME": cap_info["volume"], "VOLUME_STRICT": strict_volume, "FLOOR_AREA": cap_info["floor_area"],
                "FAR": cap_info["far"], "VERIFIED": verified}


class AllowedHeightAlgorithm(_EnvelopeBase):
    NAME = "allowedheight"
    DISPLAY = "Allowed heights of planned buildings"
    GROUP = "control"
    HELP = ("<p>Allowed heights: for each planned footprint, the greatest height (and whole floors at the "
            "floor height) such that all planned buildings together, each at its allowed height, keep every protected "
            "window within the protection rule; capped at the height cap. The bound of a footprint is exact: the "
            "lowest kept sun ray over its boundary. Each footprint gets the limiting window (building id, position) and "
            "the time of the limiting ray (true solar and Beijing time). With every planned building at its allowed "
            "floors the forward engine recomputes the windows and the run reports the margin of the worst window "
            "(counted minutes above the standard, among windows that met it). Optionally, with a site layer (the "
            "redevelopment parcel, whose existing buildings are treated as demolished), the envelope of the site gives "
            "the site capacity: envelope volume, floor area and FAR.</p>")

    def initAlgorithm(self, config=None):
        add_protection_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSource("PLANNED", tr("Planned building footprints"), [POLYGON_SOURCE]))
        self.addParameter(QgsProcessingParameterFeatureSource("SITE", tr("Site polygons for the capacity (optional)"),
                                                              [POLYGON_SOURCE], optional=True))
        self.addParameter(QgsProcessingParameterNumber("CELL", tr("Grid cell size for the capacity, m"), type=DOUBLE_NUMBER,
                                                       defaultValue=1.0, minValue=0.2))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Allowed heights")))
        for name, label in (("MARGIN", "Margin of the worst window, minutes"), ("VOLUME", "Envelope volume, m³"),
                            ("FLOOR_AREA", "Floor area the envelope holds, m²"), ("FAR", "FAR on the site"),
                            ("VERIFIED", "Windows verified by the forward engine")):
            self.addOutput(QgsProcessingOutputNumber(name, tr(label)))

    def compute(self, parameters, context, feedback):
        holder = {}

        def site_fn(frame):
            data = read_layer(self, parameters, "PLANNED", context, feedback, "planned buildings")
            geoms = frame.to_local(data["geoms"], data["crs"])
            use = data["selected"] & ~shapely.is_missing(geoms)
            if not use.any():
                raise SunSpaceError("Layer {layer}: no planned footprint to use.", layer=data["label"])
            towers = shapely.union_all(geoms[use])
            holder.update(data=data, geoms=geoms, use=use, towers=towers)
            # existing buildings on the planned footprints, or on the optional site (a redevelopment parcel), are demolished
            site = read_layer(self, parameters, "SITE", context, feedback, "site", required=False)
            if site is not None:
                sg = frame.to_local(site["geoms"][site["selected"]], site["crs"])
                red = shapely.union_all(sg[[g is not None for g in sg]])
                holder["red"] = red
                return shapely.union_all([towers, red]), site["label"]
            return towers, data["label"]

        p = read_protected(self, parameters, context, feedback, site_fn)
        p.site = holder["towers"]  # the kept minutes are chosen for, and verified against, the planned footprints
        floor_h = self.parameterAsDouble(parameters, "FLOOR_HEIGHT", context)
        data, geoms, use = holder["data"], holder["geoms"], holder["use"]
        kept, mins, ok = choose_kept(p.sunlit, p.rec, p.sun, p.rule, p.site, p.cap)
        hp = np.full(len(geoms), np.nan)
        bw = np.full(len(geoms), -1)
        bt = np.full(len(geoms), np.nan)
        hp[use], bw[use], bt[use] = allowed_heights(geoms[use], p.rec, kept, p.sun, p.cap)
        check_canceled(feedback)
        floors = np.floor(hp / floor_h + 1e-9)
        built = floors * floor_h
        okv, checked, after = verify(p.rec, p.sunlit, mins, ok, p.sun, p.rule, p.existing, geoms[use], built[use],
                                     p.site, p.cap, progress=lambda f: feedback.setProgress(40 + 40 * f),
                                     is_canceled=feedback.isCanceled)
        check_canceled(feedback)
        _check_verified(okv, checked, p.rec, feedback)
        req = p.sun.required_hours * 60.0
        margin = np.where(ok, after - req, np.nan)
        worst = int(np.nanargmin(margin)) if np.isfinite(margin).any() else -1
        crs = data["source"].sourceCrs()
        fields = QgsFields(data["fields"])
        for name, kind in (("allowed_h", "double"), ("floors", "int"), ("height_m", "double"), ("limit_bldg", "int"),
                           ("limit_x", "double"), ("limit_y", "double"), ("limit_z", "double"),
                           ("limit_true", "string"), ("limit_bj", "string"), ("cap_binds", "int")):
            fields.append(make_field(name, kind))
        sink, dest = self.sink(parameters, "OUTPUT", context, fields, data["source"].wkbType(), crs)
        wpts = p.frame.from_local(shapely.points(p.rec["x"], p.rec["y"]), p.bld["crs"])
        for i in range(len(geoms)):
            f = QgsFeature(fields)
            f.setGeometry(data["qgeoms"][i])
            w = int(bw[i])
            lim = [None] * 6
            if w >= 0:
                lim = [int(p.rec["id"][w]) if p.rec.get("id") is not None else None, float(shapely.get_x(wpts[w])),
                       float(shapely.get_y(wpts[w])), float(p.rec["z"][w]), _hhmm(bt[i]),
                       _hhmm(p.clock(bt[i]) if np.isfinite(bt[i]) else None)]
            f.setAttributes(list(data["rows"][i]) + [_val(hp[i]), None if not np.isfinite(floors[i]) else int(floors[i]),
                                                     _val(built[i])] + lim + [int(use[i] and w < 0)])
            sink.add(f)
        results = {"OUTPUT": dest, "MARGIN": float(margin[worst]) if worst >= 0 else float("nan"),
                   "VERIFIED": int(checked.size)}
        if worst >= 0:
            feedback.pushInfo(tr("Worst window (building {b}, {z:.1f} m): {m:.1f} minutes above the standard with every "
                                 "planned building at its allowed floors").format(b=p.rec["id"][worst], z=p.rec["z"][worst],
                                                                                    m=margin[worst]))
        if "red" in holder:
            red = holder["red"]
            kept_s, _, _ = choose_kept(p.sunlit, p.rec, p.sun, p.rule, red, p.cap)
            env = envelope(red, p.rec, kept_s, p.sun, self.parameterAsDouble(parameters, "CELL", context), p.cap,
                           is_canceled=feedback.isCanceled)
            cap_info = capacity(env, floor_h, float(red.area))
            results.update(VOLUME=cap_info["volume"], FLOOR_AREA=cap_info["floor_area"], FAR=cap_info["far"])
            feedback.pushInfo(tr("Site capacity: envelope volume {v:,.0f} m³, floor area {a:,.0f} m², FAR {far:.2f}").format(
                v=cap_info["volume"], a=cap_info["floor_area"], far=cap_info["far"]))
        style_on_load(context, dest, "allowed_heights.qml")
        feedback.setProgress(100)
        return results
