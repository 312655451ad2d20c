"""Spacing coefficients against GB 50180-93 values quoted in DOMAIN.md section 2."""
import numpy as np
import pytest

from sunspace.core.standards import orientation_factor, spacing_coefficient


@pytest.mark.parametrize("lat, ratio", [(34 + 18 / 60, 1.31), (39 + 57 / 60, 1.63)])
def test_gb50180_93_ratio(lat, ratio):
    """L/H = k (H - 1.35) / H with H = 18.18 m, 大寒日, 1 h (Xi'an 1.31, Beijing 1.63)."""
    k = spacing_coefficient(lat, -20.2, 1.0)
    assert k * (18.18 - 1.35) / 18.18 == pytest.approx(ratio, abs=0.01)


def test_equator_equinox_is_analytic():
    """At the equator on an equinox the sun crosses the sky in the east-west plane: cos A = 0, k = 0."""
    assert spacing_coefficient(0.0, 0.0, 2.0) == pytest.approx(0.0, abs=1e-12)


def test_more_hours_need_more_spacing_and_night_is_infinite():
    k = spacing_coefficient(34.0, -20.2, np.array([1, 2, 3, 4]))
    assert np.all(np.diff(k) > 0)
    assert np.isinf(spacing_coefficient(60.0, -23.44, 10.0))
    with pytest.raises(ValueError):
        spacing_coefficient(34.0, -20.2, 0)


@pytest.mark.parametrize("angle, factor", [(0, 1.0), (15, 1.0), (20, 0.9), (-40, 0.8), (50, 0.9), (75, 0.95), (170, 1.0)])
def test_orientation_factor(angle, factor):
    assert orientation_factor(angle) == factor
