"""sunspace:windowsunlight — sunlight hours of every window, by building and parcel, before/after a proposal."""
from __future__ import annotations

import math
from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import shapely
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ..core.errors import N_, SunSpaceError
from ..core.sunlight import (
    check_receivers, estimate_receivers, iter_facade_batches, iter_window_sunlight, prepare_obstructors,
)
from ..core.tiles import iter_window_tiles, tile_size_for, use_tiles
from ..core.validation import id_list
from ..core.zones import ZONE_NAMES, largest_overlap, zone_rules
from .common import SunSpaceAlgorithm, read_layer, style_on_load, tr, translate_error, warn
from .compat import POINT_WKB, POLYGON_SOURCE, make_field
from .sunparams import (
    add_window_source_parameters, window_points,
    add_building_parameters, add_standard_parameters, beijing_clock, parse_standard, read_buildings,
    sunlight_frame,
)
from .zoning import add_zone_field_parameters, parcel_zone_codes, zone_standards



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
            "whatever its CRS.</p><p>Zones: with the parcels and their zone field, each building belongs to the "
            "parcel holding most of its footprint (a window point to the parcel containing it), and its windows "
            "are judged by that zone's standard: the chosen standard in new areas; in old-area renewal and the "
            "historic city GB 50180-2018's renewal rule (Great Cold day ≥ 1 h, 8-16 h), which only ever relaxes "
            "the chosen standard. Every building still casts its shadow. Windows, buildings and parcels get the "
            "fields <i>zone</i> (new / old / historic) and <i>std_hours</i> (the hours required).</p>"
        )
        ) + tr("<p>Every core: a run of 200,000 windows or more on the buildings' facades (not on window points) "
               "is cut into tiles, each with the buildings whose shadows can reach it, and computed on QGIS's "
               "process and one worker process per further core; the answers are identical to one process. "
               "The environment variable SUNSPACE_WORKERS=1 keeps SunSpace on one core.</p>")

    def initAlgorithm(self, config=None):
        add_building_parameters(self, tr)
        planned = QgsProcessingParameterFeatureSource("PLANNED", tr("Planned buildings (same height/floors fields)"),
                                                      [POLYGON_SOURCE], optional=True)
        self.addParameter(planned)
        add_window_source_parameters(self)
        self.addParameter(QgsProcessingParameterEnum("FACADES", tr("Facades to analyse"), options=[tr(o) for o in self.FACADE_OPTIONS], defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean("EVERY_FLOOR", tr("Sample every floor (not only the ground floor)"),
                                                        defaultValue=False))
        add_standard_parameters(self, tr)
        self.addParameter(QgsProcessingParameterFeatureSource("PARCELS", tr("Parcels for a summary and zones (optional)"),
                                                              [POLYGON_SOURCE], optional=True))
        add_zone_field_parameters(self, "PARCELS")
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
        obs_after = proposal = None
        if planned is not None:
            p_local = frame.to_local(planned["geoms"], planned["crs"])
            pu = planned["usable"]
            proposal = (p_local[pu], planned["base"][pu], planned["height"][pu])
            obs_after = prepare_obstructors(np.concatenate([local[usable], p_local[pu]]),
                                            np.r_[bld["base"][usable], planned["base"][pu]],
                                            np.r_[bld["height"][usable], planned["height"][pu]])
        sill = self.parameterAsDouble(parameters, "SILL", context)

        # parcels: the summary and, with a zone field, each window's standard (by its building's parcel)
        zone_field = self.parameterAsString(parameters, "ZONE_FIELD", context)
        zoned = bool(zone_field or self.parameterAsString(parameters, "ZONE_OLD", context).strip()
                     or self.parameterAsString(parameters, "ZONE_HISTORIC", context).strip())
        pdata = None
        if parameters.get("PARCELS") and (parameters.get("OUTPUT_PARCELS") or zoned):
            pdata = read_layer(self, parameters, "PARCELS", context, feedback, "parcels")
        elif zoned:
            raise SunSpaceError("Zones come from the parcels: choose the parcels layer with the zone field.")
        codes = parcel_zone_codes(self, parameters, context, feedback, pdata) if pdata is not None else np.empty(0, str)
        p_local = frame.to_local(pdata["geoms"], pdata["crs"]) if pdata is not None else None
        groups = zone_standards(settings, codes)

        # receivers: the evaluated (selected, residential) buildings' windows; every building obstructs
        windows = read_layer(self, parameters, "WINDOWS", context, feedback, "windows", kind="point", required=False,
                             fields=[f for f in (self.parameterAsString(parameters, "WINDOW_Z_FIELD", context),
                                                 self.parameterAsString(parameters, "WINDOW_FACING_FIELD", context)) if f])
        nb = len(bld["ids"])
        bzone = np.full(nb, "new", dtype=object)  # zone code of each evaluated building (by the parcel holding most of it)
        if windows is not None:
            rec, rows = window_points(self, parameters, context, windows, frame, local[usable], bld["top_z"][usable])
            wzone = np.full(len(rec["x"]), "new", dtype=object)
            if pdata is not None and zone_field:
                owner = _containing_parcel(rec["x"], rec["y"], p_local)
                wzone = np.where(owner >= 0, codes[np.maximum(owner, 0)] if codes.size else "new", "new").astype(object)
                self._warn_outside(feedback, windows["label"], windows["ids"][rows[owner < 0]],
                                  N_("Layer {layer}: {n} window point(s) outside every parcel ({ids}) are judged by the "
                                     "chosen standard, as in a new area."))
            members = [np.flatnonzero(np.isin(wzone, zones)) for _, _, _, _, zones in groups]
            sizes = [len(m) for m in members]
        else:
            res_idx = np.flatnonzero(bld["evaluate"])
            if res_idx.size == 0:
                raise SunSpaceError("Layer {layer}: no residential building to analyse (check the residential expression "
                                    "and the selection).", layer=bld["label"])
            if pdata is not None and zone_field:
                owner = largest_overlap(local[res_idx], p_local)
                bzone[res_idx] = np.where(owner >= 0, codes[np.maximum(owner, 0)] if codes.size else "new", "new")
                self._warn_outside(feedback, bld["label"], bld["ids"][res_idx[owner < 0]],
                                  N_("Layer {layer}: {n} building(s) outside every parcel ({ids}) are judged by the "
                                     "chosen standard, as in a new area."))
            floor_h = self.parameterAsDouble(parameters, "FLOOR_HEIGHT", context)
            sampling = dict(spacing=self.parameterAsDouble(parameters, "SPACING", context), sill=sill, floor_height=floor_h,
                            every_floor=self.parameterAsBool(parameters, "EVERY_FLOOR", context),
                            south_only=self.parameterAsEnum(parameters, "FACADES", context) == 0)
            check_receivers(local[res_idx], bld["height"][res_idx], **sampling)  # the cheap bound first
            members = [res_idx[np.isin(bzone[res_idx], zones)] for _, _, _, _, zones in groups]
            sizes = [estimate_receivers(local[m], bld["height"][m], **sampling) if m.size else 0 for m in members]

            def make_batches(idx):
                # the other buildings' footprints drop receivers inside them, as one run over all would
                exclude = local[usable & ~np.isin(np.arange(nb), idx)]
                for batch in iter_facade_batches(local[idx], bld["base"][idx], bld["height"][idx],
                                                 exclude=exclude, batch_size=500_000, **sampling):
                    batch["building"] = idx[batch["building"]]
                    yield batch
        feedback.pushInfo(tr("Up to {n} windows, {walls} walls").format(n=int(sum(sizes)), walls=len(obs_now.x1)))

        fields = QgsFields()
        for name, kind in (("bldg_fid", "int"), ("floor", "int"), ("z_m", "double"), ("facing", "double"),
                           ("minutes", "double"), ("hours", "double"), ("passed", "int"), ("true_solar", "string"),
                           ("beijing", "string"), ("zone", "string"), ("std_hours", "double")):
            fields.append(make_field(name, kind))
        if planned is not None:
            for name, kind in (("min_before", "double"), ("pass_before", "int"), ("pushed", "int")):
                fields.append(make_field(name, kind))
        sink, wid = self.sink(parameters, "OUTPUT_WINDOWS", context, fields, POINT_WKB, bld["source"].sourceCrs())
        parcels = ParcelTally(pdata, frame) if pdata is not None and parameters.get("OUTPUT_PARCELS") else None
        tally = {"count": np.zeros(nb), "fails": np.zeros(nb), "worst": np.full(nb, np.inf), "pushed": np.zeros(nb)}
        n = n_fail = n_pushed = 0
        grand = max(1, sum(sizes))
        done = 0
        for (std, dec, rules, date, zones), member, size in zip(groups, members, sizes):
            if len(member) == 0:
                continue
            if zone_field:
                feedback.pushInfo(tr("Windows in {zones}: {standard}").format(
                    zones=", ".join(tr(ZONE_NAMES[z]) for z in zones),
                    standard=tr(settings.label) if std == settings.standard and settings.label else (std.label or tr("custom standard"))))
            if windows is not None:
                rec_g = {k: v[member] for k, v in rec.items()}
                zone_g = wzone[member]
                batches_of = lambda rec_g=rec_g: iter([rec_g])
            else:
                zone_g = None
                batches_of = lambda member=member: make_batches(member)
            to_bj = beijing_clock(replace(settings, date=date), frame.lon0)
            progress = (lambda f, a=done, w=size: feedback.setProgress(90 * min(1.0, (a + w * f) / grand * 0.999)))
            total = size if windows is None else None
            done += size
            if windows is None and use_tiles(size):
                chunks = self._tiled_chunks(local, bld, member, size, sampling, dec, std, rules, frame, to_bj,
                                            progress, feedback, proposal)
            else:
                chunks = self._engine_chunks(batches_of, obs_now, obs_after, frame, dec, std, rules, to_bj, progress,
                                             total, feedback)
            for part, start, mins, ok, true_solar, clock, before in chunks:
                pushed = (before.passed & ~ok) if before is not None else None
                pts = frame.from_local(shapely.points(part["x"], part["y"]), bld["crs"])
                facing = (np.degrees(np.arctan2(part["nx"], part["ny"])) + 360.0) % 360.0
                b = part["building"]
                zone = zone_g[start:start + len(mins)] if zone_g is not None else bzone[b]
                # columns as Python lists, one feature per row, written in batches
                fid = np.asarray(bld["ids"])[np.maximum(b, 0)].tolist()
                floor = np.asarray(part["floor"]).tolist()
                for k in np.flatnonzero(b < 0):  # a window point outside every building
                    fid[k] = floor[k] = None
                n_here = len(mins)
                cols = [fid, floor, np.asarray(part["z"], float).tolist(), facing.tolist(), mins.tolist(),
                        (mins / 60.0).tolist(), ok.astype(int).tolist(), list(true_solar), list(clock),
                        [str(z) for z in zone], [float(std.hours)] * n_here]
                if before is not None:
                    cols += [before.minutes.tolist(), before.passed.astype(int).tolist(), pushed.astype(int).tolist()]
                px, py = shapely.get_x(pts).tolist(), shapely.get_y(pts).tolist()
                batch = []
                for k, attrs in enumerate(zip(*cols)):
                    f = QgsFeature(fields)
                    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(px[k], py[k])))
                    f.setAttributes(list(attrs))
                    batch.append(f)
                    if len(batch) == 10_000:
                        sink.add_many(batch)
                        batch = []
                sink.add_many(batch)
                has = b >= 0
                tally["count"] += np.bincount(b[has], minlength=nb)
                tally["fails"] += np.bincount(b[has], weights=(~ok[has]).astype(float), minlength=nb)
                np.minimum.at(tally["worst"], b[has], mins[has])
                if pushed is not None:
                    tally["pushed"] += np.bincount(b[has], weights=pushed[has].astype(float), minlength=nb)
                    n_pushed += int(pushed.sum())
                if parcels is not None:
                    parcels.add(part["x"], part["y"], mins, ok)
                n += len(mins)
                n_fail += int((~ok).sum())
        if n == 0:
            raise SunSpaceError("No window to analyse: no facade of the chosen buildings faces the sun side.")
        style_on_load(context, wid, "window_sunlight.qml")
        results = {"OUTPUT_WINDOWS": wid}
        hours_of = {z: r.standard.hours for z, r in zone_rules(settings.standard).items()}
        results["OUTPUT_BUILDINGS"] = self._building_summary(parameters, context, feedback, bld, tally, planned is not None,
                                                             bzone, hours_of)
        if parcels is not None:
            results["OUTPUT_PARCELS"] = self._parcel_summary(parameters, context, feedback, parcels, codes, hours_of)
        feedback.setProgress(100)
        msg = tr("{ok} of {n} windows meet the standard ({fail} fail)").format(ok=n - n_fail, n=n, fail=n_fail)
        if planned is not None:
            msg += tr("; the proposal pushes {k} below it").format(k=n_pushed)
        feedback.pushInfo(msg)
        return results

    @staticmethod
    def _engine_chunks(batches_of, obs_now, obs_after, frame, dec, std, rules, to_bj, progress, total, feedback):
        """The receivers' sunlight chunk by chunk in this process (threads on every core):
        yields (receivers, start, minutes, passed, true-solar intervals, clock intervals, before or None)."""
        run_args = dict(latitude=frame.lat0, declination=dec, window=std.window, rules=rules,
                        hours=std.hours, chunk_size=50_000, is_canceled=feedback.isCanceled, total=None)
        chunks_before = None
        if obs_after is not None:  # the same receivers with and without the proposal, in the same order
            chunks_before = iter_window_sunlight(batches_of(), obs_now, intervals=False, **run_args)
        chunks_now = iter_window_sunlight(batches_of(), obs_now if obs_after is None else obs_after, to_clock=to_bj,
                                          progress=progress, **dict(run_args, total=total))
        for chunk in chunks_now:
            before = next(chunks_before) if chunks_before is not None else None
            yield (chunk.receivers, chunk.start, chunk.minutes, chunk.passed, chunk.intervals, chunk.clock_intervals,
                   before)

    @staticmethod
    def _tiled_chunks(local, bld, member, n_est, sampling, dec, std, rules, frame, to_bj, progress, feedback,
                      proposal=None):
        """The members' windows by tiles on this process and worker processes (every core, no GIL shared):
        yields the same tuples as :meth:`_engine_chunks`, tile by tile as they finish. ``n_est``: the
        estimated number of windows; ``proposal``: the planned buildings' (footprints, base, height) in
        the frame, or None."""
        u_idx = np.flatnonzero(bld["usable"])
        members = np.isin(u_idx, member)
        fps, base, height = local[u_idx], bld["base"][u_idx], bld["height"][u_idx]
        planned = None
        if proposal is not None and len(proposal[0]):
            planned = np.r_[np.zeros(len(fps), bool), np.ones(len(proposal[0]), bool)]
            fps, base, height = (np.concatenate([fps, proposal[0]]), np.r_[base, proposal[1]],
                                 np.r_[height, proposal[2]])
            members = np.r_[members, np.zeros(len(proposal[0]), bool)]
        x0, y0, x1, y1 = shapely.total_bounds(fps[members])
        tiles = iter_window_tiles(fps, base, height, frame.crs, dec, std.window, rules, std.hours, members=members,
                                  tile_size_m=tile_size_for((x1 - x0) * (y1 - y0), n_est), per_tile_latitude=False,
                                  frame=(frame.lon0, frame.lat0), coordinates="input", scheduler="processes",
                                  intervals=True, clock_offset_hours=to_bj(0.0), progress=progress,
                                  is_canceled=feedback.isCanceled, warn=lambda exc: warn(feedback, translate_error(exc)),
                                  planned=planned, **sampling)
        start, pids, n_tiles = 0, set(), 0
        for tile, r in tiles:
            pids.add(tile["pid"])
            n_tiles += 1
            part = {"x": r["x"], "y": r["y"], "z": r["z"], "nx": r["nx"], "ny": r["ny"],
                    "building": u_idx[r["building"]], "floor": r["floor"]}
            before = (SimpleNamespace(minutes=r.get("minutes_before", r["minutes"]),
                                      passed=r.get("passed_before", r["passed"])) if proposal is not None else None)
            yield part, start, r["minutes"], r["passed"], r["intervals"], r["clock_intervals"], before
            start += len(r["minutes"])
        feedback.pushInfo(tr("{n} windows computed in {tiles} tiles on {processes} processes").format(
            n=start, tiles=n_tiles, processes=len(pids)))

    @staticmethod
    def _warn_outside(feedback, label, ids, template):
        if len(ids):
            warn(feedback, tr(template).format(layer=label, n=len(ids), ids=id_list(ids)))

    def _building_summary(self, parameters, context, feedback, bld, tally, with_planned, bzone, hours_of):
        src = bld["source"]
        names = [("n_windows", "int"), ("min_minutes", "double"), ("fail_share", "double"), ("passed", "int"),
                 ("zone", "string"), ("std_hours", "double")] + ([("n_pushed", "int")] if with_planned else [])
        fields, keep = _summary_fields(src.fields(), names, feedback, bld["label"])
        sink, dest = self.sink(parameters, "OUTPUT_BUILDINGS", context, fields, src.wkbType(), src.sourceCrs())
        count, fails, worst = tally["count"], tally["fails"], tally["worst"]
        for i in np.flatnonzero(bld["selected"]):
            out = QgsFeature(fields)
            out.setGeometry(bld["qgeoms"][i])
            c = int(count[i])
            attrs = [bld["rows"][i][k] for k in keep] + [c, float(worst[i]) if c else None, float(fails[i] / c) if c else None,
                                            (int(fails[i] == 0) if c else None),
                                            str(bzone[i]) if c else None, float(hours_of[bzone[i]]) if c else None]
            if with_planned:
                attrs.append(int(tally["pushed"][i]))
            out.setAttributes(attrs)
            sink.add(out)
        style_on_load(context, dest, "building_sunlight.qml")
        return dest

    def _parcel_summary(self, parameters, context, feedback, tally, codes, hours_of):
        data = tally.data
        src = data["source"]
        fields, keep = _summary_fields(src.fields(), [("n_windows", "int"), ("n_fail", "int"), ("fail_share", "double"),
                                                      ("min_minutes", "double"), ("passed", "int"), ("zone", "string"),
                                                      ("std_hours", "double")], feedback, data["label"])
        sink, dest = self.sink(parameters, "OUTPUT_PARCELS", context, fields, src.wkbType(), src.sourceCrs())
        for i in np.flatnonzero(data["selected"]):
            out = QgsFeature(fields)
            out.setGeometry(data["qgeoms"][i])
            c = int(tally.count[i])
            f = tally.fails[i]
            out.setAttributes([data["rows"][i][k] for k in keep] + [c, int(f), float(f / c) if c else None,
                                                       float(tally.worst[i]) if c else None, int(f == 0) if c else None,
                                                       str(codes[i]), float(hours_of[codes[i]])])
            sink.add(out)
        style_on_load(context, dest, "building_sunlight.qml")
        return dest


