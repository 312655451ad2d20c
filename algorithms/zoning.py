"""Zones and orientation in the open-space tools (paper 003 sections 2 and 4.2; GB 50180-2018 4.0.7, 4.0.9).

Shared by sunspace:openspaceratio, sunspace:greenfarcap and sunspace:indicatorranges: the zone
parameters, each parcel's zone (新建区 / 老城区旧区改建 / 历史城区) and the rule that follows from it
(sunlight standard, concentrated green per person MP), the DB_max curve and window compliance
computed per standard, and the east-west orientation of residential buildings and parcels.
"""
from __future__ import annotations

import numpy as np
from qgis.core import QgsProcessingParameterField, QgsProcessingParameterNumber, QgsProcessingParameterString

from ..core.capacity import density_curve, green_constant
from ..core.errors import N_, SunSpaceError
from ..core.openspace import floor_values, parcel_window_compliance
from ..core.orientation import east_west, facade_angle, parcel_ew_share
from ..core.solar import standard_day
from ..core.standards import STANDARD_DAYS, counting_rules
from ..core.validation import id_list
from ..core.zones import ZONE_CODES, ZONE_NAMES, parse_values, zone_codes, zone_rules
from .common import check_canceled, tr, warn
from .compat import DOUBLE_NUMBER, FLAG_ADVANCED

__all__ = ["ZONE_LABELS", "add_zone_field_parameters", "add_zone_parameters", "apply_zones", "parcel_zone_codes", "zone_standards", "zoned_floor_values", "zoned_c", "zone_fields"]

#: Zone names for the user interface (translated; core.zones.ZONE_NAMES are the Chinese field values).
ZONE_LABELS = {"new": N_("New area"), "old": N_("Old-area renewal"), "historic": N_("Historic city")}


def add_zone_field_parameters(alg, parcels="PARCELS"):
    """The zone field of the parcels and the values meaning old-area renewal and historic city."""
    alg.addParameter(QgsProcessingParameterField("ZONE_FIELD", tr("Zone field (new area / old-area renewal / historic city)"),
                                                 parentLayerParameterName=parcels, optional=True))
    alg.addParameter(QgsProcessingParameterString("ZONE_OLD", tr("Zone values for old-area renewal (comma-separated)"),
                                                  optional=True, defaultValue=""))
    alg.addParameter(QgsProcessingParameterString("ZONE_HISTORIC", tr("Zone values for the historic city (comma-separated)"),
                                                  optional=True, defaultValue=""))


def add_zone_parameters(alg, parcels="PARCELS"):
    """Zone field and its values, MP of old-area renewal, east-west thresholds."""
    add_zone_field_parameters(alg, parcels)
    alg.addParameter(QgsProcessingParameterNumber("MP_OLD", tr("Concentrated green per person in old-area renewal and the "
                                                               "historic city, m²"), type=DOUBLE_NUMBER, defaultValue=0.35,
                                                  minValue=0.01))
    for name, label, default, top in (("EW_ANGLE", N_("East-west if the main facade turns from south by more than, degrees"), 45.0, 89.0),
                                      ("EW_SHARE", N_("East-west parcel if its floor area in east-west buildings exceeds, %"), 50.0, 100.0)):
        p = QgsProcessingParameterNumber(name, tr(label), type=DOUBLE_NUMBER, defaultValue=default, minValue=0.0, maxValue=top)
        p.setFlags(p.flags() | FLAG_ADVANCED)
        alg.addParameter(p)


def parcel_zone_codes(alg, parameters, context, feedback, parcels):
    """Zone code (``new``/``old``/``historic``) of each parcel row; all ``new`` without a zone field."""
    return _zone_codes(alg, parameters, context, feedback, parcels)


def zone_standards(settings, codes):
    """Group zone codes by the sunlight standard that applies to them.

    Returns a list of ``(standard, declination, counting rules, date, zone codes)``, the chosen (new-area)
    standard first; old-area renewal and the historic city take GB 50180-2018's renewal rule
    (大寒日 >= 1 h), which only ever relaxes (:func:`core.zones.zone_rules`).
    """
    rules = zone_rules(settings.standard)
    groups = {}
    for z in ZONE_CODES:
        if z in set(np.asarray(codes).tolist()) or z == "new":
            groups.setdefault(rules[z].standard, []).append(z)
    out = []
    for std, zones in groups.items():
        dec, counting = _day_settings(settings, std)
        date = settings.date if std.day == settings.standard.day else standard_day(STANDARD_DAYS[std.day], settings.year)["date"]
        out.append((std, dec, counting, date, zones))
    return out


