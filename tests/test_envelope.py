"""Sunlight envelope and allowed heights: the spacing rule, soundness and tightness against the forward engine."""
import json
import os

import numpy as np
import pytest
import shapely
from shapely import affinity
from shapely.geometry import box

from sunspace.core.envelope import (
    SunContext, _segment_min, allowed_heights, capacity, cells_as_prisms, choose_kept, envelope, rule_ok,
)
from sunspace.core.standards import CountingRules, counting_rules, spacing_coefficient
from sunspace.core.sunlight import SunlitResult, _sun_basis, prepare_obstructors, sample_facades, sunlit_intervals

EXACT = CountingRules(step_minutes=None, name="exact")
DAHAN = (-20.2, 2.0, (8.0, 16.0))
SUZHOU = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      "shared", "data", "suzhou_buildings.geojson")
if not os.path.exists(SUZHOU):
    SUZHOU = "/work/shared/data/suzhou_buildings.geojson"


def forward(rec, fps, heights, sun):
    """Counted minutes and pass flags of the windows among the given prisms (the forward engine)."""
    obs = prepare_obstructors(np.asarray(fps, dtype=object), 0.0, np.asarray(heights, float))
    res = sunlit_intervals(rec, obs, sun.latitude, sun.declination, sun.window, sun.rules.sweep_angle,
                           sun.rules.min_altitude, chunk_size=500)
    return sun.count(res)


def slab_scene(lat, H=30.0, rule="keep", site=box(-70, -70, 70, -2)):
    dec, hours, window = DAHAN
    sun = SunContext(lat, dec, window, EXACT, hours)
    row = box(-500, 0, 500, 12)
    rec = sample_facades([row], 0.0, [H], spacing=1.0, sill=0.9, south_only=True)
    res = sunlit_intervals(rec, prepare_obstructors([row], 0.0, [H]), lat, dec, window)
    kept, mins, ok = choose_kept(res, rec, sun, rule, site, 100.0)
    return sun, rec, kept, envelope(site, rec, kept, sun, 1.0, 100.0)


# ---------------------------------------------------------------------------
# 1. the spacing rule
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("lat", [22.0, 34.0, 46.0])
def test_slab_row_envelope_is_the_spacing_rule(lat):
    H, sill = 30.0, 0.9
    sun, rec, kept, env = slab_scene(lat, H)
    k = float(spacing_coefficient(lat, sun.declination, sun.required_hours))
    # the optimised choice keeps the two hours centred on noon in front of the site
    mid = int(np.argmin(np.abs(rec["x"])))
    (s, e), = kept.intervals_of(mid)
    assert s == pytest.approx(11.0, abs=1e-9) and e == pytest.approx(13.0, abs=1e-9)
    X, Y = env.centres()
    y_win = rec["y"][mid]
    for col in np.flatnonzero(np.abs(X[0]) <= 10):  # far from the row's and the site's ends
        d = y_win - (Y[:, col] + 0.5 * env.spacing)  # horizontal distance to the cell's near (north) edge
        want = np.minimum(sill + d / k, 100.0)
        assert np.nanmax(np.abs(env.height[:, col] - want)) < 0.02
        # at d = k (H - sill) the envelope is H
        order = np.argsort(d)
        assert np.interp(k * (H - sill), d[order], env.height[order, col]) == pytest.approx(H, abs=0.02)
    assert np.all(env.window[np.isfinite(env.height) & (env.height < 99)] >= 0)


def test_slab_row_strict_envelope_keeps_the_whole_day():
    """Strict: every sunlit minute (8-16 h) is kept; the lowest rays are at 8:00 and 16:00, i.e. k(8 h)."""
    lat, sill = 34.0, 0.9
    sun, rec, kept, env = slab_scene(lat, rule="strict", site=box(-40, -40, 40, -2))
    k8 = float(spacing_coefficient(lat, sun.declination, 8.0))
    X, Y = env.centres()
    col = int(np.argmin(np.abs(X[0])))
    d = rec["y"][0] - (Y[:, col] + 0.5)
    assert np.nanmax(np.abs(env.height[:, col] - (sill + d / k8))) < 0.02
    assert np.all(np.abs(env.hour[:, col] - 12.0) == pytest.approx(4.0, abs=1e-6))


