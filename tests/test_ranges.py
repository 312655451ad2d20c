"""Indicator ranges from the OSR (core.ranges), zones (core.zones) and facade orientation (core.orientation)."""
import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from sunspace.core.capacity import far_cap, osr_sun
from sunspace.core.orientation import east_west, facade_angle, parcel_ew_share
from sunspace.core.ranges import category_floors, db_cap, far_cap_osr, floors_cap, max_floors, osr_of, value_ranges
from sunspace.core.standards import gb50180_standard
from sunspace.core.zones import parse_values, zone_codes, zone_rules

OSR = st.floats(min_value=0.01, max_value=20.0)
FLOORS = st.floats(min_value=1.0, max_value=60.0)


@settings(max_examples=300, deadline=None)
@given(f=OSR, n=FLOORS)
def test_caps_reproduce_the_osr(f, n):
    db = float(db_cap(f, n))
    far = float(far_cap_osr(f, n))
    # substituted back, both caps give the OSR exactly (the definition, not the cap formula)
    assert (1.0 - db) / (n * db) == pytest.approx(f, rel=1e-9)
    assert far == pytest.approx(n * db, rel=1e-12)
    assert (1.0 - far / n) / far == pytest.approx(f, rel=1e-9)
    assert float(osr_of(db, n)) == pytest.approx(f, rel=1e-9)
    assert float(floors_cap(f, db)) == pytest.approx(n, rel=1e-9)
    # a bit denser breaks the OSR
    assert float(osr_of(db * 1.001, n)) < f


@settings(max_examples=200, deadline=None)
@given(n=FLOORS, dbmax=st.floats(min_value=0.02, max_value=0.95), c=st.floats(min_value=0.0, max_value=1.0))
def test_floor_value_far_cap_is_paper_004_cap(n, dbmax, c):
    floor = float(osr_sun(n, dbmax)) + c
    if floor <= 0:
        return
    assert float(far_cap_osr(floor, n)) == pytest.approx(float(far_cap(n * dbmax, c)), rel=1e-9)


def test_value_ranges_and_numbers():
    # f = 0.5 over 4-6 floors: DB caps 1/3 .. 1/4, FAR caps 4/3 .. 1.5 (hand computed)
    r = value_ranges([4, 5, 6], 0.5)
    assert r["db_hi"] == pytest.approx(1 / 3) and r["db_lo"] == pytest.approx(0.25)
    assert r["far_lo"] == pytest.approx(4 / 3) and r["far_hi"] == pytest.approx(1.5)
    assert category_floors("mid1") == (4, 6) and category_floors("high3", 33) == (27, 33)
    with pytest.raises(ValueError):
        category_floors("none")
    # density 0.25 and f = 0.5: (1 - 0.25) / (0.25 * 0.5) = 6 floors
    assert max_floors(0.25, lambda ns: np.full(len(ns), 0.5), 30) == pytest.approx(6.0)
    assert max_floors(0.9, lambda ns: np.full(len(ns), 0.5), 30) == 0.0


def test_zones():
    assert list(zone_codes(["A", "B", None, "C", 2.0], ["B", "2"], ["C"])) == ["new", "old", "new", "historic", "old"]
    assert parse_values("老城, 旧区；2") == ["老城", "旧区", "2"]
    with pytest.raises(ValueError, match="both"):
        zone_codes(["x"], ["x"], ["x"])
    rules = zone_rules(gb50180_standard("II", True))
    assert rules["new"].standard.hours == 2.0 and rules["new"].mp == 0.5
    assert rules["old"].standard.hours == 1.0 and rules["old"].standard.day == "dahan" and rules["old"].mp == 0.35
    assert rules["historic"].standard == rules["old"].standard
    # the renewal rule never tightens a looser new-area standard
    loose = zone_rules(gb50180_standard("II", True).__class__("dahan", 0.5, (8.0, 16.0), "x"))
    assert loose["old"].standard.hours == 0.5


def test_orientation():
    south = shapely.box(0, 0, 60, 12)          # east-west slab, faces south
    ew = shapely.box(100, 0, 112, 60)          # north-south slab, faces east and west
    rotated = shapely.affinity.rotate(shapely.box(0, 100, 60, 112), 30)
    tower = shapely.box(200, 0, 226, 22)  # longest facade east-west
    ang = facade_angle([south, ew, rotated, None, tower])
    assert ang[0] == pytest.approx(0.0, abs=1e-6) and ang[1] == pytest.approx(90.0, abs=1e-6)
    assert ang[2] == pytest.approx(30.0, abs=1e-6) and np.isnan(ang[3])
    assert list(east_west(ang, 45.0)) == [False, True, False, False, False]
    parcel = shapely.box(-10, -10, 120, 70)
    share = parcel_ew_share([parcel, shapely.box(500, 500, 510, 510)], [south, ew], [10, 30], [True, True],
                            [False, True])
    assert share[0] == pytest.approx(720 * 30 / (720 * 30 + 720 * 10)) and np.isnan(share[1])


def test_square_tower_is_never_east_west():
    """A square point tower has no main facade: one facade always turns at most 45 degrees from south."""
    import shapely as _s

    from sunspace.core.orientation import east_west, facade_angle

    sq = _s.affinity.rotate(_s.box(0, 0, 22, 22), 82.5, origin="centroid")
    slab_ns = _s.affinity.rotate(_s.box(0, 0, 60, 12), 82.5, origin="centroid")
    ang = facade_angle([sq, slab_ns])
    assert ang[0] == pytest.approx(7.5, abs=1e-6) and ang[1] == pytest.approx(82.5, abs=1e-6)
    assert list(east_west(ang)) == [False, True]
