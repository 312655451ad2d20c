"""The sunlight engine: analytic cases, an independent brute-force reference, invariants."""
import math

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from shapely import affinity
from shapely.geometry import Polygon, box

import sunlight_reference as ref
from sunspace.core.standards import CountingRules, spacing_coefficient
from sunspace.core.sunlight import (
    SunlitResult,
    count_sunlight,
    format_intervals,
    prepare_obstructors,
    sample_facades,
    sunlit_intervals,
)

EXACT = CountingRules(step_minutes=None)
MINUTE = CountingRules()
DAYS = {"dahan": (-20.2, 2.0, (8.0, 16.0)), "dongzhi": (-23.44, 1.0, (9.0, 15.0))}


def run(receivers, footprints, base, height, lat, dec, window, rules=MINUTE, **kw):
    obs = prepare_obstructors(footprints, base, height)
    res = sunlit_intervals(receivers, obs, lat, dec, window, sweep_angle=rules.sweep_angle,
                           min_altitude=rules.min_altitude, **kw)
    return count_sunlight(res, rules, window, 1.0)[0], res


# ---------------------------------------------------------------------------
# 1. parallel slabs at exactly k(N) (H - dh): the rear sill gets N hours
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("lat", [22.0, 34.0, 46.0])
@pytest.mark.parametrize("day", ["dahan", "dongzhi"])
def test_slabs_at_required_spacing_get_exactly_n_hours(lat, day):
    dec, hours, window = DAYS[day]
    H, sill = 33.0, 0.9
    L = float(spacing_coefficient(lat, dec, hours)) * (H - sill)
    off = 0.01  # sample_facades puts receivers this far out from the wall: the sill point itself is at L
    front = box(-3000, -12, 3000, 0)
    rear = box(-3000, L + off, 3000, L + off + 12)
    rec = sample_facades([rear], 0.0, [H], spacing=6000.0, sill=sill, offset=off)  # one point mid-wall
    south = (rec["ny"] < -0.99) & (np.abs(rec["x"]) < 1)
    rec = {k: v[south] for k, v in rec.items()}
    assert len(rec["x"]) == 1 and rec["y"][0] == pytest.approx(L)
    exact, res = run(rec, [front, rear], 0.0, [H, H], lat, dec, window, EXACT)
    assert exact[0] == pytest.approx(hours * 60.0, abs=1.0)
    minute, _ = run(rec, [front, rear], 0.0, [H, H], lat, dec, window, MINUTE)
    assert minute[0] == pytest.approx(hours * 60.0, abs=1.0)
    (s, e), = res.intervals_of(0)
    assert s == pytest.approx(12 - hours / 2, abs=1 / 60) and e == pytest.approx(12 + hours / 2, abs=1 / 60)
    # one metre closer fails
    rear2 = affinity.translate(rear, 0, -1.0)
    rec2 = dict(rec, y=rec["y"] - 1.0)
    closer, _ = run(rec2, [front, rear2], 0.0, [H, H], lat, dec, window, EXACT)
    assert closer[0] < hours * 60.0 - 1.0


# ---------------------------------------------------------------------------
# 2. agreement with the brute-force reference on random mixed scenes
# ---------------------------------------------------------------------------
def random_building(rng, cx, cy):
    kind = rng.integers(0, 4)
    w, d = rng.uniform(10, 40), rng.uniform(8, 20)
    if kind == 0:
        g = box(-w / 2, -d / 2, w / 2, d / 2)
    elif kind == 1:  # L (arms d wide on a w x w square: d < w, else the ring crosses itself)
        d = min(d, 0.6 * w)
        g = Polygon([(0, 0), (w, 0), (w, d), (d, d), (d, w), (0, w)])
    elif kind == 2:  # U
        g = Polygon([(0, 0), (w + 10, 0), (w + 10, d + 12), (w, d + 12), (w, 6), (10, 6), (10, d + 12), (0, d + 12)])
    else:  # courtyard with a hole
        g = box(0, 0, w + 16, w + 16).difference(box(8, 8, w + 8, w + 8))
    g = affinity.rotate(g, rng.uniform(0, 90), origin="centroid")
    c = g.centroid
    return affinity.translate(g, cx - c.x, cy - c.y)