# ---------------------------------------------------------------------------
# 2. the closed form against brute force
# ---------------------------------------------------------------------------
def test_segment_minimum_matches_dense_sampling():
    rng = np.random.default_rng(7)
    lat, dec = 31.0, -20.2
    A, B, C = _sun_basis(lat, dec)
    n = 300
    px, py, pz = rng.uniform(-50, 50, n), rng.uniform(30, 120, n), rng.uniform(0, 20, n)
    ax, ay = rng.uniform(-80, 80, n), rng.uniform(-60, 20, n)
    ang = rng.uniform(0, np.pi, n)
    ln = rng.uniform(0.5, 40, n)
    bx, by = ax + ln * np.cos(ang), ay + ln * np.sin(ang)
    t0 = rng.uniform(8, 15, n)
    t1 = np.minimum(16, t0 + rng.uniform(0.05, 4, n))
    ws, we = np.radians(15 * (t0 - 12)), np.radians(15 * (t1 - 12))
    z, w = _segment_min(px, py, pz, ax, ay, bx, by, ws, we, A, B, C)
    checked = 0
    for i in range(n):
        om = np.linspace(ws[i], we[i], 20001)
        s = A[:, None] + B[:, None] * np.cos(om) + C[:, None] * np.sin(om)
        dx, dy = bx[i] - ax[i], by[i] - ay[i]
        rx, ry = ax[i] - px[i], ay[i] - py[i]
        den = s[0] * dy - s[1] * dx
        lam = (rx * dy - ry * dx) / den
        u = (rx * s[1] - ry * s[0]) / den
        hit = (lam > 0) & (u >= 0) & (u <= 1) & (s[2] > 0)
        if not hit.any():
            assert not np.isfinite(z[i])
            continue
        checked += 1
        zs = pz[i] + lam[hit] * s[2][hit]
        assert z[i] <= zs.min() + 1e-6  # never above any sampled ray (soundness)
        assert z[i] >= zs.min() - 0.02 * max(1.0, zs.min() - pz[i]) - 1e-3  # and the real minimum
    assert checked > 50


# ---------------------------------------------------------------------------
# 3. soundness on random scenes
# ---------------------------------------------------------------------------
def random_scene(seed, n=12):
    rng = np.random.default_rng(seed)
    fps = []
    for _ in range(60):
        if len(fps) >= n:
            break
        g = box(-rng.uniform(8, 30), -rng.uniform(5, 9), rng.uniform(8, 30), rng.uniform(5, 9))
        g = affinity.rotate(g, rng.uniform(-40, 40))
        if rng.random() < 0.3:
            g = g.union(affinity.translate(box(0, 0, 10, 14), g.bounds[0], g.bounds[1]))
        g = affinity.translate(g, rng.uniform(-110, 110), rng.uniform(-10, 150))
        if not any(g.buffer(4).intersects(f) for f in fps):
            fps.append(g)
    h = rng.uniform(9, 45, len(fps))
    site = shapely.Polygon([(-60, -100), (40, -95), (55, -40), (-20, -25), (-65, -45)])
    return fps, h, site


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("rule", ["keep", "strict", "compliant"])
def test_filled_envelope_keeps_every_window_within_the_rule(seed, rule):
    fps, h, site = random_scene(seed)
    lat, (dec, hours, window) = 30.0 + 4 * seed, DAHAN
    sun = SunContext(lat, dec, window, EXACT, hours)
    rec = sample_facades(fps, 0.0, h, spacing=2.0, sill=0.9, south_only=True)
    res = sunlit_intervals(rec, prepare_obstructors(fps, 0.0, h), lat, dec, window)
    kept, mins, ok = choose_kept(res, rec, sun, rule, site, 60.0)
    env = envelope(site, rec, kept, sun, 1.0, 60.0)
    assert np.nanmax(env.height) > 5
    b, bh = cells_as_prisms(env)
    m2, ok2 = forward(rec, list(fps) + list(b), np.r_[h, bh], sun)
    good = rule_ok(rule, mins, ok, m2, ok2)
    assert good.all(), np.flatnonzero(~good)
    # and the envelope is not vacuous: the solid takes sunlight from someone (except strict, where nothing may go)
    if rule != "strict":
        assert (m2 < mins - 1).any()
    # planned buildings at their allowed heights
    plan = [shapely.box(-50, -90, -30, -75), shapely.box(-20, -85, 10, -78), shapely.box(15, -70, 30, -50),
            affinity.rotate(shapely.box(-40, -60, -10, -50), 20)]
    kept_p, _, _ = choose_kept(res, rec, sun, rule, shapely.union_all(plan), 60.0)
    hp, bw, bt = allowed_heights(plan, rec, kept_p, sun, cap=60.0)
    keep = hp > 0
    m3, ok3 = forward(rec, list(fps) + [p for p, k in zip(plan, keep) if k], np.r_[h, hp[keep]], sun)
    assert rule_ok(rule, mins, ok, m3, ok3).all()