def _zone_codes(alg, parameters, context, feedback, parcels):
    field = alg.parameterAsString(parameters, "ZONE_FIELD", context)
    old = parse_values(alg.parameterAsString(parameters, "ZONE_OLD", context))
    hist = parse_values(alg.parameterAsString(parameters, "ZONE_HISTORIC", context))
    n = len(parcels["ids"])
    if not field:
        if old or hist:
            raise SunSpaceError("Zone values are given but no zone field: choose the parcels' zone field.")
        return np.full(n, "new")
    idx = parcels["fields"].indexOf(field)
    if idx < 0:
        raise SunSpaceError("Layer {layer} has no field '{field}'.", layer=parcels["label"], field=field)
    values = [row[idx] for row in parcels["rows"]]
    values = [None if v is None or (hasattr(v, "isNull") and v.isNull()) else v for v in values]
    try:
        codes = zone_codes(values, old, hist)
    except ValueError as exc:
        raise SunSpaceError("{text}", text=str(exc)) from None
    present = {str(v).strip() for v in values if v is not None}
    unused = [v for v in old + hist if v not in present and not (v.replace(".", "", 1).isdigit() and
                                                                  any(_same_number(v, p) for p in present))]
    if unused:
        warn(feedback, tr("Layer {layer}, field '{field}': no parcel has the zone value(s) {values}.").format(
            layer=parcels["label"], field=field, values=", ".join(unused)))
    return codes


def _same_number(a, b):
    try:
        return float(a) == float(b)
    except ValueError:
        return False


def _day_settings(settings, std):
    """Declination and counting rules for a zone's standard (its own day, the same year and rule preset)."""
    if std.day == settings.standard.day:
        return settings.declination, settings.rules
    dec = standard_day(STANDARD_DAYS[std.day], settings.year)["declination"]
    rules = settings.rules if settings.rules.name == "custom" else counting_rules(settings.rules.name, std.day)
    return dec, rules


def _building_zones(model):
    """The zone of each building: that of the parcel holding its centroid ("new" outside every parcel)."""
    import shapely

    zones = np.full(len(model.b_local), "new", dtype=object)
    ok = np.flatnonzero(~shapely.is_missing(model.b_local))
    pk = np.flatnonzero(~shapely.is_missing(model.p_local))
    if ok.size and pk.size:
        bi, pi = shapely.STRtree(model.p_local[pk]).query(shapely.centroid(model.b_local[ok]), predicate="within")
        zones[ok[bi]] = np.asarray(model.zone, dtype=object)[pk[pi]]
    return zones


def apply_zones(alg, parameters, context, feedback, model, need_windows, cache_dir, window_spacing=None, per_building=False):
    """Give ``model`` (an open-space parcel model) its zones, per-zone curves, window compliance and orientation.

    Sets ``zone``, ``rules`` (zone -> ZoneRule), ``std_hours``, ``std_label``, ``mp`` (per parcel), ``curves``
    (zone -> DB_max curve), ``n_windows``/``n_fail`` (per zone standard, when ``need_windows``; with
    ``per_building`` also ``b_windows``/``b_fail`` per building, each building judged by the standard of the
    zone of the parcel holding its centroid, the chosen standard outside every parcel), ``ew_share``,
    ``ew_flag``, ``fa_angle`` (per building).
    """
    st, fr = model.settings, model.frame
    mp_new = alg.parameterAsDouble(parameters, "MP", context)
    mp_old = alg.parameterAsDouble(parameters, "MP_OLD", context)
    if not mp_new > 0:
        raise SunSpaceError("Concentrated green per person MP must be positive, got {value}.", value=mp_new)
    model.zone = _zone_codes(alg, parameters, context, feedback, model.parcels)
    model.rules = zone_rules(st.standard, mp_new, mp_old)
    model.mp = np.array([model.rules[z].mp for z in model.zone], float)
    model.std_hours = np.array([model.rules[z].standard.hours for z in model.zone], float)
    model.std_day = np.array([STANDARD_DAYS[model.rules[z].standard.day] for z in model.zone])
    present = [z for z in ZONE_CODES if (model.zone == z).any()] or ["new"]
    model.curves = {}
    u = model.bld["usable"]
    if need_windows:
        model.n_windows = np.zeros(len(model.zone), int)
        model.n_fail = np.zeros(len(model.zone), int)
        if per_building:
            nb = len(model.b_local)
            model.b_windows, model.b_fail = np.zeros(nb, int), np.zeros(nb, int)
            b_zone = _building_zones(model)
    for k, z in enumerate(present):
        std = model.rules[z].standard
        dec, rules = _day_settings(st, std)
        if z != "new" or std != st.standard:
            feedback.pushInfo(tr("Zone {zone}: {standard}, concentrated green {mp:g} m²/person").format(
                zone=tr(ZONE_NAMES[z]), standard=std.label, mp=model.rules[z].mp))
        if std == st.standard and getattr(model, "curve", None) is not None:
            model.curves[z] = model.curve
        else:
            model.curves[z] = density_curve(fr.lat0, dec, std.window, rules, std.hours, model.layout, cache_dir=cache_dir,
                                            is_canceled=feedback.isCanceled)
        check_canceled(feedback)
        if need_windows:
            feedback.setProgressText(tr("Window sunlight of every residential building"))
            mine = model.zone == z
            parcels = np.where(mine, model.p_local, None)
            counts = parcel_window_compliance(
                parcels, np.where(u, model.b_local, None), model.bld["height"], model.bld["base"], model.bld["residential"],
                fr.lat0, dec, std.window, rules, std.hours, spacing=window_spacing, sill=model.sill,
                progress=lambda f, k=k: feedback.setProgress(40 + 30 * (k + f) / len(present)), is_canceled=feedback.isCanceled,
                per_building=per_building)
            check_canceled(feedback)
            cnt, fails = counts[:2]
            model.n_windows[mine] = cnt[mine]
            model.n_fail[mine] = fails[mine]
            if per_building:
                theirs = b_zone == z
                model.b_windows[theirs] = counts[2][theirs]
                model.b_fail[theirs] = counts[3][theirs]
    if "new" not in model.curves:
        model.curves["new"] = model.curve
    # orientation of residential buildings and the east-west parcels
    threshold = alg.parameterAsDouble(parameters, "EW_ANGLE", context)
    share_limit = alg.parameterAsDouble(parameters, "EW_SHARE", context) / 100.0
    if not 0.0 < threshold < 90.0:
        raise SunSpaceError("The east-west angle must lie between 0 and 90 degrees, got {value}.", value=threshold)
    b = np.where(u, model.b_local, None)
    model.fa_angle = facade_angle(b)
    ew = east_west(model.fa_angle, threshold) & model.bld["residential"]
    model.ew_share = parcel_ew_share(model.p_local, b, np.where(u, model.bld["floors"], 1.0), model.bld["residential"], ew)
    model.ew_flag = np.where(np.isfinite(model.ew_share), model.ew_share > share_limit + 1e-12, False)
    if model.ew_flag.any():
        feedback.pushInfo(tr("{n} parcel(s) laid out east-west (more than {share:g} % of their floor area in buildings "
                             "turned over {angle:g}° from south): left out of the base values.").format(
            n=int(model.ew_flag.sum()), share=share_limit * 100, angle=threshold))
    return model