def random_scene(seed, n_buildings=7):
    rng = np.random.default_rng(seed)
    fps = []
    while len(fps) < n_buildings:
        cand = random_building(rng, rng.uniform(0, 160), rng.uniform(0, 160))
        if all(cand.distance(f) > 2.0 for f in fps):
            fps.append(cand)
    heights = rng.uniform(6, 60, len(fps))
    base = rng.choice([0.0, 0.0, 0.0, 3.0], len(fps))
    return fps, base, heights


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_matches_brute_force_reference(seed):
    fps, base, heights = random_scene(seed)
    lat, dec, window = 31.3, -20.2, (8.0, 16.0)
    rec = sample_facades(fps, base, heights, spacing=7.0)
    rng = np.random.default_rng(seed + 100)
    # ground points that see the whole sky (no facade), outside every building
    gx, gy = rng.uniform(-20, 180, 40), rng.uniform(-20, 180, 40)
    outside = ~shapely.intersects(shapely.points(gx, gy)[:, None], np.array(fps, dtype=object)[None, :]).any(axis=1)
    for key, val in (("x", gx[outside]), ("y", gy[outside]), ("z", np.full(outside.sum(), 0.5)),
                     ("nx", np.full(outside.sum(), np.nan)), ("ny", np.full(outside.sum(), np.nan))):
        rec[key] = np.r_[rec[key], val]
    rules = CountingRules(sweep_angle=12.0 if seed == 2 else 0.0, min_altitude=15.0 if seed == 3 else 0.0)
    engine_min, _ = run(rec, fps, base, heights, lat, dec, window, rules)
    engine_exact, res = run(rec, fps, base, heights, lat, dec, window, rules.with_(step_minutes=None))
    brute = ref.minutes(rec, fps, base, heights, lat, dec, window, rules.sweep_angle, rules.min_altitude)
    assert len(brute) > 100
    assert np.abs(engine_min - brute).max() <= 1.0
    # sampling a segment at minute middles misreads its length by less than a minute: per segment
    segments = np.bincount(res.receiver, minlength=len(brute))
    assert np.all(np.abs(engine_exact - brute) <= np.maximum(segments, 1) * 1.0 + 1e-6)
    assert 0 < np.mean(brute) < 480  # the scene has both sun and shade


def test_self_shading_l_shape_and_dark_north_facade():
    lat, dec, window = 34.3, -20.2, (8.0, 16.0)
    ell = Polygon([(0, 0), (40, 0), (40, 12), (12, 12), (12, 40), (0, 40)])  # wings to the east and north
    rec = sample_facades([ell], 0.0, [30.0], spacing=2.0)
    mins, _ = run(rec, [ell], 0.0, [30.0], lat, dec, window)
    brute = ref.minutes(rec, [ell], [0.0], [30.0], lat, dec, window)
    assert np.abs(mins - brute).max() <= 1.0
    north = rec["ny"] > 0.99
    assert np.all(mins[north] == 0)  # facing away from the sun on 大寒日
    # the east-facing inner wall of the north wing (x = 12) has the east wing to its south-east:
    # it gets less morning sun than the open east end of the east wing (x = 40)
    inner = (rec["nx"] > 0.99) & (rec["x"] < 13)
    outer = (rec["nx"] > 0.99) & (rec["x"] > 39)
    assert inner.any() and outer.any()
    assert mins[inner].mean() < mins[outer].mean() - 30


def test_format_intervals():
    res = SunlitResult(2, np.array([0, 0]), np.array([8.0, 13.5]), np.array([9.2, 16.0]))
    assert format_intervals(res, 0) == "08:00-09:12, 13:30-16:00"
    assert format_intervals(res, 0, to_clock=lambda h: h + 55 / 60) == "08:55-10:07, 14:25-16:55"
    assert format_intervals(res, 1) == ""


# ---------------------------------------------------------------------------
# 3. invariants
# ---------------------------------------------------------------------------
def open_sky_minutes(lat, dec, window, sweep, min_alt):
    """Independent: minutes in the window with the sun above min_alt and in front of a south facade by > sweep.

    Azimuth from south A(w): tan A = sin w / (sin(phi) cos w - cos(phi) tan(dec)); solved by bisection.
    """
    phi, d = math.radians(lat), math.radians(dec)

    def az(w):
        return math.atan2(math.sin(w), math.sin(phi) * math.cos(w) - math.cos(phi) * math.tan(d))

    lim = math.radians(90.0 - sweep)
    lo, hi = 0.0, math.pi * 0.999
    if az(hi) < lim:
        w_az = hi
    else:
        for _ in range(100):
            mid = 0.5 * (lo + hi)
            lo, hi = (mid, hi) if az(mid) < lim else (lo, mid)
        w_az = lo
    c = (math.sin(math.radians(min_alt)) - math.sin(phi) * math.sin(d)) / (math.cos(phi) * math.cos(d))
    w_alt = math.acos(max(-1.0, min(1.0, c)))
    w_end = min(w_az, w_alt, math.radians(15 * (window[1] - 12)))
    w_start = max(-w_az, -w_alt, math.radians(15 * (window[0] - 12)))
    return max(0.0, math.degrees(w_end - w_start) / 15 * 60)


