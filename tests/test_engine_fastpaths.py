"""The engine's fast paths give the same answers as the plain ones.

- scan lines through the envelopes on a ground grid = point-in-polygon queries;
- the closed-form arc of ``alpha + beta cos w + gamma sin w >= 0`` = dense sampling;
- interval union with a per-owner table = union with integer ranks = a plain loop;
- worker threads give the same answers as one thread (their own geometry copies).
"""
import numpy as np
import pytest
import shapely

from sunspace.core.ground import ground_sunlight
from sunspace.core.standards import CountingRules
from sunspace.core.sunlight import (_arc_in, _expand, _points_inside, _union, prepare_obstructors, sample_facades,
                                    sunlit_intervals)

MINUTE = CountingRules()


def _scene(seed, n=25, extent=150.0):
    rng = np.random.default_rng(seed)
    fps, heights = [], []
    while len(fps) < n:
        cx, cy = rng.uniform(0, extent, 2)
        w, d = rng.uniform(6, 30), rng.uniform(6, 16)
        g = shapely.affinity.rotate(shapely.box(cx - w / 2, cy - d / 2, cx + w / 2, cy + d / 2), rng.uniform(-40, 40))
        if rng.random() < 0.3:  # an L-shape: not convex
            g = g.union(shapely.affinity.translate(shapely.box(cx, cy, cx + 8, cy + 20), 0, 0))
        if not any(g.intersects(f) for f in fps):
            fps.append(g)
            heights.append(rng.uniform(6, 80))
    return np.array(fps, dtype=object), np.array(heights)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("spacing", [1.0, 2.5])
def test_grid_scan_lines_equal_point_queries(seed, spacing):
    fps, h = _scene(seed)
    obs = prepare_obstructors(fps, 0.0, h)
    x0, y0 = -20.0, -30.0
    xs = x0 + (np.arange(int(200 / spacing)) + 0.5) * spacing
    ys = y0 + (np.arange(int(220 / spacing)) + 0.5) * spacing
    X, Y = np.meshgrid(xs, ys)
    rec = {"x": X.ravel(), "y": Y.ravel(), "z": np.zeros(X.size)}
    out = shapely.contains_xy(shapely.union_all(fps), rec["x"], rec["y"])
    rec = {k: v[~out] for k, v in rec.items()}
    args = (obs, 31.3, -20.2, (8.0, 16.0))
    plain = sunlit_intervals(rec, *args, chunk_size=3000, workers=1)
    scan = sunlit_intervals(rec, *args, chunk_size=3000, workers=1, grid=(x0, y0, spacing))
    assert plain.n == scan.n
    assert np.array_equal(plain.receiver, scan.receiver)
    np.testing.assert_allclose(scan.start, plain.start, atol=1e-9)
    np.testing.assert_allclose(scan.end, plain.end, atol=1e-9)


def test_grid_keyword_with_points_off_the_grid_falls_back_to_point_queries():
    fps, h = _scene(3)
    obs = prepare_obstructors(fps, 0.0, h)
    rng = np.random.default_rng(3)
    rec = {"x": rng.uniform(-20, 170, 4000), "y": rng.uniform(-20, 170, 4000), "z": np.full(4000, 0.5)}
    out = shapely.contains_xy(shapely.union_all(fps), rec["x"], rec["y"])
    rec = {k: v[~out] for k, v in rec.items()}
    a = sunlit_intervals(rec, obs, 31.3, -20.2, (8.0, 16.0), workers=1)
    b = sunlit_intervals(rec, obs, 31.3, -20.2, (8.0, 16.0), workers=1, grid=(0.0, 0.0, 1.0))
    assert np.array_equal(a.receiver, b.receiver) and np.array_equal(a.start, b.start) and np.array_equal(a.end, b.end)


def test_ground_grid_is_the_same_on_one_thread_and_on_two():
    fps, h = _scene(4)
    obs = prepare_obstructors(fps, 0.0, h)
    g1 = ground_sunlight(obs, (0.0, 0.0, 150.0, 150.0), 2.0, 0.0, 31.3, -20.2, (8.0, 16.0), MINUTE, workers=1)
    g2 = ground_sunlight(obs, (0.0, 0.0, 150.0, 150.0), 2.0, 0.0, 31.3, -20.2, (8.0, 16.0), MINUTE, workers=2)
    assert np.array_equal(np.isnan(g1.values), np.isnan(g2.values))
    assert np.array_equal(g1.values[np.isfinite(g1.values)], g2.values[np.isfinite(g2.values)])


