"""Sunlight-limited density and the paper 004 FAR cap, against the papers' numbers and analytic cases."""
import os

import numpy as np
import pytest

from sunspace.core.capacity import (
    DensityCurve, Layout, cluster_capacity, db_max, density_curve, far_cap, green_constant, measured_m, osr_sun,
)
from sunspace.core.standards import CountingRules, spacing_coefficient

LAT, DEC, WIN = 34.22, -20.15, (8.0, 16.0)
RULES = CountingRules()


def test_paper_004_worked_numbers():
    c = green_constant()  # MP 0.5, EP 30, share 1/3, m 12, r 0.15
    assert c == pytest.approx(13.8 * 0.5 / 90)
    assert c == pytest.approx(0.077, abs=5e-4)
    assert float(far_cap(7.00, c)) == pytest.approx(4.55, abs=0.01)  # AF_max 7.00 (35 floors x 20 %) -> F_max 4.55
    f = float(far_cap(7.00, 0.077))  # the paper rounds c to 0.077 before F_max = 4.55
    pop, green = cluster_capacity(round(f, 2), np.array([40_000.0, 60_000.0]))
    np.testing.assert_allclose(pop, [6067, 9100], atol=1)
    np.testing.assert_allclose(green, [3033, 4550], atol=1)
    pop, green = cluster_capacity(3.5, np.array([40_000.0, 60_000.0]))
    np.testing.assert_allclose(pop, [4667, 7000], atol=1)
    np.testing.assert_allclose(green, [2333, 3500], atol=1)
    with pytest.raises(ValueError):
        green_constant(mp=0)


def test_osr_sun_identity():
    n, db = np.array([6.0, 18.0, 33.0]), np.array([0.27, 0.11, 0.065])
    np.testing.assert_allclose(osr_sun(n, db), 1 / (n * db) - 1 / n)
    np.testing.assert_allclose(osr_sun(n, db), (1 - db) / (n * db))


@pytest.mark.parametrize("floors", [6, 18])
def test_slab_rows_match_the_spacing_coefficient(floors):
    """Long slab rows need about k(N) (H - sill) between rows; DB_max follows analytically."""
    lay = Layout()
    got = db_max(floors, "slab", LAT, DEC, WIN, RULES, 2.0, lay)
    k = float(spacing_coefficient(LAT, DEC, 2.0))
    S = k * (floors * lay.floor_height - lay.sill)
    assert got["dy"] == pytest.approx(S, rel=0.02)
    ideal = lay.slab_length * lay.slab_depth / ((lay.slab_length + lay.slab_gap) * (lay.slab_depth + S))
    assert got["db_max"] == pytest.approx(ideal, rel=0.02)


def test_floor_values_fall_as_floors_rise_and_cache(tmp_path):
    floors = (3, 9, 18, 33)
    curve = density_curve(LAT, DEC, WIN, RULES, 2.0, Layout(), floors=floors, cache_dir=str(tmp_path))
    for form in ("slab", "tower"):
        db = curve.db(np.array(floors, float), form)
        osr = osr_sun(np.array(floors, float), db)
        assert np.all(np.diff(osr) < 0), form  # paper 003: both values fall as n rises
    # point towers let the sun through their gaps: denser than slab rows at the same height
    assert np.all(curve.tower[1:] > curve.slab[1:])
    files = os.listdir(tmp_path)
    assert len(files) == 1 and files[0].startswith("dbmax-")
    again = density_curve(LAT, DEC, WIN, RULES, 2.0, Layout(), floors=floors, cache_dir=str(tmp_path))
    np.testing.assert_array_equal(again.slab, curve.slab)


def test_curve_interpolates_and_mixes():
    c = DensityCurve(np.array([3.0, 9.0]), np.array([0.4, 0.2]), np.array([0.5, 0.3]))
    # 1/DB is interpolated: 1 / ((2.5 + 5) / 2)
    assert c.db(6.0, "slab") == pytest.approx(1 / 3.75)
    assert c.db(6.0, "mixed") == pytest.approx(0.5 * (1 / 3.75 + 1 / ((2 + 10 / 3) / 2)))


def test_measured_m_is_large_where_the_layout_is_dense():
    m = measured_m(18, "slab", LAT, DEC, WIN, RULES, 2.0, spacing=2.0)
    assert 1.0 < m <= 100.0
