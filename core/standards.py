"""Sunlight standards and the spacing-coefficient method (DOMAIN.md sections 1-2).

Spacing coefficient (系数法). Two long parallel east-west slabs facing south; a
window that must receive N hours centred on true noon is sunlit exactly when it
is outside the shadow at hour angle omega = 7.5 deg * N. With sun altitude h and
azimuth A from south at that hour angle::

    k(N) = cot h(omega) * cos A(omega)

and the required spacing is L = k * (H - dh), H the obstructor's height and dh
the receiver sill height above the same ground.
"""
from __future__ import annotations

import numpy as np

__all__ = ["spacing_coefficient", "ORIENTATION_REDUCTION", "orientation_factor"]


def spacing_coefficient(latitude, declination, hours):
    """Spacing coefficient k(N) for parallel east-west slabs (dimensionless).

    Parameters
    ----------
    latitude : array_like, degrees north
    declination : array_like, degrees (大寒日 about -20.2, 冬至日 -23.44)
    hours : array_like, required hours N centred on true noon (0 < N < 12)

    Returns
    -------
    numpy.ndarray
        ``cot h * cos A`` at hour angle ``7.5 * N`` degrees. ``inf`` where the
        sun is not above the horizon at that hour angle.

    Examples
    --------
    Xi'an (34.3 N) on 大寒日 (-20.2 deg), 1 h: k = 1.410, and with H = 18.18 m and
    sill 1.35 m the GB 50180-93 ratio L/H = k (H - 1.35) / H = 1.31.
    """
    phi = np.radians(np.asarray(latitude, float))
    dec = np.radians(np.asarray(declination, float))
    n = np.asarray(hours, float)
    if np.any((n <= 0) | (n >= 24)):
        raise ValueError("Required hours must lie between 0 and 24.")
    w = np.radians(7.5 * n)
    sin_h = np.sin(phi) * np.sin(dec) + np.cos(phi) * np.cos(dec) * np.cos(w)
    h = np.arcsin(np.clip(sin_h, -1, 1))
    # azimuth from south, sign-free: cos A = (sin h sin phi - sin dec) / (cos h cos phi)
    cos_a = (np.sin(h) * np.sin(phi) - np.sin(dec)) / (np.cos(h) * np.cos(phi))
    with np.errstate(divide="ignore"):
        k = np.where(sin_h > 0, np.cos(h) / np.sin(h) * np.clip(cos_a, -1, 1), np.inf)
    return k


#: GB 50180-93 table 5.0.2-2: (upper bound of |angle from due south| in degrees, factor).
ORIENTATION_REDUCTION = ((15.0, 1.0), (30.0, 0.9), (45.0, 0.8), (60.0, 0.9), (90.0, 0.95))


def orientation_factor(angle_from_south):
    """Spacing reduction factor for slabs rotated ``angle_from_south`` degrees (GB 50180-93 5.0.2-2).

    1.0 for 0-15 deg, 0.9 for 15-30, 0.8 for 30-45, 0.9 for 45-60, 0.95 beyond 60.
    A boundary angle takes the smaller-angle class (15 deg -> 1.0).
    """
    a = np.abs(np.asarray(angle_from_south, float)) % 180.0
    a = np.where(a > 90.0, 180.0 - a, a)
    bounds = np.array([b for b, _ in ORIENTATION_REDUCTION])
    factors = np.array([f for _, f in ORIENTATION_REDUCTION])
    return factors[np.minimum(np.searchsorted(bounds, a, side="left"), len(bounds) - 1)]