@pytest.mark.parametrize("lat, sweep, min_alt", [(34.0, 0.0, 0.0), (39.9, 12.0, 0.0), (36.1, 0.0, 15.0), (46.0, 15.0, 10.0)])
def test_open_sky_gets_window_less_sweep_and_altitude(lat, sweep, min_alt):
    rec = {"x": np.array([0.0]), "y": np.array([0.0]), "z": np.array([0.9]), "nx": np.array([0.0]), "ny": np.array([-1.0])}
    rules = CountingRules(step_minutes=None, sweep_angle=sweep, min_altitude=min_alt)
    mins, _ = run(rec, [], np.empty(0), np.empty(0), lat, -20.2, (8.0, 16.0), rules)
    assert mins[0] == pytest.approx(open_sky_minutes(lat, -20.2, (8.0, 16.0), sweep, min_alt), abs=0.05)


scene_seeds = st.integers(min_value=0, max_value=10_000)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=scene_seeds, dx=st.floats(-5e4, 5e4), dy=st.floats(-5e4, 5e4))
def test_adding_a_building_never_adds_sun_and_translation_changes_nothing(seed, dx, dy):
    fps, base, heights = random_scene(seed, n_buildings=5)
    lat, dec, window = 30.0, -20.2, (8.0, 16.0)
    rec = sample_facades(fps[:4], base[:4], heights[:4], spacing=5.0)
    fewer, _ = run(rec, fps[:4], base[:4], heights[:4], lat, dec, window, EXACT)
    more, _ = run(rec, fps, base, heights, lat, dec, window, EXACT)
    assert np.all(more <= fewer + 1e-6)
    moved = dict(rec, x=rec["x"] + dx, y=rec["y"] + dy)
    shifted, _ = run(moved, [affinity.translate(f, dx, dy) for f in fps[:4]], base[:4], heights[:4], lat, dec, window, EXACT)
    np.testing.assert_allclose(shifted, fewer, atol=1e-3)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=scene_seeds, angle=st.floats(-40.0, 40.0))
@example(seed=1673, angle=-16.0)  # once drew an L whose ring crossed itself (now refused by the engine)
def test_rotating_scene_with_the_sun_changes_nothing(seed, angle):
    """Rotate the scene by `angle` and tell the engine that grid north is rotated by the same angle."""
    fps, base, heights = random_scene(seed, n_buildings=4)
    lat, dec, window = 38.0, -23.44, (9.0, 15.0)
    rec = sample_facades(fps, base, heights, spacing=6.0)
    ref_min, _ = run(rec, fps, base, heights, lat, dec, window, EXACT)
    rot = [affinity.rotate(f, angle, origin=(0, 0)) for f in fps]
    a = math.radians(angle)
    ca, sa = math.cos(a), math.sin(a)
    rrec = dict(rec, x=ca * rec["x"] - sa * rec["y"], y=sa * rec["x"] + ca * rec["y"],
                nx=ca * rec["nx"] - sa * rec["ny"], ny=sa * rec["nx"] + ca * rec["ny"])
    got, _ = run(rrec, rot, base, heights, lat, dec, window, EXACT, grid_rotation=angle)
    np.testing.assert_allclose(got, ref_min, atol=1e-3)


def test_east_west_mirror_is_noon_symmetric():
    fps, base, heights = random_scene(7, n_buildings=6)
    lat, dec, window = 34.0, -20.2, (8.0, 16.0)
    rec = sample_facades(fps, base, heights, spacing=4.0)
    a, ra = run(rec, fps, base, heights, lat, dec, window, EXACT)
    mir = [affinity.scale(f, -1, 1, origin=(0, 0)) for f in fps]
    mrec = dict(rec, x=-rec["x"], nx=-rec["nx"])
    b, rb = run(mrec, mir, base, heights, lat, dec, window, EXACT)
    np.testing.assert_allclose(a, b, atol=1e-3)


def test_receiver_above_everything_and_bad_input():
    fps = [box(0, -20, 10, -10)]
    rec = {"x": np.array([5.0]), "y": np.array([0.0]), "z": np.array([50.0]), "nx": np.array([0.0]), "ny": np.array([-1.0])}
    mins, _ = run(rec, fps, 0.0, [20.0], 34.0, -20.2, (8.0, 16.0), EXACT)
    assert mins[0] == pytest.approx(480.0, abs=1e-6)
    with pytest.raises(ValueError, match="positive height"):
        prepare_obstructors(fps, 0.0, [0.0])
    with pytest.raises(ValueError, match="north of the zenith"):
        sunlit_intervals(rec, prepare_obstructors(fps, 0.0, [20.0]), 20.0, 23.0)
    with pytest.raises(ValueError, match="spacing"):
        sample_facades(fps, 0.0, [20.0], spacing=0)
