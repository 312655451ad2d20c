"""Engine hardening (issue 8): high latitudes, southern hemisphere, linear formatting,
no float slivers for large receiver indices, chunked results, cancellation, receiver limits."""
import numpy as np
import pytest
import shapely
from shapely.geometry import box

import sunlight_reference as ref
from sunspace.core.capacity import density_curve
from sunspace.core.errors import Cancelled, SunSpaceError
from sunspace.core.ground import ground_sunlight
from sunspace.core.setbacks import coefficient_zones, exact_zones
from sunspace.core.standards import CountingRules, spacing_coefficient
from sunspace.core.sunlight import (
    _union,
    check_receiver_count,
    check_receivers,
    count_sunlight,
    estimate_receivers,
    receivers_bound,
    format_all_intervals,
    format_intervals,
    iter_facade_batches,
    iter_window_sunlight,
    prepare_obstructors,
    sample_facades,
    sunlit_intervals,
)

MINUTE = CountingRules()
DAYS = {"dahan": (-20.2, (8.0, 16.0)), "dongzhi": (-23.44, (9.0, 15.0))}


def small_scene():
    fps = [box(0, 0, 30, 12), box(5, 30, 25, 42), shapely.Polygon([(40, 0), (60, 0), (60, 30), (52, 30), (52, 8), (40, 8)])]
    base = np.array([0.0, 0.0, 2.0])
    heights = np.array([24.0, 45.0, 30.0])
    return fps, base, heights


def small_receivers(fps, base, heights):
    rec = sample_facades(fps, base, heights, spacing=9.0)
    gx = np.array([-10.0, 15.0, 35.0, 70.0, 15.0, 45.0])
    gy = np.array([-10.0, 20.0, 20.0, 10.0, 60.0, 40.0])
    for key, val in (("x", gx), ("y", gy), ("z", np.full(gx.size, 0.5)), ("nx", np.full(gx.size, np.nan)),
                     ("ny", np.full(gx.size, np.nan))):
        rec[key] = np.r_[rec[key], val]
    return rec


# ---------------------------------------------------------------------------
# A1: sunrise inside the counting window
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("lat", [0.0, 20.0, 50.0, 53.5, 60.0])
@pytest.mark.parametrize("day", ["dahan", "dongzhi"])
def test_any_supported_latitude_matches_brute_force(lat, day):
    dec, window = DAYS[day]
    fps, base, heights = small_scene()
    rec = small_receivers(fps, base, heights)
    obs = prepare_obstructors(fps, base, heights)
    res = sunlit_intervals(rec, obs, lat, dec, window)
    mins, _ = count_sunlight(res, MINUTE, window, 1.0)
    assert np.all(np.isfinite(mins))
    brute = ref.minutes(rec, fps, base, heights, lat, dec, window)
    assert np.abs(mins - brute).max() <= 1.0
    assert brute.max() > 0


