"""Setback zones, spacing checks and ground grids (core, no QGIS)."""
import math

import numpy as np
import pytest
from shapely import affinity
from shapely.geometry import box

from sunspace.core.ground import ground_sunlight, grid_polygons, isochrones
from sunspace.core.setbacks import building_orientation, coefficient_zones, exact_zones, spacing_checks
from sunspace.core.standards import CountingRules, spacing_coefficient
from sunspace.core.sunlight import prepare_obstructors

LAT, DEC = 34.3, -20.2


def test_orientation_of_rotated_slabs():
    slab = box(0, 0, 60, 12)
    angles = [0, 10, 25, 40, 55, 80, 90, -20]
    got = building_orientation([affinity.rotate(slab, a) for a in angles])
    np.testing.assert_allclose(got, [0, 10, 25, 40, 55, 80, 90, 20], atol=1e-9)


def test_coefficient_zone_is_the_swept_rectangle():
    H = 30.0
    k = float(spacing_coefficient(LAT, DEC, 2.0))
    L = k * (H - 0.9)
    cz = coefficient_zones([box(0, 0, 60, 12)], [H], LAT, DEC, 2.0)
    assert cz["spacing"][0] == pytest.approx(L)
    assert cz["zone"][0].area == pytest.approx(60 * L)
    assert cz["zone"][0].bounds == pytest.approx((0, 12, 60, 12 + L))
    # turned 20 degrees: the 0.9 reduction of GB 50180-93
    cz2 = coefficient_zones([affinity.rotate(box(0, 0, 60, 12), 20)], [H], LAT, DEC, 2.0)
    assert cz2["factor"][0] == 0.9 and cz2["spacing"][0] == pytest.approx(0.9 * L)


def test_spacing_checks_pass_fail_and_hidden_buildings():
    H = 30.0
    L = float(spacing_coefficient(LAT, DEC, 2.0)) * (H - 0.9)
    a = box(0, 0, 60, 12)
    b = box(0, 12 + L, 60, 24 + L)  # exactly at L: passes
    c = box(0, 24 + 2 * L - 2, 60, 36 + 2 * L - 2)  # 2 m short: fails, and hides `a` from it
    out = spacing_checks([a, b, c], [H, H, H], [True, True, True], LAT, DEC, 2.0)
    pairs = {(int(s), int(n)): (act, req, ok) for s, n, act, req, ok in
             zip(out["south"], out["north"], out["actual"], out["required"], out["passed"])}
    assert set(pairs) == {(0, 1), (1, 2)}
    assert pairs[(0, 1)][0] == pytest.approx(L) and pairs[(0, 1)][2]
    assert pairs[(1, 2)][0] == pytest.approx(L - 2) and not pairs[(1, 2)][2]
    assert out["deficit"][list(zip(out["south"], out["north"])).index((1, 2))] == pytest.approx(2.0)


def test_grid_polygons_area_and_isochrones_nest():
    mask = np.zeros((5, 7), bool)
    mask[1:3, 2:6] = True
    mask[4, 0] = True
    g = grid_polygons(mask, 100.0, 200.0, 2.0)
    assert g.area == pytest.approx(mask.sum() * 4.0)
    assert g.bounds == pytest.approx((100.0, 200.0 + 2.0, 100.0 + 12.0, 200.0 + 10.0))


def test_ground_open_sky_and_wall_shadow():
    obs = prepare_obstructors([box(0, 0, 100, 10)], [0.0], [20.0])
    grid = ground_sunlight(obs, (-20.0, -40.0, 120.0, 120.0), 2.0, 0.0, LAT, DEC, (8.0, 16.0),
                           CountingRules(step_minutes=None), 2.0)
    v = grid.values
    assert np.nanmax(v) == pytest.approx(480.0, abs=1e-6)  # open ground south of the block
    X, Y = grid.centres()
    inside = (X > 0) & (X < 100) & (Y > 0) & (Y < 10)
    assert np.all(np.isnan(v[inside]))
    # a point just north of the middle of the wall, within the noon shadow, gets no sun at noon:
    # the noon shadow reaches (H) * cot(h_noon), h_noon = 90 - 34.3 - 20.2
    reach = 20.0 / math.tan(math.radians(90 - LAT + DEC))
    j = np.argmin(np.abs(X[0] - 50.0))
    near = np.flatnonzero((Y[:, j] > 10) & (Y[:, j] < 10 + reach - 2))
    assert np.all(v[near, j] < 480)
    polys = isochrones(grid, [1, 2, 3])
    assert polys[0].area <= polys[1].area <= polys[2].area and polys[2].area > 0


def test_exact_zone_within_coefficient_zone_for_a_long_slab():
    """For a long slab the exact 2-hour zone reaches about k (H - sill) north, never farther than the coefficient zone."""
    H = 24.0
    slab = box(-150, 0, 150, 12)
    ez = exact_zones([slab], [H], LAT, DEC, (8.0, 16.0), CountingRules(step_minutes=None), 2.0, resolution=1.0)[0]
    cz = coefficient_zones([slab], [H], LAT, DEC, 2.0)
    L = cz["spacing"][0]
    north_mid = ez.intersection(box(-1, 0, 1, 500)).bounds[3]
    assert north_mid == pytest.approx(12 + L, abs=1.5)
    assert ez.difference(cz["zone"][0].buffer(1.0)).area < 1.0
