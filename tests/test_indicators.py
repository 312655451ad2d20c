"""Parcel indicators against hand-computed numbers (no QGIS)."""
import numpy as np
import pytest
from shapely.geometry import box, Polygon

from sunspace.core.indicators import INDICATOR_FIELDS, parcel_indicators


def scene():
    # Parcel A: 100 m x 80 m. Two residential slabs 40 x 10 m, 6 floors; a shop 20 x 10 m,
    # 2 floors, half in A and half in B; green 20 x 15 m in A.
    # Parcel B: 60 m x 80 m east of A. One tower 20 x 20 m, 18 floors; the other shop half.
    a = box(0, 0, 100, 80)
    b = box(100, 0, 160, 80)
    bldg = [box(10, 10, 50, 20), box(10, 50, 50, 60), box(90, 30, 110, 40), box(120, 40, 140, 60)]
    floors = [6, 6, 2, 18]
    res = [True, True, False, True]
    green = [box(60, 50, 80, 65), box(70, 50, 80, 65)]  # overlapping green counts once
    return np.array([a, b], dtype=object), np.array(bldg, dtype=object), floors, res, np.array(green, dtype=object)


def test_two_parcels_by_hand():
    p, b, f, r, g = scene()
    out = parcel_indicators(p, b, f, r, g, per_capita_floor_area=30.0)
    # Parcel A by hand: area 8000; footprint 400 + 400 + 100 = 900; floor area 2400+2400+200 = 5000;
    # residential 4800 on 800 -> n = 6; population 160; green 300 -> 1.875 m2/person;
    # open 7100; OSR 7100/5000 = 1.42.
    # Parcel B: area 4800; footprint 400 + 100 = 500; floor area 7200 + 200 = 7400; n = 18;
    # population 240; no green; open 4300; OSR 4300/7400.
    expect = {
        "area_m2": [8000, 4800], "fp_m2": [900, 500], "density": [900 / 8000, 500 / 4800],
        "gfa_m2": [5000, 7400], "res_gfa_m2": [4800, 7200], "far": [5000 / 8000, 7400 / 4800],
        "avg_floors": [6, 18], "population": [160, 240], "green_m2": [300, 0],
        "open_m2": [7100, 4300], "osr": [1.42, 4300 / 7400],
    }
    for key, values in expect.items():
        np.testing.assert_allclose(out[key], values, rtol=1e-12, err_msg=key)
    assert out["green_pp"][0] == pytest.approx(1.875)
    assert out["green_pp"][1] == 0.0
    assert list(out["cat_code"]) == ["mid1", "high1"]
    assert list(out["category"]) == ["多层Ⅰ类", "高层Ⅰ类"]
    assert list(out["form"]) == ["slab", "tower"]
    assert list(out) == list(INDICATOR_FIELDS)


def test_osr_identity():
    """OSR = (1 - DB) / FAR, DOMAIN.md section 4."""
    p, b, f, r, g = scene()
    out = parcel_indicators(p, b, f, r, g)
    np.testing.assert_allclose(out["osr"], (1 - out["density"]) / out["far"])


def test_parcel_without_residents_or_buildings():
    p = np.array([box(0, 0, 50, 50), box(100, 100, 150, 150), None], dtype=object)
    b = np.array([box(10, 10, 20, 20)], dtype=object)
    out = parcel_indicators(p, b, [3], [False])
    assert out["cat_code"][0] == "none" and out["form"][0] == "none"
    assert np.isnan(out["avg_floors"][0]) and np.isnan(out["green_pp"][0])
    assert out["osr"][0] == pytest.approx((2500 - 100) / 300)
    assert np.isnan(out["osr"][1])  # no floor area at all
    assert np.isnan(out["area_m2"][2])  # missing parcel geometry


def test_mixed_form_and_irregular_parcel():
    parcel = Polygon([(0, 0), (200, 30), (190, 180), (-10, 150)])
    slab = box(20, 40, 80, 52)  # 60 x 12 -> slab
    towers = [box(100, 60, 125, 85), box(100, 110, 125, 135)]  # 25 x 25 -> towers
    out = parcel_indicators(np.array([parcel], dtype=object), np.array([slab] + towers, dtype=object), [10, 20, 20], [True] * 3)
    # slab share of residential footprint = 720 / (720 + 1250) = 0.37 -> mixed
    assert out["form"][0] == "mixed"
    assert out["avg_floors"][0] == pytest.approx((7200 + 25000) / 1970)
    assert out["area_m2"][0] == pytest.approx(parcel.area)


def test_bad_arguments():
    p, b, f, r, g = scene()
    with pytest.raises(ValueError, match="floors"):
        parcel_indicators(p, b, [6, 6, 0, 18], r)
    with pytest.raises(ValueError, match="one value per building"):
        parcel_indicators(p, b, [6, 6], r)
    with pytest.raises(ValueError, match="Per-capita"):
        parcel_indicators(p, b, f, r, per_capita_floor_area=0)
