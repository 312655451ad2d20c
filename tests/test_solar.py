"""Solar position and time against NREL SPA (pvlib, test-only) and DOMAIN.md's worked values."""
import datetime as dt

import numpy as np
import pandas as pd
import pytest
from pvlib import spa

from sunspace.core.solar import (
    clock_to_true_solar,
    delta_t,
    hour_angle_of_altitude,
    julian_day,
    standard_day,
    sun_position,
    sun_vectors,
    true_solar_to_clock,
)


@pytest.fixture(scope="module")
def random_instants():
    rng = np.random.default_rng(20261123)
    n = 20000
    lo, hi = pd.Timestamp("1900-01-01").value, pd.Timestamp("2100-12-31").value
    t = rng.uniform(lo, hi, n).astype("int64")
    lat, lon = rng.uniform(18, 54, n), rng.uniform(73, 135, n)
    return t, lat, lon


def spa_reference(t_ns, lat, lon, dts):
    theta, theta0, e, e0, phi, eot = spa.solar_position_numpy(t_ns / 1e9, lat, lon, 0, 1013.25, 12, dts, 0, 1,
                                                              sst=False, esd=False)[:6]
    return e0, phi, eot  # topocentric elevation without refraction, azimuth (from north), EoT minutes


def test_against_nrel_spa_1900_2100(random_instants):
    t, lat, lon = random_instants
    dts = delta_t(2000 + (julian_day(t.astype("datetime64[ns]")) - 2451545.0) / 365.25)
    ours = sun_position(t.astype("datetime64[ns]"), lat, lon, dts)
    e0, az, eot = spa_reference(t, lat, lon, dts)
    up = e0 > 0
    d_alt = np.abs(ours["altitude"] - e0)[up]
    d_az = np.abs((ours["azimuth"] - az + 180) % 360 - 180)
    # altitude to 0.01 deg everywhere the sun is up
    assert d_alt.max() < 0.01
    # azimuth to 0.01 deg for altitudes up to 60 deg (every winter standard day: at 18 N the
    # 大寒 noon sun stands 52 deg high); nearer the zenith azimuth is ill-conditioned, so there
    # the angle on the sky between the two positions is bounded instead
    assert d_az[up & (e0 <= 60)].max() < 0.01
    sky = d_az * np.cos(np.radians(e0))
    assert sky[up].max() < 0.01
    assert np.abs(ours["equation_of_time"] - eot).max() < 0.05  # minutes


def test_delta_t_known_values():
    # Espenak & Meeus: 1900 -2.8 s, 1950 29.1 s, 2000 63.9 s, 2020 ~ 71.6 s (polynomial)
    np.testing.assert_allclose(delta_t([1900.0, 1950.0, 2000.0]), [-2.79, 29.07, 63.86], atol=0.01)
    assert 65 < float(delta_t(2020.0)) < 75


def test_true_solar_and_beijing_time_xian():
    """DOMAIN.md: Xi'an 大寒日 true 8:00 = Beijing 8:55 (EoT about -10.9 min)."""
    day = standard_day("大寒", 2026)["date"]
    clock = float(true_solar_to_clock(8.0, day, 108.94))
    assert clock * 60 == pytest.approx(8 * 60 + 55, abs=1.5)
    assert float(clock_to_true_solar(clock, day, 108.94)) == pytest.approx(8.0, abs=1e-6)


@pytest.mark.parametrize("year, term, month, day", [(2026, "大寒", 1, 20), (2025, "冬至", 12, 21), (2024, "冬至", 12, 21),
                                                    (2023, "大寒", 1, 20), (2000, "冬至", 12, 21)])
def test_standard_days_match_calendar(year, term, month, day):
    """Chinese calendar dates (Beijing time) of 大寒 and 冬至."""
    got = standard_day(term, year)
    assert got["date"] == dt.date(year, month, day)
    lam_target = 300.0 if term == "大寒" else 270.0
    dec_expected = np.degrees(np.arcsin(np.sin(np.radians(23.436)) * np.sin(np.radians(lam_target))))
    assert got["declination"] == pytest.approx(dec_expected, abs=0.01)


def test_standard_day_bad_term():
    with pytest.raises(ValueError, match="Unknown solar term"):
        standard_day("立春", 2026)


def test_sun_vectors_match_domain_formulas():
    """sin h = sin phi sin dec + cos phi cos dec cos w ; cos A = (sin h sin phi - sin dec) / (cos h cos phi)."""
    lat, dec = 34.3, -20.2
    w = np.linspace(-60, 60, 13)
    s = sun_vectors(lat, dec, w)
    phi, d, wr = np.radians(lat), np.radians(dec), np.radians(w)
    sin_h = np.sin(phi) * np.sin(d) + np.cos(phi) * np.cos(d) * np.cos(wr)
    np.testing.assert_allclose(s[:, 2], sin_h)
    h = np.arcsin(sin_h)
    cos_a = (sin_h * np.sin(phi) - np.sin(d)) / (np.cos(h) * np.cos(phi))
    np.testing.assert_allclose(-s[:, 1] / np.cos(h), cos_a, atol=1e-12)
    np.testing.assert_allclose(np.linalg.norm(s, axis=1), 1.0)
    assert hour_angle_of_altitude(lat, dec, float(np.degrees(h[4]))) == pytest.approx(abs(w[4]))
