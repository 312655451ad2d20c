"""Per-parameter help, number decimals and field defaults, keyed by parameter name, in one table.

``SunSpaceAlgorithm.addParameter`` applies them to every parameter of every tool, so the
tools' ``initAlgorithm`` code stays as it is. Help texts are English source strings (tr() at
use; the Chinese is in i18n/sunspace_zh_CN.ts) naming the unit, the range and the clause
the value comes from.
"""
from ..core.errors import N_

# name -> help (English; translated with tr() where it is applied)
HELP = {
    "BUILDINGS": N_("Building footprints (polygons). Every building casts shadows; with 'selected features only' the "
                    "selection picks the buildings evaluated."),
    "PARCELS": N_("Residential parcels (polygons). Areas are ground square metres whatever the layer's CRS."),
    "GREEN": N_("Concentrated green space polygons, GB 50180-2018 4.0.7: at least 0.50 m² per person in new "
                "areas (0.35 in old-area renewal), one third of it outside the standard shadow line."),
    "FLOORS_FIELD": N_("Number of floors above ground (whole numbers, 1-200). Left empty with no height field either, a "
                       "field named floors, floor, 层数, storeys or levels is used. One rule in every SunSpace tool: a "
                       "floors field gives the floors; a height field gives the height; with only a height H, floors = "
                       "max(1, round(H / floor height)); with only floors f, height = f × floor height."),
    "HEIGHT_FIELD": N_("Building height above its base, metres (0-1000). Left empty with no floors field either, a field "
                       "named height, 高度, H or building_h is used. One rule in every SunSpace tool: with only a height H, "
                       "floors = max(1, round(H / floor height)), so a 10.6 m building with 3 m floors has 4 floors; with "
                       "only floors f, height = f × floor height."),
    "FLOOR_HEIGHT": N_("Storey height, metres (1-10; 3.0 for housing). Turns floors into heights and heights into floors "
                       "(floors = max(1, round(H / floor height)))."),
    "BASE_FIELD": N_("Elevation of the building's base above the site datum, metres (empty = 0 for every building)."),
    "RESIDENTIAL": N_("QGIS expression true for residential buildings, e.g. \"use\" = 'residential'. When it is empty, "
                      "a field named use, 用途 or landuse holding 'residential' or '住宅' is used (and the log says so); "
                      "without such a field every building is residential. Type true to count every building."),
    "SILL": N_("Height of the window sill above the floor, metres (0-3). GB 50180-2018 4.0.9 counts sunlight on the "
               "ground-floor window sill, 0.9 m above the indoor floor."),
    "STANDARD": N_("The sunlight standard of GB 50180-2018 table 4.0.9 (by climate zone and city size) or its special "
                   "rules (elderly housing: Winter Solstice day ≥ 2 h; new homes in old-area renewal: Great Cold day ≥ 1 h). Xi'an: zone II, "
                   "large city: Great Cold day ≥ 2 h within 8-16 h true solar time."),
    "DAY": N_("Standard day of a custom standard: Great Cold day (about 20 January) or Winter Solstice day ("
              "about 22 December), GB 50180-2018 4.0.9."),
    "HOURS": N_("Required hours of direct sun of a custom standard, hours (0.1-12); GB 50180-2018 4.0.9 uses 1, 2 or 3 h."),
    "WINDOW_START": N_("Start of the effective sunlight window, local true solar time, hours (0-24); 8 on the Great Cold day, 9 on "
                       "the Winter Solstice day (GB 50180-2018 4.0.9)."),
    "WINDOW_END": N_("End of the effective sunlight window, local true solar time, hours (0-24); 16 on the Great Cold day, 15 on "
                     "the Winter Solstice day (GB 50180-2018 4.0.9)."),
    "YEAR": N_("Year whose Great Cold day / Winter Solstice day is used (1900-2100; the current year by default). The solar declination "
               "of the day changes slightly from year to year."),
    "DECLINATION": N_("Solar declination, degrees (-23.5 to 23.5), to reproduce a calculation made with a fixed value "
                      "(e.g. -20.2° for the Great Cold day, -23.45° for the Winter Solstice day); empty = from the year."),
    "RULES": N_("How sunlit minutes are counted: the national rule, or a city's planning regulations (Beijing, "
                "Hangzhou, Shanghai, Qingdao), or the custom knobs."),
    "STEP": N_("Time step of the sunlight count, minutes (0-60; 0 = exact segments)."),
    "MIN_SEGMENT": N_("Sunlit segments shorter than this are not counted, minutes (Beijing: 5 on the Great Cold day, 30 on the Winter Solstice day)."),
    "LONGEST": N_("Count only the N longest sunlit segments (0 = all; Hangzhou: 2)."),
    "CONTINUOUS": N_("Require the standard hours in one continuous segment (Shanghai)."),
    "SWEEP": N_("Sun rays within this angle of the facade plane are not counted, degrees (0-89; Beijing: 12)."),
    "MIN_ALTITUDE": N_("Sun below this altitude is not counted, degrees (0-89; Qingdao: 15)."),
    "PER_CAPITA": N_("Residential floor area per person EP, m² per person (≥ 1; 30 in the papers); population = "
                     "residential floor area / EP."),
    "TOWER_ASPECT": N_("A footprint whose length / width is below this counts as a point tower, otherwise a "
                       "slab; ratio, 1.01-20."),
    "MP": N_("Concentrated green per person MP, m² per person: 0.50 in new areas, 0.35 in old-area renewal (GB "
             "50180-2018 4.0.7)."),
    "SHARE": N_("Share of the concentrated green that must lie outside the standard shadow line (GB 50180-2018 4.0.7: "
                "at least 1/3), 0-1."),
    "M": N_("Shadowed-land multiplier m: land needed per m² of sunlit green (about 12 in the papers), ratio ≥ 0."),
    "R": N_("Share of estate roads r in the parcel (0.15 in the papers), 0-1."),
    "PERCENTILE": N_("Percentile of the compliant parcels' OSR used as the base value, 0-100 (50 = median)."),
    "AF_FLOORS": N_("Average floors n for the given-form AF_max, floors (≥ 1)."),
    "AF_DENSITY": N_("Building density DB for the given-form AF_max, 0-1 (footprint / parcel area)."),
    "SPACING": N_("Spacing of the sample points or grid cells, metres (> 0; smaller is finer and slower)."),
    "WINDOW_SPACING": N_("Spacing of the window sample points on facades, metres (≥ 0.2)."),
    "SHADOW_SPACING": N_("Grid spacing of the standard shadow line on the green, metres (≥ 0.2)."),
    "RESOLUTION": N_("Grid spacing of the exact setback zones, metres (≥ 0.1)."),
    "HEIGHT": N_("Height of the analysis surface above the ground, metres (0 = the ground; 0.9 = a ground-floor sill)."),
    "ISO_HOURS": N_("Hours of the isochrones, comma-separated (each between 0 and 24), e.g. 1,2,3."),
    "H_REF": N_("Reference building height H for L/H, metres; GB 50180-93 tabulated k with H = 18.18 m."),
    "SILL_REF": N_("Reference sill height for L/H, metres; GB 50180-93 used 1.35 m."),
    "FACADE_ANGLE": N_("Angle of the main facade from due south, degrees (-90 to 90); orientation reduction of GB "
                       "50180-93 table 5.0.2-2."),
    "LATITUDE": N_("Latitude, degrees north (0-60), when no layer or point is given."),
    "OUTPUT_RASTER": N_("Sunlight hours raster; the format follows the file extension (.tif, .img, .asc, ...), in the "
                        "buildings layer's CRS."),
}

# name -> decimals shown in the number widget (every other double parameter: 2)
DECIMALS = {"DECLINATION": 3, "SHARE": 3, "AF_DENSITY": 3, "TOWER_ASPECT": 2, "PERCENTILE": 1, "STEP": 1, "MIN_SEGMENT": 1,
            "FACADE_ANGLE": 1, "SWEEP": 1, "MIN_ALTITUDE": 1, "LATITUDE": 4}
DEFAULT_DECIMALS = 2

# field parameter -> field name the dialog pre-selects when the layer has it (runs without the parameter
# recognise the other usual names too, see core.detect)
FIELD_DEFAULTS = {"FLOORS_FIELD": "floors", "HEIGHT_FIELD": "height"}
