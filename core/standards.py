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

from .errors import SunSpaceError
from .sunlight import check_latitude

__all__ = [
    "spacing_coefficient", "ORIENTATION_REDUCTION", "orientation_factor", "STANDARD_DAYS", "SunlightStandard",
    "gb50180_standard", "CountingRules", "counting_rules",
]


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

    Raises
    ------
    SunSpaceError
        for a latitude south of the equator (SunSpace supports 0 deg to 66 deg N, see
        :func:`sunspace.core.sunlight.check_latitude`), a non-finite declination, or a day
        on which the sun stands north of the east-west line at hour angle ``7.5 * N``
        (the method assumes winter sun to the south): never a negative or NaN ``k``.

    Examples
    --------
    Xi'an (34.3 N) on 大寒日 (-20.2 deg), 1 h: k = 1.410, and with H = 18.18 m and
    sill 1.35 m the GB 50180-93 ratio L/H = k (H - 1.35) / H = 1.31.
    """
    lat_deg = np.asarray(latitude, float)
    dec_deg = np.asarray(declination, float)
    for v in np.unique(lat_deg[~(lat_deg >= 0.0)]) if np.any(~(lat_deg >= 0.0)) else ():
        check_latitude(v)
    if np.any(~np.isfinite(dec_deg)):
        raise SunSpaceError("The declination must be a finite number of degrees, got {declination}.",
                            declination=declination)
    phi = np.radians(lat_deg)
    dec = np.radians(dec_deg)
    n = np.asarray(hours, float)
    if np.any(~((n > 0) & (n < 24))):
        raise SunSpaceError("Required hours must lie between 0 and 24, got {hours}.", hours=hours)
    w = np.radians(7.5 * n)
    sin_h = np.sin(phi) * np.sin(dec) + np.cos(phi) * np.cos(dec) * np.cos(w)
    h = np.arcsin(np.clip(sin_h, -1, 1))
    # azimuth from south, sign-free: cos A = (sin h sin phi - sin dec) / (cos h cos phi)
    cos_a = (np.sin(h) * np.sin(phi) - np.sin(dec)) / (np.cos(h) * np.cos(phi))
    with np.errstate(divide="ignore"):
        k = np.where(sin_h > 0, np.cos(h) / np.sin(h) * np.clip(cos_a, -1, 1), np.inf)
    bad = np.isnan(k) | (k < 0)
    if np.any(bad):
        j = np.unravel_index(np.flatnonzero(bad.ravel())[0], bad.shape) if bad.ndim else ()
        lat_b = float(np.broadcast_to(lat_deg, bad.shape)[j])
        dec_b = float(np.broadcast_to(dec_deg, bad.shape)[j])
        n_b = float(np.broadcast_to(n, bad.shape)[j])
        raise SunSpaceError("At latitude {latitude:.2f}°N with declination {declination:.2f}° the sun stands north of "
                            "the east-west line {hours:g} h around noon: the spacing-coefficient method (winter sun to "
                            "the south) does not apply.", latitude=lat_b, declination=dec_b, hours=n_b)
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


# ---------------------------------------------------------------------------
# GB 50180-2018 clause 4.0.9 and the local counting rules (DOMAIN.md section 1)
# ---------------------------------------------------------------------------
from dataclasses import dataclass, replace  # noqa: E402

#: Standard days: code -> (Chinese name, solar term used by core.solar.standard_day)
STANDARD_DAYS = {"dahan": "大寒", "dongzhi": "冬至"}


@dataclass(frozen=True)
class SunlightStandard:
    """What must be achieved: ``hours`` of sun on the standard ``day`` inside a true-solar-time window."""

    day: str  # "dahan" (大寒日) or "dongzhi" (冬至日)
    hours: float
    window: tuple  # (start, end) in hours of true solar time
    label: str = ""

    def __post_init__(self):
        if self.day not in STANDARD_DAYS:
            raise ValueError(f"Standard day must be one of {sorted(STANDARD_DAYS)}, got {self.day!r}.")
        start, end = self.window
        if not (0 <= start < end <= 24):
            raise ValueError(f"Effective window must satisfy 0 <= start < end <= 24 h, got {self.window}.")
        if not (0 < self.hours <= end - start):
            raise ValueError(f"Required hours {self.hours} must be positive and fit in the window {self.window}.")


def gb50180_standard(climate_zone: str, large_city: bool = True, special: str = "") -> SunlightStandard:
    """The GB 50180-2018 table 4.0.9 standard for a climate zone and city size, or a special rule.

    Parameters
    ----------
    climate_zone : str
        Building climate zone I-VII (``"II"``, ``"IV"``, ...; Arabic digits accepted).
    large_city : bool
        City population of 500 000 or more (the table's 大城市 column).
    special : str
        ``"elderly"`` (老年人居住建筑: >= 2 h on 冬至日) or ``"renewal"`` (旧区改建新建住宅:
        >= 1 h on 大寒日); empty for the table.

    Examples
    --------
    Xi'an (zone II, large city): 大寒日 2 h, 8:00-16:00.
    """
    if special == "elderly":
        return SunlightStandard("dongzhi", 2.0, (9.0, 15.0), "GB 50180-2018 4.0.9: 老年人居住建筑 冬至日 ≥ 2 h")
    if special == "renewal":
        return SunlightStandard("dahan", 1.0, (8.0, 16.0), "GB 50180-2018 4.0.9: 旧区改建 大寒日 ≥ 1 h")
    if special:
        raise ValueError(f"Unknown special rule {special!r}; use 'elderly' or 'renewal'.")
    roman = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V", "6": "VI", "7": "VII"}
    zone = roman.get(str(climate_zone).strip(), str(climate_zone).strip().upper())
    size = "≥ 50万" if large_city else "< 50万"
    if zone in ("I", "II", "III", "VII"):
        hours = 2.0 if large_city else 3.0
        return SunlightStandard("dahan", hours, (8.0, 16.0), f"GB 50180-2018 4.0.9: {zone}区 {size} 大寒日 ≥ {hours:g} h")
    if zone == "IV":
        if large_city:
            return SunlightStandard("dahan", 3.0, (8.0, 16.0), f"GB 50180-2018 4.0.9: IV区 {size} 大寒日 ≥ 3 h")
        return SunlightStandard("dongzhi", 1.0, (9.0, 15.0), f"GB 50180-2018 4.0.9: IV区 {size} 冬至日 ≥ 1 h")
    if zone in ("V", "VI"):
        return SunlightStandard("dongzhi", 1.0, (9.0, 15.0), f"GB 50180-2018 4.0.9: {zone}区 冬至日 ≥ 1 h")
    raise ValueError(f"Unknown building climate zone {climate_zone!r}; use I to VII.")


@dataclass(frozen=True)
class CountingRules:
    """How sunlit time is counted (城市规划管理技术规定). Every field can be set by hand.

    Attributes
    ----------
    step_minutes : float or None
        Time step; each step counts when the sun reaches the window at its middle.
        ``None`` counts exact intervals (exact transitions).
    min_segment_minutes : float
        Sunlit segments shorter than this are dropped (Beijing: 5 on 大寒日, 30 on 冬至日).
    longest_segments : int or None
        Count only the N longest segments (Hangzhou: 2); ``None`` counts all (累计).
    continuous : bool
        The requirement must be met by one continuous segment (Shanghai 满窗日照).
    sweep_angle : float
        Degrees: sun rays meeting the facade at less than this do not count (Beijing 12).
    min_altitude : float
        Degrees: sun lower than this does not count (Qingdao 15).
    """

    step_minutes: float = 1.0
    min_segment_minutes: float = 0.0
    longest_segments: int = None
    continuous: bool = False
    sweep_angle: float = 0.0
    min_altitude: float = 0.0
    name: str = "custom"

    def __post_init__(self):
        if self.step_minutes is not None and not (0 < self.step_minutes <= 60):
            raise ValueError(f"Time step must be between 0 and 60 minutes, got {self.step_minutes}.")
        if self.min_segment_minutes < 0:
            raise ValueError("Minimum segment length cannot be negative.")
        if self.longest_segments is not None and int(self.longest_segments) < 1:
            raise ValueError("The number of longest segments must be at least 1.")
        if not (0 <= self.sweep_angle < 90):
            raise ValueError(f"Sweep angle must lie in [0, 90) degrees, got {self.sweep_angle}.")
        if not (0 <= self.min_altitude < 90):
            raise ValueError(f"Minimum sun altitude must lie in [0, 90) degrees, got {self.min_altitude}.")

    def with_(self, **changes) -> "CountingRules":
        return replace(self, **changes)


def counting_rules(preset: str, day: str = "dahan") -> CountingRules:
    """Counting-rule presets: ``national``, ``beijing``, ``hangzhou``, ``shanghai``, ``qingdao``.

    - national: cumulative (累计), 1-minute step.
    - beijing: cumulative, segments shorter than 5 min (大寒日) or 30 min (冬至日) dropped, sweep angle 12 deg.
    - hangzhou: the longest 2 segments, 5-minute step.
    - shanghai: one continuous segment must meet the requirement (冬至日 1 h 满窗日照).
    - qingdao: sun below 15 deg altitude ignored.
    """
    p = preset.lower()
    if p == "national":
        return CountingRules(name="national")
    if p == "beijing":
        return CountingRules(min_segment_minutes=5.0 if day == "dahan" else 30.0, sweep_angle=12.0, name="beijing")
    if p == "hangzhou":
        return CountingRules(step_minutes=5.0, longest_segments=2, name="hangzhou")
    if p == "shanghai":
        return CountingRules(continuous=True, name="shanghai")
    if p == "qingdao":
        return CountingRules(min_altitude=15.0, name="qingdao")
    raise ValueError(f"Unknown counting-rule preset {preset!r}; use national, beijing, hangzhou, shanghai or qingdao.")
