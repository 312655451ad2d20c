"""Open-space control (paper 003) and concentrated-green checks, no QGIS."""
import numpy as np
import pytest
from shapely.geometry import LineString, box

from sunspace.core.capacity import DensityCurve, osr_sun
from sunspace.core.green import effective_green, green_checks
from sunspace.core.indicators import parcel_indicators
from sunspace.core.openspace import base_values, compliance_classes, floor_values, shortfall


def test_classes_and_shortfall():
    osr = np.array([1.0, 0.6, 0.3, np.nan, 0.7])
    base = np.array([0.8, 0.8, 0.8, 0.8, np.nan])
    floor = np.array([0.4, 0.4, 0.4, 0.4, 0.5])
    assert list(compliance_classes(osr, base, floor)) == ["base", "between", "below", "nodata", "between"]
    np.testing.assert_allclose(shortfall(osr, base, np.full(5, 1000.0))[:3], [0.0, 200.0, 500.0])


def test_base_values_methods():
    codes = np.array(["mid1", "mid1", "mid1", "high1", "high1"])
    osr = np.array([1.0, 2.0, 4.0, 0.5, 0.7])
    ok = np.array([True, True, True, False, False])
    assert base_values(codes, osr, ok)["mid1"] == (pytest.approx(7 / 3), 3)
    assert base_values(codes, osr, ok, "median")["mid1"] == (2.0, 3)
    assert base_values(codes, osr, ok, "percentile", 100)["mid1"] == (4.0, 3)
    b, n = base_values(codes, osr, ok)["high1"]
    assert np.isnan(b) and n == 0
    with pytest.raises(ValueError):
        base_values(codes, osr, ok, "mode")


def test_floor_value_is_osr_sun_plus_c():
    curve = DensityCurve(np.array([1.0, 40.0]), np.array([0.5, 0.05]), np.array([0.6, 0.1]))
    fv = floor_values([6.0, 6.0, np.nan], ["slab", "tower", "none"], curve, 0.077)
    np.testing.assert_allclose(fv["osr_green"][:2] - fv["osr_sun"][:2], 0.077)
    assert np.all(fv["osr_green"][:2] > fv["osr_sun"][:2])  # paper 003: OSR_green > OSR_sun
    assert fv["osr_sun"][0] == pytest.approx(float(osr_sun(6.0, curve.db(6.0, "slab"))))
    assert np.isnan(fv["osr_green"][2])


def test_class_flips_when_buildings_or_green_change():
    parcel = np.array([box(0, 0, 100, 100)], dtype=object)
    slabs = [box(10, 10, 70, 22), box(10, 60, 70, 72)]
    floor, base = 0.5, 1.0

    def cls(bl, fl):
        ind = parcel_indicators(parcel, np.array(bl, dtype=object), fl, [True] * len(bl))
        return compliance_classes(ind["osr"], [base], [floor])[0], ind["osr"][0]

    c1, o1 = cls(slabs, [6, 6])  # OSR = (10000 - 1440) / 8640 = 0.99 -> between
    assert c1 == "between" and o1 == pytest.approx(8560 / 8640)
    c2, _ = cls(slabs, [4, 4])  # fewer floors: more open space per floor area -> meets base
    assert c2 == "base"
    c3, _ = cls(slabs + [box(10, 35, 70, 47)], [12, 12, 12])  # a third, taller slab -> below floor
    assert c3 == "below"
    # green: the requirement flips with the green area
    pop = np.array([100.0])
    g_small = effective_green([box(0, 0, 9, 9)])  # narrower than 8 m? no: 9 m wide, kept (81 m2)
    assert g_small.area == pytest.approx(81.0)
    assert green_checks(parcel, g_small, None, pop)["green_area_ok"][0]  # 81 m2 >= 0.5 x 100
    assert not green_checks(parcel, g_small, None, pop * 2)["green_area_ok"][0]  # 81 < 0.5 x 200


def test_effective_green_margins_and_width():
    green = [box(0, 0, 40, 40), box(40, 18, 80, 24)]  # a 6 m wide arm does not count
    assert effective_green(green).area == pytest.approx(1600.0)
    # 1.5 m off a building wall at x = 41
    g = effective_green([box(0, 0, 40, 40)], buildings=[box(41, 0, 60, 40)])
    assert g.bounds[2] == pytest.approx(39.5)
    # a 4 m road through the middle (x = 20) and 1 m more each side: two 17 m halves remain
    g = effective_green([box(0, 0, 40, 40)], roads=[LineString([(20, -5), (20, 45)])], road_widths=[4.0])
    assert g.area == pytest.approx(2 * 17 * 40)