def _summary_fields(in_fields, extra, feedback, label):
    """Input fields then the computed ones; input fields with a computed field's name are replaced (with a warning)."""
    names = {name for name, _ in extra}
    out, keep, replaced = QgsFields(), [], []
    for i, f in enumerate(in_fields):
        if f.name().lower() in names:
            replaced.append(f.name())
            continue
        keep.append(i)
        out.append(f)
    for name, kind in extra:
        out.append(make_field(name, kind))
    if replaced:
        warn(feedback, tr("Input field(s) {fields} of layer {layer} are replaced by the computed values.").format(
            fields=", ".join(replaced), layer=label))
    return out, keep


def _containing_parcel(x, y, parcels):
    """Index of the first parcel (layer order) containing each point, -1 if none."""
    out = np.full(len(x), -1, dtype=int)
    ok = np.flatnonzero(~shapely.is_missing(parcels))
    if ok.size and len(x):
        wi, pj = shapely.STRtree(parcels[ok]).query(shapely.points(x, y), predicate="intersects")
        for w, p in sorted(zip(wi, ok[pj]), key=lambda t: (t[0], -t[1])):
            out[w] = p
    return out


class ParcelTally:
    """Windows per parcel, counted chunk by chunk (window points in the local frame)."""

    def __init__(self, data, frame):
        self.data = data
        local = frame.to_local(data["geoms"], data["crs"])
        self.idx = np.flatnonzero(~shapely.is_missing(local))
        self.tree = shapely.STRtree(local[self.idx]) if self.idx.size else None
        n = len(data["ids"])
        self.count, self.fails, self.worst = np.zeros(n), np.zeros(n), np.full(n, np.inf)

    def add(self, x, y, mins, ok):
        if self.tree is None:
            return
        wi, pj = self.tree.query(shapely.points(x, y), predicate="intersects")
        pj = self.idx[pj]
        np.add.at(self.count, pj, 1.0)
        np.add.at(self.fails, pj, (~ok[wi]).astype(float))
        np.minimum.at(self.worst, pj, mins[wi])
