"""Field aliases of every SunSpace output layer: field name -> English alias (translated with tr()).

Output field names stay short, ASCII and stable (expressions, scripts, GeoPackage);
the alias is what the attribute table and forms show, in the user's language.
:func:`algorithms.compat.make_field` sets it on every output field and the style
post-processor sets it on the loaded layer (QGIS 3.22 does not keep field aliases
through a Processing sink).
"""
from ..core.errors import N_

FIELD_ALIASES = {
    # parcel indicators (core.indicators.INDICATOR_FIELDS)
    "area_m2": N_("Area, m²"),
    "fp_m2": N_("Building footprint in the parcel, m²"),
    "density": N_("Building density"),
    "gfa_m2": N_("Total floor area, m²"),
    "res_gfa_m2": N_("Residential floor area, m²"),
    "far": N_("Floor area ratio (FAR)"),
    "avg_floors": N_("Average residential floors"),
    "category": N_("Residential category"),
    "cat_code": N_("Category code"),
    "form": N_("Residential form"),
    "population": N_("Population, persons"),
    "green_m2": N_("Concentrated green in the parcel, m²"),
    "green_pp": N_("Concentrated green per person, m²"),
    "open_m2": N_("Open space, m²"),
    "osr": N_("Open-space ratio (OSR)"),
    # setbacks and spacing coefficients
    "bldg_fid": N_("Building feature id"),
    "height_m": N_("Building height, m"),
    "k": N_("Spacing coefficient k"),
    "theta": N_("Facade angle from due south, degrees"),
    "factor": N_("Orientation reduction factor"),
    "spacing_m": N_("Required sunlight spacing, m"),
    "south_fid": N_("South (obstructing) building id"),
    "north_fid": N_("North (receiving) building id"),
    "actual_m": N_("Actual spacing, m"),
    "required_m": N_("Required spacing, m"),
    "deficit_m": N_("Spacing deficit, m"),
    "passed": N_("Meets the standard (1 = yes)"),
    "hours": N_("Sunlight hours, h"),
    "day": N_("Standard day code"),
    "day_name": N_("Standard day"),
    "latitude": N_("Latitude, degrees"),
    "declination": N_("Solar declination, degrees"),
    "l_over_h": N_("Spacing-to-height ratio L/H"),
    "angle": N_("Facade angle from due south, degrees"),
    "k_reduced": N_("Spacing coefficient k after orientation reduction"),
    "l_over_h_reduced": N_("L/H after orientation reduction"),
    # window sunlight
    "floor": N_("Floor"),
    "z_m": N_("Window height above ground, m"),
    "facing": N_("Window facing azimuth, degrees from north"),
    "minutes": N_("Counted sunlight, minutes"),
    "true_solar": N_("Sunlit intervals, true solar time"),
    "beijing": N_("Sunlit intervals, Beijing time"),
    "min_before": N_("Counted sunlight before the proposal, minutes"),
    "pass_before": N_("Met the standard before the proposal (1 = yes)"),
    "pushed": N_("Pushed below the standard by the proposal (1 = yes)"),
    "n_windows": N_("Windows analysed"),
    "min_minutes": N_("Worst window, minutes of sunlight"),
    "fail_share": N_("Share of windows below the standard"),
    "n_pushed": N_("Windows pushed below the standard by the proposal"),
    "n_fail": N_("Windows below the standard"),
    # ground sunlight
    "standard": N_("Sunlight standard"),
    # open-space ratio
    "n_fail_win": N_("Windows below the sunlight standard"),
    "sun_ok": N_("Meets the sunlight standard (1 = yes)"),
    "green_ok": N_("Meets the concentrated-green requirements (1 = yes)"),
    "eligible": N_("Counts towards the base value (1 = yes)"),
    "db_max": N_("Sunlight-limited density DB_max"),
    "af_max": N_("Sunlight-limited FAR AF_max"),
    "osr_sun": N_("Sunlight open-space ratio OSR_sun"),
    "osr_floor": N_("Open-space ratio floor value"),
    "osr_base": N_("Open-space ratio base value"),
    "base_count": N_("Parcels behind the base value"),
    "meets_base": N_("Meets the base value (1 = yes)"),
    "meets_floor": N_("Meets the floor value (1 = yes)"),
    "class": N_("Compliance class"),
    "class_name": N_("Compliance class name"),
    "short_base": N_("Open space lacking to reach the base value, m²"),
    "short_floor": N_("Open space lacking to reach the floor value, m²"),
    "parcels": N_("Number of parcels"),
    "n_mean": N_("Mean average floors"),
    "osr_actual": N_("Actual open-space ratio (mean)"),
    "base_method": N_("How the base value was set"),
    "c": N_("Green-space constant c"),
    # green-space FAR cap
    "m_used": N_("Shadowed-land multiplier m used"),
    "f_max": N_("FAR cap F_max"),
    "far_ok": N_("FAR within the cap (1 = yes)"),
    "far_class": N_("FAR cap class"),
    "green_cnt": N_("Counted concentrated green, m²"),
    "green_req": N_("Required concentrated green, m²"),
    "green_sun": N_("Share of counted green outside the shadow line"),
    "green_a_ok": N_("Enough concentrated green area (1 = yes)"),
    "green_s_ok": N_("Enough green outside the shadow line (1 = yes)"),
}


def field_alias(name: str, alias: str = "") -> str:
    """The translated alias of an output field ('' for a field without one)."""
    from qgis.PyQt.QtCore import QCoreApplication

    text = alias or FIELD_ALIASES.get(name, "")
    return QCoreApplication.translate("SunSpace", text) if text else ""