def test_national_one_minute_rules_and_beijing_rules_are_sound():
    fps, h, site = random_scene(5)
    lat, (dec, hours, window) = 36.0, DAHAN
    for rules in (counting_rules("national"), counting_rules("beijing"), counting_rules("hangzhou"),
                  counting_rules("shanghai")):
        sun = SunContext(lat, dec, window, rules, hours)
        rec = sample_facades(fps, 0.0, h, spacing=3.0, sill=0.9, south_only=True)
        res = sunlit_intervals(rec, prepare_obstructors(fps, 0.0, h), lat, dec, window, rules.sweep_angle,
                               rules.min_altitude)
        kept, mins, ok = choose_kept(res, rec, sun, "keep", site, 60.0)
        assert sun.count(kept)[1][ok].all()  # every compliant window keeps enough counted time
        env = envelope(site, rec, kept, sun, 2.0, 60.0)
        b, bh = cells_as_prisms(env)
        m2, ok2 = forward(rec, list(fps) + list(b), np.r_[h, bh], sun)
        assert rule_ok("keep", mins, ok, m2, ok2).all(), rules.name


@pytest.mark.skipif(not os.path.exists(SUZHOU), reason="Suzhou scene not available")
def test_suzhou_subset_is_sound():
    from sunspace.core.geodesy import LocalFrame

    with open(SUZHOU, encoding="utf-8") as fh:
        data = json.load(fh)
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in data["features"]])
    height = np.array([f["properties"]["height"] for f in data["features"]], float)
    frame = LocalFrame.around(geoms, "EPSG:4326")
    local = frame.to_local(geoms, "EPSG:4326")
    c = shapely.centroid(local)
    site = box(-40, -200, 40, -140)
    near = (np.abs(shapely.get_x(c)) < 180) & (shapely.get_y(c) > -220) & (shapely.get_y(c) < 60)
    near &= ~shapely.intersects(local, site)
    fps, h = local[near], height[near]
    sun = SunContext(frame.lat0, -20.2, (8.0, 16.0), EXACT, 2.0)
    rec = sample_facades(fps, 0.0, h, spacing=2.0, sill=0.9, south_only=True)
    res = sunlit_intervals(rec, prepare_obstructors(fps, 0.0, h), sun.latitude, sun.declination, sun.window)
    for rule in ("keep", "strict"):
        kept, mins, ok = choose_kept(res, rec, sun, rule, site, 80.0)
        env = envelope(site, rec, kept, sun, 1.0, 80.0)
        b, bh = cells_as_prisms(env)
        m2, ok2 = forward(rec, list(fps) + list(b), np.r_[h, bh], sun)
        assert rule_ok(rule, mins, ok, m2, ok2).all()
        assert np.nanmin(env.height) < 80


# ---------------------------------------------------------------------------
# 4. tightness (strict, exact counting)
# ---------------------------------------------------------------------------
def test_raising_a_binding_block_by_one_metre_takes_sunlight():
    fps, h, site = random_scene(2)
    lat, (dec, hours, window) = 34.0, DAHAN
    sun = SunContext(lat, dec, window, EXACT, hours)
    rec = sample_facades(fps, 0.0, h, spacing=2.0, sill=0.9, south_only=True)
    res = sunlit_intervals(rec, prepare_obstructors(fps, 0.0, h), lat, dec, window)
    kept, mins, ok = choose_kept(res, rec, sun, "strict", site, 200.0)
    env = envelope(site, rec, kept, sun, 1.0, 200.0)
    b, bh = cells_as_prisms(env)
    rows, cols = env.shape
    rng = np.random.default_rng(0)
    blocks = [(i, j) for i in range(0, rows - 5, 5) for j in range(0, cols - 5, 5)
              if np.isfinite(env.height[i:i + 5, j:j + 5]).all() and (env.window[i:i + 5, j:j + 5] >= 0).any()]
    assert len(blocks) > 10
    for i, j in [blocks[k] for k in rng.choice(len(blocks), 6, replace=False)]:
        raised = env.height.copy()
        raised[i:i + 5, j:j + 5] += 1.0
        env2 = type(env)(env.x0, env.y0, env.spacing, raised, env.window, env.hour, env.cap, env.ground)
        b2, bh2 = cells_as_prisms(env2)
        m2, _ = forward(rec, list(fps) + list(b2), np.r_[h, bh2], sun)
        assert (m2 < mins - 1e-6).any(), (i, j)