@pytest.mark.parametrize("lat", [53.5, 60.0])
def test_ground_and_setbacks_with_sunrise_in_the_window(lat):
    dec, window = DAYS["dongzhi"]
    fps, base, heights = small_scene()
    obs = prepare_obstructors(fps, base, heights)
    grid = ground_sunlight(obs, (-40.0, -40.0, 100.0, 120.0), 4.0, 0.0, lat, dec, window, MINUTE, 1.0)
    v = grid.values[np.isfinite(grid.values)]
    assert v.size and v.min() >= 0 and v.max() <= 360.0
    zones = exact_zones(fps[:1], heights[:1], lat, dec, window, MINUTE, 1.0, resolution=4.0)
    assert zones[0] is not None and zones[0].area > 0
    # a cell of the grid agrees with a direct ray cast
    X, Y = grid.centres()
    i, j = np.argwhere(np.isfinite(grid.values))[len(v) // 3]
    one = {"x": np.array([X[i, j]]), "y": np.array([Y[i, j]]), "z": np.array([0.0]), "nx": np.array([np.nan]),
           "ny": np.array([np.nan])}
    assert abs(ref.minutes(one, fps, base, heights, lat, dec, window)[0] - grid.values[i, j]) <= 1.0


def test_ground_grid_ignores_buildings_beyond_shadow_reach_soundly():
    """Preparing only the buildings within reach gives the same grid as testing every building."""
    fps, base, heights = small_scene()
    far = [shapely.affinity.translate(f, 3000.0, 0.0) for f in fps]
    lat, (dec, window) = 50.0, DAYS["dahan"]
    area = (-30.0, -30.0, 90.0, 90.0)
    g1 = ground_sunlight(prepare_obstructors(fps + far, np.r_[base, base], np.r_[heights, heights]), area, 3.0, 0.0,
                         lat, dec, window, MINUTE, 2.0)
    obs = prepare_obstructors(fps, base, heights)
    X, Y = g1.centres()
    ok = np.isfinite(g1.values)
    rec = {"x": X[ok], "y": Y[ok], "z": np.zeros(ok.sum())}
    direct, _ = count_sunlight(sunlit_intervals(rec, obs, lat, dec, window), MINUTE, window, 2.0)
    np.testing.assert_array_equal(g1.values[ok], direct)


# ---------------------------------------------------------------------------
# A2: southern hemisphere refused, the equator works
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("lat", [-20.0, -35.0])
def test_southern_hemisphere_is_refused_clearly(lat):
    fps, base, heights = small_scene()
    rec = small_receivers(fps, base, heights)
    obs = prepare_obstructors(fps, base, heights)
    msg = rf"{lat:.2f}° is south of the equator.*from 0° \(the equator\)"
    with pytest.raises(SunSpaceError, match=msg):
        sunlit_intervals(rec, obs, lat, -20.2)
    with pytest.raises(SunSpaceError, match=msg):
        spacing_coefficient(lat, -20.2, 1.0)
    with pytest.raises(SunSpaceError, match=msg):
        ground_sunlight(obs, (0, 0, 10, 10), 1.0, 0.0, lat, -20.2, (8.0, 16.0), MINUTE)
    with pytest.raises(SunSpaceError, match=msg):
        coefficient_zones(fps, heights, lat, -20.2, 1.0)
    with pytest.raises(ValueError):  # SunSpaceError is a ValueError
        spacing_coefficient(np.array([30.0, lat]), -20.2, 1.0)


def test_equator_works_and_k_is_never_negative_or_nan():
    k = spacing_coefficient(0.0, -23.44, 1.0)
    assert np.isfinite(k) and k > 0
    assert np.all(spacing_coefficient(np.linspace(0, 60, 13), -20.2, 2.0) > 0)
    with pytest.raises(SunSpaceError, match="north of the east-west line"):
        spacing_coefficient(10.0, 23.0, 8.0)  # summer sun to the north: no coefficient
    with pytest.raises(SunSpaceError, match="declination"):
        spacing_coefficient(30.0, np.nan, 1.0)
    with pytest.raises(SunSpaceError, match="beyond 66"):
        sunlit_intervals({"x": [0.0], "y": [0.0], "z": [1.0]}, prepare_obstructors([], [], []), 70.0, -20.2)


# ---------------------------------------------------------------------------
# A3: linear formatting
# ---------------------------------------------------------------------------
def test_format_all_intervals_matches_per_receiver_formatting():
    fps, base, heights = small_scene()
    rec = small_receivers(fps, base, heights)
    res = sunlit_intervals(rec, prepare_obstructors(fps, base, heights), 34.0, -20.2, (8.0, 16.0))
    assert res.offsets[-1] == res.receiver.size and np.all(np.diff(res.offsets) >= 0)
    clock = lambda h: float(h) + 55 / 60  # a scalar-only function, as the plugin's true-solar -> Beijing time
    every = format_all_intervals(res)
    every_clock = format_all_intervals(res, clock)
    assert len(every) == res.n
    assert every == [format_intervals(res, i) for i in range(res.n)]
    assert every_clock == [format_intervals(res, i, clock) for i in range(res.n)]
    assert any(", " in s for s in every) and "" in every


# ---------------------------------------------------------------------------
# A4: no slivers, exact for large owner indices
# ---------------------------------------------------------------------------
def test_union_is_exact_for_large_owner_indices():
    s = np.array([-0.7, -0.2, 0.1, 0.3])
    e = np.array([-0.2, 0.1, 0.25, 0.9])
    for big in (0, 7_823, 12_345_678, 2_000_000_000):
        o, ms, me = _union(np.full(4, big), s, e)
        assert o.tolist() == [big, big] and ms.tolist() == [-0.7, 0.3] and me.tolist() == [0.25, 0.9]


def test_many_identical_receivers_give_identical_results_without_slivers():
    fps = [box(-30, -40, 30, -28), box(8, -10, 20, 0)]
    heights = np.array([30.0, 18.0])
    obs = prepare_obstructors(fps, 0.0, heights)
    n = 100_000
    rec = {"x": np.zeros(n), "y": np.full(n, 0.5), "z": np.full(n, 0.9), "nx": np.zeros(n), "ny": np.full(n, -1.0)}
    rec["x"][1::2] = 3.0  # two geometries, interleaved
    res = sunlit_intervals(rec, obs, 39.9, -20.2, (8.0, 16.0), workers=2)
    assert np.all((res.end - res.start) * 3600.0 >= 1.0)
    first, last = res.intervals_of(0), res.intervals_of(n - 2)
    assert len(first) >= 1 and first == last
    assert res.intervals_of(1) == res.intervals_of(n - 1)
    assert format_intervals(res, n - 1) == format_intervals(res, 1)
    counts = np.diff(res.offsets)
    assert np.all(counts[0::2] == counts[0]) and np.all(counts[1::2] == counts[1])


# ---------------------------------------------------------------------------
# A5: chunks, workers, cancellation, receiver limits
# ---------------------------------------------------------------------------
def test_chunks_and_workers_give_the_same_answer():
    fps, base, heights = small_scene()
    rec = sample_facades(fps, base, heights, spacing=0.5, every_floor=True)
    obs = prepare_obstructors(fps, base, heights)
    lat, (dec, window) = 31.3, DAYS["dahan"]
    one = sunlit_intervals(rec, obs, lat, dec, window, workers=1)
    two = sunlit_intervals(rec, obs, lat, dec, window, workers=2, chunk_size=97)
    for a in ("receiver", "start", "end"):
        np.testing.assert_array_equal(getattr(one, a), getattr(two, a))
    minutes, passed = count_sunlight(one, MINUTE, window, 2.0)
    strings = format_all_intervals(one)
    chunks = list(iter_window_sunlight(rec, obs, lat, dec, window, MINUTE, 2.0, chunk_size=333, workers=2,
                                       to_clock=lambda h: h + 1.0))
    assert [c.start for c in chunks] == list(range(0, len(rec["x"]), 333))
    np.testing.assert_array_equal(np.concatenate([c.minutes for c in chunks]), minutes)
    np.testing.assert_array_equal(np.concatenate([c.passed for c in chunks]), passed)
    assert sum((c.intervals for c in chunks), []) == strings
    assert chunks[0].clock_intervals[0] == format_intervals(one, 0, lambda h: h + 1.0)


def test_cancel_raises_instead_of_returning_a_partial_result():
    fps, base, heights = small_scene()
    rec = sample_facades(fps, base, heights, spacing=0.5)
    obs = prepare_obstructors(fps, base, heights)
    calls = []

    def cancel_later():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        sunlit_intervals(rec, obs, 31.3, -20.2, chunk_size=50, workers=1, is_canceled=cancel_later)
    calls.clear()
    with pytest.raises(Cancelled):
        sunlit_intervals(rec, obs, 31.3, -20.2, chunk_size=50, workers=2, is_canceled=cancel_later)
    with pytest.raises(Cancelled):
        list(iter_window_sunlight(rec, obs, 31.3, -20.2, (8.0, 16.0), MINUTE, 2.0, chunk_size=50,
                                  is_canceled=lambda: True))
    with pytest.raises(Cancelled):
        ground_sunlight(obs, (0, 0, 50, 50), 1.0, 0.0, 31.3, -20.2, (8.0, 16.0), MINUTE, is_canceled=lambda: True)
    with pytest.raises(Cancelled):
        exact_zones(fps, heights, 31.3, -20.2, (8.0, 16.0), MINUTE, 1.0, is_canceled=lambda: True)
    with pytest.raises(Cancelled):
        density_curve(31.3, -20.2, (8.0, 16.0), MINUTE, 1.0, floors=(3,), is_canceled=lambda: True)


def test_receiver_count_is_refused_before_work_with_a_useful_message():
    fps, base, heights = small_scene()
    est = estimate_receivers(fps, heights, spacing=1.0, every_floor=True)
    got = len(sample_facades(fps, base * 0, heights, spacing=1.0, every_floor=True)["x"])
    assert got <= est <= got * 1.2
    assert estimate_receivers(fps, heights, spacing=1.0, south_only=True) < estimate_receivers(fps, heights, spacing=1.0)
    assert check_receiver_count(1000, 1000) == 1000
    # the cheap bound (perimeter / spacing + vertices, times floors) is above the estimate, and the
    # check that tries it first refuses exactly what the estimate refuses
    for kw in ({"every_floor": True}, {"south_only": True}, {"spacing": 3.0}, {}):
        est_kw = estimate_receivers(fps, heights, **kw)
        every_wall = estimate_receivers(fps, heights, **{k: v for k, v in kw.items() if k != "south_only"})
        floors = np.floor((heights - 0.9) / 3.0) + 1 if kw.get("every_floor") else np.ones(len(fps))
        # round(l / s) >= l / s - 1/2 per wall, and fewer walls than vertices: at most 1.5 more per vertex and floor
        assert est_kw <= receivers_bound(fps, heights, **kw) <= every_wall + 1.5 * (shapely.get_num_coordinates(fps) * floors).sum()
        check_receivers(fps, heights, est_kw, **kw)
        with pytest.raises(SunSpaceError, match="receivers"):
            check_receivers(fps, heights, est_kw - 1, **kw)
    with pytest.raises(SunSpaceError, match=r"12,345,678 receivers.*limit of 1,000,000.*larger receiver spacing") as exc:
        check_receiver_count(12_345_678, 1_000_000)
    assert exc.value.values == {"n": 12_345_678, "limit": 1_000_000} and "{n:,}" in exc.value.template
    rec = sample_facades(fps, base, heights, spacing=1.0)
    with pytest.raises(SunSpaceError, match="receivers"):
        next(iter_window_sunlight(rec, prepare_obstructors(fps, base, heights), 31.3, -20.2, (8.0, 16.0), MINUTE, 2.0,
                                  receiver_limit=10))


def test_sample_facades_reuses_obstructors_and_drops_party_walls():
    a, b = box(0, 0, 10, 10), box(10, 0, 20, 10)  # a shared wall at x = 10
    obs = prepare_obstructors([a, b], 0.0, [9.0, 12.0])
    r1 = sample_facades([a, b], 0.0, [9.0, 12.0], spacing=1.0)
    r2 = sample_facades([a, b], 0.0, [9.0, 12.0], spacing=1.0, obstructors=obs)
    for k in r1:
        np.testing.assert_array_equal(r1[k], r2[k])
    assert not np.any(np.abs(r1["x"] - 10.0) < 0.05)  # party-wall points are inside the neighbour
    assert len(r1["x"]) == 2 * 30  # three outer walls of each, 10 points per wall
    south = sample_facades([a, b], 0.0, [9.0, 12.0], spacing=1.0, south_only=True, exclude=[box(0, -5, 5, 0.5)])
    assert np.all(south["ny"] < 0) and len(south["x"]) == 15


def test_facade_batches_stream_the_same_receivers_and_answers():
    fps, base, heights = small_scene()
    obs = prepare_obstructors(fps, base, heights)
    whole = sample_facades(fps, base, heights, spacing=0.7, every_floor=True, obstructors=obs)
    batches = list(iter_facade_batches(fps, base, heights, spacing=0.7, every_floor=True, obstructors=obs,
                                       batch_size=250))
    assert len(batches) > 3 and max(len(b["x"]) for b in batches) <= 250 + 20
    for k in whole:
        np.testing.assert_array_equal(np.concatenate([b[k] for b in batches]), whole[k])
    lat, (dec, window) = 31.3, DAYS["dahan"]
    ref_min, _ = count_sunlight(sunlit_intervals(whole, obs, lat, dec, window), MINUTE, window, 2.0)
    got = list(iter_window_sunlight(iter(batches), obs, lat, dec, window, MINUTE, 2.0, chunk_size=100,
                                    total=len(whole["x"]), intervals=False))
    np.testing.assert_array_equal(np.concatenate([c.minutes for c in got]), ref_min)
    assert got[-1].stop == len(whole["x"]) and got[0].intervals is None
    for k in ("x", "building", "floor"):
        np.testing.assert_array_equal(np.concatenate([c.receivers[k] for c in got]), whole[k])
    with pytest.raises(SunSpaceError, match="receivers"):
        next(iter_window_sunlight(iter(batches), obs, lat, dec, window, MINUTE, 2.0, receiver_limit=100))


def test_worker_processes_give_the_same_answer_as_threads():
    fps, base, heights = small_scene()
    rec = sample_facades(fps, base, heights, spacing=0.5, every_floor=True)
    obs = prepare_obstructors(fps, base, heights)
    one = sunlit_intervals(rec, obs, 31.3, -20.2, workers=1)
    procs = sunlit_intervals(rec, obs, 31.3, -20.2, workers=2, chunk_size=200, parallel="processes")
    for a in ("receiver", "start", "end"):
        np.testing.assert_array_equal(getattr(one, a), getattr(procs, a))
    chunks = list(iter_window_sunlight(rec, obs, 31.3, -20.2, (8.0, 16.0), MINUTE, 2.0, chunk_size=400, workers=2,
                                       parallel="processes"))
    minutes, _ = count_sunlight(one, MINUTE, (8.0, 16.0), 2.0)
    np.testing.assert_array_equal(np.concatenate([c.minutes for c in chunks]), minutes)
    with pytest.raises(SunSpaceError, match="parallel"):
        sunlit_intervals(rec, obs, 31.3, -20.2, workers=2, chunk_size=200, parallel="gpu")


def test_a_receiver_without_a_facade_normal_sees_the_whole_sky_whatever_the_encoding():
    fps, base, heights = small_scene()
    obs = prepare_obstructors(fps, base, heights)
    pts = {"x": np.array([15.0, 35.0]), "y": np.array([20.0, 20.0]), "z": np.array([0.5, 0.5])}
    missing = sunlit_intervals(pts, obs, 34.0, -20.2)
    nan = sunlit_intervals(dict(pts, nx=np.full(2, np.nan), ny=np.full(2, np.nan)), obs, 34.0, -20.2)
    zero = sunlit_intervals(dict(pts, nx=np.zeros(2), ny=np.zeros(2)), obs, 34.0, -20.2)
    for r in (nan, zero):
        for a in ("receiver", "start", "end"):
            np.testing.assert_array_equal(getattr(r, a), getattr(missing, a))
    assert count_sunlight(missing, MINUTE, (8.0, 16.0), 2.0)[0].min() < 480  # the buildings do shade them


def test_footprints_that_cross_themselves_are_refused_not_computed():
    """A bow-tie ring has no inside: its walls have no outward side, so the engine refuses it (naming
    the footprint and the problem) instead of giving figures without a sign of being wrong."""
    from sunspace.core.tiles import window_sunlight_tiled

    fps, base, heights = small_scene()
    bow = shapely.Polygon([(100, 0), (120, 20), (120, 0), (100, 20)])
    with pytest.raises(SunSpaceError, match=r"Footprint\(s\) 3 are not valid polygons \(Self-intersection") as exc:
        prepare_obstructors(list(fps) + [bow], np.r_[base, 0.0], np.r_[heights, 20.0])
    assert exc.value.values["ids"] == "3" and "{ids}" in exc.value.template
    with pytest.raises(SunSpaceError, match=r"Footprint\(s\) 1 are not valid"):
        window_sunlight_tiled([fps[0], bow, None], 0.0, [20.0, 20.0, 20.0], "EPSG:4547", -20.2, (8.0, 16.0),
                              CountingRules(), 2.0, workers=1)
    prepare_obstructors(list(fps) + [None], np.r_[base, 0.0], np.r_[heights, 20.0])  # missing: skipped, as before