def zoned_floor_values(model, c):
    """floor_values with each parcel's zone curve; ``c`` per parcel (or one number)."""
    ind = model.ind
    n = len(model.zone)
    c = np.broadcast_to(np.asarray(c, float), (n,))
    out = {k: np.full(n, np.nan) for k in ("osr_sun", "osr_green", "db_max", "af_max")}
    for z, curve in model.curves.items():
        k = model.zone == z
        if not k.any():
            continue
        fv = floor_values(ind["avg_floors"][k], ind["form"][k], curve, c[k])
        for key in out:
            out[key][k] = fv[key]
    return out


def zoned_shadow(model, counted, spacing, feedback):
    """Cells of the counted green below the standard, each zone's green with its zone's standard (None if no green)."""
    import shapely

    from ..core.ground import grid_polygons, ground_sunlight
    from ..core.sunlight import prepare_obstructors

    if counted is None or counted.is_empty:
        return None
    u = model.bld["usable"]
    obs = prepare_obstructors(model.b_local[u], model.bld["base"][u], model.bld["height"][u])
    groups = {}
    for z in ZONE_CODES:
        if (model.zone == z).any():
            groups.setdefault(model.rules[z].standard, []).append(z)
    parts = []
    for k, (std, zones) in enumerate(groups.items()):
        area = counted
        if len(groups) > 1:
            mine = np.isin(model.zone, zones) & ~shapely.is_missing(model.p_local)
            area = shapely.intersection(counted, shapely.union_all(model.p_local[mine]))
            if area.is_empty:
                continue
        dec, rules = _day_settings(model.settings, std)
        grid = ground_sunlight(obs, area, spacing, 0.0, model.frame.lat0, dec, std.window, rules, std.hours,
                               progress=lambda f, k=k: feedback.setProgress(60 + 35 * (k + f) / len(groups)),
                               is_canceled=feedback.isCanceled)
        check_canceled(feedback)
        mask = np.isfinite(grid.values) & (grid.values < std.hours * 60.0 - 1e-9)
        parts.append(grid_polygons(mask, grid.x0, grid.y0, grid.spacing))
    parts = [p for p in parts if p is not None and not p.is_empty]
    return shapely.union_all(parts) if parts else None


def zoned_c(model, ep, share, m, r):
    """c = m (1 + r) MP share / EP with each parcel's MP (and ``m`` per parcel or one number)."""
    m = np.broadcast_to(np.asarray(m, float), model.mp.shape)
    return np.array([green_constant(mp, ep, share, mm, r) for mp, mm in zip(model.mp, m)], float)


def zone_fields(model):
    """Per-parcel zone outputs: ``zone`` (code), ``zone_name``, ``std_hours``, ``std_day``, ``mp``, ``ew_share``, ``ew_flag``."""
    return {
        "zone": ("string", model.zone), "zone_name": ("string", np.array([ZONE_NAMES[z] for z in model.zone])),
        "std_day": ("string", model.std_day), "std_hours": ("double", model.std_hours), "mp": ("double", model.mp),
        "ew_share": ("double", model.ew_share), "ew_flag": ("int", model.ew_flag.astype(int)),
    }


def ew_ids(model):
    """Feature ids of the east-west parcels, for messages."""
    return id_list(model.parcels["ids"][model.ew_flag])