def test_green_checks_shadow_share():
    parcel = np.array([box(0, 0, 100, 100)], dtype=object)
    green = box(0, 0, 30, 30)
    shadow = box(0, 10, 30, 100)  # 2/3 of the green in shadow -> 1/3 sunny: passes exactly
    out = green_checks(parcel, green, shadow, np.array([100.0]))
    assert out["green_sunny_share"][0] == pytest.approx(1 / 3)
    assert out["green_sun_ok"][0] and out["green_area_ok"][0]
    out = green_checks(parcel, green, box(0, 9, 30, 100), np.array([100.0]))
    assert not out["green_sun_ok"][0]


def test_shortfall_actions_hand_computed():
    from sunspace.core.openspace import shortfall_actions

    # parcel 10 000 m², footprint 3 000 m² (open space 7 000), floor area 20 000 m², OSR 0.35, target 0.5
    # parcel 41 948 m², open space 30 000, floor area 150 000, target 1.0: needs 150 000 m² of open space
    out = shortfall_actions([0.5, 1.0, 0.3, np.nan], [10000.0, 41948.0, 10000.0, 10000.0], [7000.0, 30000.0, 7000.0, 7000.0],
                            [20000.0, 150000.0, 20000.0, 20000.0])
    assert out["gfa_allowed"][0] == pytest.approx(14000.0)          # 7000 / 0.5
    assert out["excess_gfa"][0] == pytest.approx(6000.0)            # 20000 - 14000
    assert out["os_missing"][0] == pytest.approx(3000.0)            # 0.5 * 20000 - 7000
    assert out["far_comply"][0] == pytest.approx(1.4)               # 14000 / 10000
    assert out["open_space_possible"][0]
    # more open space than the parcel holds: no open-space number, the floor area must drop
    assert not out["open_space_possible"][1] and np.isnan(out["os_missing"][1])
    assert out["excess_gfa"][1] == pytest.approx(120000.0)          # 150000 - 30000 / 1.0
    assert out["far_comply"][1] == pytest.approx(30000.0 / 41948.0)
    assert out["os_gain_max"][1] == pytest.approx(41948.0 - 30000.0)
    # already compliant: nothing missing; unknown target: NaN
    assert out["excess_gfa"][2] == 0.0 and out["os_missing"][2] == 0.0
    assert np.isnan(out["excess_gfa"][3]) and not out["open_space_possible"][3]


def test_base_value_stats_t_interval_and_provisional():
    from sunspace.core.openspace import base_value_stats

    codes = np.array(["mid1"] * 3 + ["high1"] * 6 + ["none"])
    forms = np.array(["slab", "slab", "tower"] + ["tower"] * 6 + ["none"])
    osr = np.array([1.0, 2.0, 4.0, 0.5, 0.6, 0.7, 0.8, 0.9, 9.0, 1.0])
    ok = np.array([True] * 8 + [True, True])
    ok[8] = False  # the 9.0 parcel fails the sunlight standard
    rows = {(r["code"], r["form"]): r for r in base_value_stats(codes, osr, ok, forms)}
    mid = rows[("mid1", "all")]
    assert mid["count"] == 3 and mid["mean"] == pytest.approx(7 / 3) and mid["median"] == 2.0
    assert mid["sd"] == pytest.approx(np.sqrt(7 / 3))
    half = 4.302652729911275 * np.sqrt(7 / 3) / np.sqrt(3)  # t(0.975, 2) from the table
    assert mid["ci_low"] == pytest.approx(7 / 3 - half) and mid["ci_high"] == pytest.approx(7 / 3 + half)
    assert mid["provisional"]  # 3 < 5 parcels
    high = rows[("high1", "all")]
    assert high["count"] == 5 and high["mean"] == pytest.approx(0.7) and not high["provisional"]
    assert high["p_lo"] == pytest.approx(0.6) and high["p_hi"] == pytest.approx(0.8)
    assert rows[("mid1", "slab")]["count"] == 2 and rows[("mid1", "tower")]["count"] == 1
    assert np.isnan(rows[("mid1", "tower")]["ci_low"])
    assert ("none", "all") not in rows


def test_floor_above_base_flags_category():
    from sunspace.core.openspace import floor_above_base

    flags = floor_above_base(["mid1", "mid1", "high1"], [0.512, 0.50, 0.3], [0.424, 0.424, 0.6])
    assert set(flags) == {"mid1"} and flags["mid1"] == (pytest.approx(0.512), pytest.approx(0.424))


def test_t_quantile_against_table():
    from sunspace.core.openspace import t_quantile

    # Student-t table, two-sided 95 % and 90 %
    for df, q in ((1, 12.706), (2, 4.303), (4, 2.776), (9, 2.262), (29, 2.045), (120, 1.980)):
        assert t_quantile(0.975, df) == pytest.approx(q, abs=1e-3), df
    assert t_quantile(0.95, 10) == pytest.approx(1.812, abs=1e-3)