def test_one_more_floor_on_any_planned_building_breaks_the_strict_rule():
    fps, h, site = random_scene(3)
    lat, (dec, hours, window) = 32.0, DAHAN
    sun = SunContext(lat, dec, window, EXACT, hours)
    rec = sample_facades(fps, 0.0, h, spacing=2.0, sill=0.9, south_only=True)
    res = sunlit_intervals(rec, prepare_obstructors(fps, 0.0, h), lat, dec, window)
    plan = [shapely.box(-50, -90, -30, -75), shapely.box(-20, -85, 10, -78), shapely.box(15, -70, 30, -50)]
    kept, mins, ok = choose_kept(res, rec, sun, "strict", shapely.union_all(plan), 300.0)
    hp, bw, bt = allowed_heights(plan, rec, kept, sun, cap=300.0)
    fh = 3.0
    floors = np.floor(hp / fh + 1e-9)
    assert (floors >= 1).all() and (hp < 300).all() and (bw >= 0).all()
    base, _ = forward(rec, list(fps) + plan, np.r_[h, floors * fh], sun)
    assert rule_ok("strict", mins, ok, base, base >= 0).all()
    for f in range(len(plan)):
        more = floors.copy()
        more[f] += 1
        m2, _ = forward(rec, list(fps) + plan, np.r_[h, more * fh], sun)
        assert (m2 < mins - 1e-6).any(), f
        assert m2[bw[f]] < mins[bw[f]] - 1e-6  # the reported limiting window is the one that loses


# ---------------------------------------------------------------------------
# 5. small things
# ---------------------------------------------------------------------------
def test_rule_ok_and_capacity():
    before = np.array([130.0, 90.0, 200.0])
    bp = before >= 120
    after = np.array([121.0, 90.0, 100.0])
    ap = after >= 120
    assert rule_ok("keep", before, bp, after, ap).tolist() == [True, True, False]
    assert rule_ok("strict", before, bp, after, ap).tolist() == [False, True, False]
    assert rule_ok("compliant", before, bp, np.array([121.0, 10.0, 130.0]), np.array([1, 0, 1], bool)).all()
    with pytest.raises(ValueError, match="protection rule"):
        rule_ok("lenient", before, bp, after, ap)
    from sunspace.core.envelope import EnvelopeResult
    hgt = np.array([[9.5, 3.0], [np.nan, 6.2]])
    r = EnvelopeResult(0.0, 0.0, 2.0, hgt, np.zeros((2, 2), int), np.zeros((2, 2)), 100.0, 0.0)
    cap = capacity(r, 3.0, 20.0)
    assert cap["volume"] == pytest.approx((9.5 + 3 + 6.2) * 4)
    assert cap["floor_area"] == pytest.approx((3 + 1 + 2) * 4)
    assert cap["far"] == pytest.approx(24 / 20)
    assert cap["footprint"] == pytest.approx(12)


def test_bad_input_is_named():
    sun = SunContext(30.0, -20.2, (8.0, 16.0), EXACT, 2.0)
    empty = SunlitResult(0, np.empty(0, int), np.empty(0), np.empty(0))
    rec = {"x": np.empty(0), "y": np.empty(0), "z": np.empty(0)}
    with pytest.raises(ValueError, match="site is empty"):
        envelope(shapely.Polygon(), rec, empty, sun)
    with pytest.raises(ValueError, match="cap"):
        envelope(box(0, 0, 10, 10), rec, empty, sun, cap=0)
    with pytest.raises(ValueError, match="protection rule"):
        choose_kept(empty, rec, sun, "nice", box(0, 0, 1, 1), 10.0)
    # no windows: the cap everywhere
    env = envelope(box(0, 0, 10, 10), rec, empty, sun, cap=42.0)
    assert np.all(env.height == 42.0)