def test_arc_matches_dense_sampling():
    rng = np.random.default_rng(7)
    n = 4000
    alpha, beta, gamma = rng.normal(size=(3, n)) * rng.choice([0.0, 1.0, 3.0], size=(3, n), p=[0.1, 0.6, 0.3])
    lo = rng.uniform(-np.pi, 0.5, n)
    hi = np.minimum(lo + rng.uniform(0.1, 2 * np.pi - 0.01, n), np.pi)
    s1, e1, s2, e2 = _arc_in(alpha, beta, gamma, lo, hi)
    t = np.linspace(0.0, 1.0, 2001)
    w = np.minimum(lo[:, None] + t[None, :] * (hi - lo)[:, None], hi[:, None])
    f = alpha[:, None] + beta[:, None] * np.cos(w) + gamma[:, None] * np.sin(w)
    inside = ((w >= s1[:, None]) & (w <= e1[:, None])) | ((w >= s2[:, None]) & (w <= e2[:, None]))
    # away from the roots (where f is within rounding of 0) the two agree exactly
    clear = np.abs(f) > 1e-9
    assert np.array_equal(inside[clear], (f >= 0)[clear])
    # the two intervals never overlap (beyond rounding where they meet on the whole circle)
    both = (np.minimum(e1, e2) - np.maximum(s1, s2) > 1e-12) & (e1 > s1) & (e2 > s2)
    assert not both.any()


def _union_loop(owner, start, end):
    out = []
    for o in np.unique(owner):
        k = owner == o
        iv = sorted(zip(start[k], end[k]))
        cs, ce = iv[0]
        for s, e in iv[1:]:
            if s > ce:
                out.append((o, cs, ce))
                cs, ce = s, e
            else:
                ce = max(ce, e)
        out.append((o, cs, ce))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_union_table_and_rank_paths_equal_a_plain_loop(seed):
    rng = np.random.default_rng(seed)
    n = 3000
    # skewed: most owners have a few intervals, some have hundreds (both paths are taken)
    owner = np.where(rng.random(n) < 0.3, rng.integers(0, 3, n), rng.integers(3, 900, n))
    start = np.round(rng.uniform(-1.0, 1.0, n), 3)  # ties and touching ends happen
    end = start + np.round(rng.uniform(0.0, 0.2, n), 3)
    expect = _union_loop(owner, start, end)
    for off in (0, 10**9):  # small owners (radix order, table) and huge ones (lexsort)
        o, s, e = _union(owner + off, start, end)
        assert [(int(a) - off, b, c) for a, b, c in zip(o, s, e)] == [(int(a), b, c) for a, b, c in expect]


def test_expand_is_repeat_and_arange():
    counts = np.array([0, 3, 0, 0, 1, 2, 0])
    g, p = _expand(counts)
    assert g.tolist() == [1, 1, 1, 4, 5, 5] and p.tolist() == [0, 1, 2, 0, 0, 1]
    g, p = _expand(np.zeros(3, int))
    assert g.size == 0 and p.size == 0


def test_party_walls_are_found_the_same_on_threads():
    fps, h = _scene(5, n=40)
    pairs = np.concatenate([fps, np.array([shapely.affinity.translate(f, 0.0, 0.0) for f in fps[:5]], dtype=object)])
    rng = np.random.default_rng(5)
    x, y = rng.uniform(-10, 160, 200_000), rng.uniform(-10, 160, 200_000)
    a = _points_inside(pairs, x, y, batch_pairs=50_000, workers=1)
    b = _points_inside(pairs, x, y, batch_pairs=50_000, workers=2)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    ref = shapely.contains_xy(pairs[a[0]], x[a[1]], y[a[1]])
    assert ref.all()
    assert a[1].size == sum(int(shapely.contains_xy(p, x, y).sum()) for p in pairs)


def test_facade_receivers_are_the_same_on_one_thread_and_on_two(monkeypatch):
    fps, h = _scene(6, n=30)
    monkeypatch.setenv("SUNSPACE_WORKERS", "1")
    r1 = sample_facades(fps, 0.0, h)
    o1 = sunlit_intervals(r1, prepare_obstructors(fps, 0.0, h), 31.3, -20.2, (8.0, 16.0), chunk_size=500)
    monkeypatch.setenv("SUNSPACE_WORKERS", "2")
    r2 = sample_facades(fps, 0.0, h)
    o2 = sunlit_intervals(r2, prepare_obstructors(fps, 0.0, h), 31.3, -20.2, (8.0, 16.0), chunk_size=500)
    assert all(np.array_equal(r1[k], r2[k]) for k in r1)
    assert np.array_equal(o1.receiver, o2.receiver) and np.array_equal(o1.start, o2.start)
