"""City scale (issue 13): tiles with a halo, per-tile latitude, dask LocalCluster, command line."""
import csv
import json
import os
import sqlite3
import subprocess
import sys

import numpy as np
import pytest
import shapely
from shapely import affinity
from shapely.geometry import box

from sunspace.core.errors import Cancelled, SunSpaceError
from sunspace.core.geodesy import LocalFrame
from sunspace.core.standards import CountingRules
from sunspace.core.sunlight import count_sunlight, prepare_obstructors, sample_facades, sunlit_intervals
from sunspace.core.tiles import lowest_sun_cot, plan_tiles, window_sunlight_tiled
from worker_helpers import worker_children

RULES = CountingRules()
DEC, WINDOW = -20.2, (8.0, 16.0)


def town(lon0, lat0, seed=0, rows=6, cols=8):
    """Slabs and towers on a 60 m x 45 m lattice, in EPSG:4326 around (lon0, lat0), and their heights."""
    rng = np.random.default_rng(seed)
    frame = LocalFrame(lon0, lat0)
    geoms, heights = [], []
    for i in range(rows):
        for j in range(cols):
            w, d = rng.uniform(12, 45), rng.uniform(10, 16)
            g = affinity.rotate(box(-w / 2, -d / 2, w / 2, d / 2), rng.uniform(-25, 25))
            geoms.append(affinity.translate(g, j * 60.0 + rng.uniform(-5, 5), i * 45.0 + rng.uniform(-4, 4)))
            heights.append(rng.uniform(9, 60))
    lonlat = frame.from_local(np.array(geoms, dtype=object), "EPSG:4326")
    return lonlat, np.array(heights)


def single_run(geoms, heights, crs="EPSG:4326", latitude=None):
    frame = LocalFrame.around(geoms, crs)
    local = frame.to_local(geoms, crs)
    obs = prepare_obstructors(local, 0.0, heights)
    rec = sample_facades(local, 0.0, heights, spacing=3.0, obstructors=obs)
    res = sunlit_intervals(rec, obs, frame.lat0 if latitude is None else latitude, DEC, WINDOW)
    minutes, passed = count_sunlight(res, RULES, WINDOW, 2.0)
    return rec, minutes, passed


def test_tiles_reproduce_the_single_run_exactly_with_one_latitude():
    geoms, heights = town(120.6, 31.3)
    rec, minutes, passed = single_run(geoms, heights)
    out = window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, spacing=3.0,
                                tile_size_m=150.0, per_tile_latitude=False, workers=1)
    assert len(out["tiles"]) >= 6
    assert all(t["halo_buildings"] > 0 and not t["halo_capped"] for t in out["tiles"])
    np.testing.assert_array_equal(out["building"], rec["building"])
    np.testing.assert_array_equal(out["floor"], rec["floor"])
    np.testing.assert_array_equal(out["minutes"], minutes)
    np.testing.assert_array_equal(out["passed"], passed)
    # a halo too small would change answers: cutting every tile to its own buildings does
    tiles = plan_tiles(shapely.bounds(geoms), heights, 0.0, DEC, WINDOW, tile_size_m=150.0)
    assert all(t["halo"].size > t["members"].size for t in tiles)


def test_each_tile_gets_the_sun_of_its_own_latitude():
    north, h1 = town(113.0, 34.0, seed=1, rows=3, cols=4)
    south, h2 = town(113.0, 18.0, seed=1, rows=3, cols=4)
    geoms, heights = np.concatenate([north, south]), np.r_[h1, h2]
    out = window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, spacing=3.0,
                                tile_size_m=3000.0, workers=1)
    lats = sorted(round(t["latitude"]) for t in out["tiles"])
    assert lats == [18, 34]
    south_rows = out["building"] >= len(north)
    _, own, _ = single_run(south, h2)
    _, at_34, _ = single_run(south, h2, latitude=34.0)
    got = out["minutes"][south_rows]
    assert np.mean(np.abs(got - own)) < 0.5
    assert np.mean(np.abs(got - at_34)) > 5.0  # one latitude for the whole layer would be wrong


def test_halo_is_the_longest_shadow_and_is_capped_at_the_horizon():
    cot = lowest_sun_cot(31.3, DEC, WINDOW)
    assert 3.0 < cot < 6.0  # about 13 deg at 8:00 on 大寒日 in Suzhou
    assert lowest_sun_cot(60.0, -23.44, (9.0, 15.0)) == np.inf  # sunrise inside the window
    b = np.array([[120.0, 60.0, 120.001, 60.0005], [120.5, 60.0, 120.501, 60.0005]])
    tiles = plan_tiles(b, np.array([30.0, 30.0]), 0.0, -23.44, (9.0, 15.0), tile_size_m=1000.0, max_halo_m=800.0)
    assert len(tiles) == 2 and all(t["halo_capped"] and t["halo_m"] == 800.0 for t in tiles)


def test_refusals_and_cancel():
    geoms, heights = town(120.6, 31.3, rows=2, cols=2)
    with pytest.raises(SunSpaceError, match="south of the equator"):
        window_sunlight_tiled(town(150.0, -33.9, rows=1, cols=2)[0], 0.0, [20.0, 20.0], "EPSG:4326", DEC, WINDOW,
                              RULES, 2.0)
    with pytest.raises(SunSpaceError, match="receivers"):
        window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, receiver_limit=10)
    with pytest.raises(Cancelled):
        window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, is_canceled=lambda: True)


def test_dask_local_cluster_gives_the_same_answers():
    pytest.importorskip("dask.distributed")
    geoms, heights = town(120.6, 31.3, seed=3, rows=4, cols=5)
    kw = dict(spacing=3.0, tile_size_m=120.0, workers=2)
    here = window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, **kw)
    there = window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, scheduler="local", **kw)
    assert len(here["tiles"]) >= 3
    for k in ("building", "floor", "lon", "lat", "minutes", "passed"):
        np.testing.assert_array_equal(here[k], there[k])


def _write_gpkg(path, geoms, heights):
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT,
            organization_coordsys_id INTEGER, definition TEXT, description TEXT);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT,
            srs_id INTEGER, z TINYINT, m TINYINT);
        CREATE TABLE bldg (fid INTEGER PRIMARY KEY, geom BLOB, h REAL);
    """)
    con.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, '', '')")
    con.execute("INSERT INTO gpkg_geometry_columns VALUES ('bldg', 'geom', 'POLYGON', 4326, 0, 0)")
    for g, h in zip(geoms, heights):
        x0, y0, x1, y1 = g.bounds
        header = b"GP\x00\x03" + (4326).to_bytes(4, "little") + np.array([x0, x1, y0, y1], "<f8").tobytes()
        con.execute("INSERT INTO bldg (geom, h) VALUES (?, ?)", (header + shapely.to_wkb(g), float(h)))
    con.commit()
    con.close()


def test_command_line_reads_geojson_and_geopackage(tmp_path, plugin_path):
    geoms, heights = town(120.6, 31.3, rows=2, cols=3)
    gj = tmp_path / "b.geojson"
    gj.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": json.loads(shapely.to_geojson(g)), "properties": {"height": float(h)}}
        for g, h in zip(geoms, heights)]}))
    gp = tmp_path / "b.gpkg"
    _write_gpkg(str(gp), geoms, heights)
    env = dict(os.environ, PYTHONPATH=plugin_path)
    rows = {}
    for src, extra in ((gj, []), (gp, ["--layer", "bldg", "--height-field", "h"])):
        out = tmp_path / (src.suffix[1:] + ".csv")
        subprocess.run([sys.executable, "-m", "sunspace.core.cluster", str(src), "--spacing", "3", "--out", str(out)]
                       + extra, check=True, env=env, capture_output=True)
        with open(out) as fh:
            rows[src.suffix] = list(csv.DictReader(fh))
    assert len(rows[".geojson"]) > 50 and rows[".geojson"] == rows[".gpkg"]
    direct = window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", -20.149, WINDOW, RULES, 2.0, spacing=3.0,
                                   workers=1)
    assert [float(r["minutes"]) for r in rows[".gpkg"]] == pytest.approx(list(direct["minutes"]), abs=1.0)


def test_halo_reaches_towards_the_sun_only():
    from sunspace.core.solar import sun_vectors
    from sunspace.core.tiles import sun_reach

    east, west, north, south = sun_reach(31.3, DEC, WINDOW)
    # independent: the sun's east-north-up vector (solar.sun_vectors) every 6 s over the counted hours
    s = sun_vectors(31.3, DEC, 15.0 * (np.linspace(WINDOW[0], WINDOW[1], 4801) - 12.0))
    dense = [np.max(s[:, 0] / s[:, 2]), np.max(-s[:, 0] / s[:, 2]), 0.0, np.max(-s[:, 1] / s[:, 2])]
    assert north == 0.0  # the winter sun stays south: nothing north of a window shades it
    for got, ref in zip((east, west, south), (dense[0], dense[1], dense[3])):
        assert ref <= got <= ref * 1.02
    assert south > 2.0 and abs(east - west) < 1e-6 * east  # symmetric morning and afternoon
    # a tile's halo: a tall tower to the south within its reach is in, the same tower as far north
    # is out, and a low building as far south is out (its own height cannot reach the tile)
    frame = LocalFrame(120.6, 31.3)
    d = 0.8 * 80.0 * south
    local = np.array([box(0, 0, 20, 10), box(-15, -d - 30, 15, -d), box(-15, d + 10, 15, d + 40),
                      box(-15, -d - 30, 15, -d - 20)], dtype=object)
    local[3] = box(40, -d - 30, 70, -d)
    geoms = frame.from_local(local, "EPSG:4326")
    top = np.array([10.0, 80.0, 80.0, 6.0])
    tiles = plan_tiles(shapely.bounds(geoms), top, 0.0, DEC, WINDOW, tile_size_m=100.0,
                       members=np.array([True, False, False, False]))
    assert len(tiles) == 1 and list(tiles[0]["halo"]) == [0, 1]


def test_worker_processes_reproduce_the_single_run_exactly():
    geoms, heights = town(120.6, 31.3, seed=5, rows=5, cols=6)
    rec, minutes, passed = single_run(geoms, heights)
    kw = dict(spacing=3.0, tile_size_m=100.0, per_tile_latitude=False)
    out = window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, scheduler="processes",
                                workers=3, intervals=True, **kw)
    assert len(out["tiles"]) >= 6
    np.testing.assert_array_equal(out["building"], rec["building"])
    np.testing.assert_array_equal(out["minutes"], minutes)
    np.testing.assert_array_equal(out["passed"], passed)
    serial = window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, workers=1,
                                   intervals=True, **kw)
    assert out["intervals"] == serial["intervals"]
    np.testing.assert_array_equal(out["lon"], serial["lon"])
    # footprints already in the frame are used as they are, and receivers come back in it
    frame = LocalFrame.around(geoms, "EPSG:4326")
    local = frame.to_local(geoms, "EPSG:4326")
    same = window_sunlight_tiled(local, 0.0, heights, frame.crs, DEC, WINDOW, RULES, 2.0, scheduler="processes",
                                 workers=2, frame=(frame.lon0, frame.lat0), coordinates="input", **kw)
    np.testing.assert_array_equal(same["x"], rec["x"])
    np.testing.assert_array_equal(same["y"], rec["y"])
    np.testing.assert_array_equal(same["minutes"], minutes)
    from sunspace.core.tiles import iter_window_tiles

    pids = {t["pid"] for t, _ in iter_window_tiles(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0,
                                                   scheduler="processes", workers=2, **kw)}
    assert os.getpid() in pids and len(pids) == 2  # this process and one worker both computed tiles
    assert not worker_children()  # the worker processes are gone


def test_worker_processes_cancel_fail_over_and_report_errors(monkeypatch):
    from sunspace.core.tiles import iter_window_tiles
    from sunspace.core.worker import Worker

    geoms, heights = town(120.6, 31.3, seed=6, rows=4, cols=5)
    kw = dict(spacing=3.0, tile_size_m=100.0, per_tile_latitude=False)
    ref = window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, workers=1, **kw)
    # cancel after the first finished tile: Cancelled, and no worker process left behind
    seen = []
    with pytest.raises(Cancelled):
        window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, scheduler="processes",
                              workers=2, progress=seen.append, is_canceled=lambda: bool(seen), **kw)
    assert len(seen) == 1 and not worker_children()
    # a worker that cannot start: its tiles are computed here, the caller is told, answers unchanged
    monkeypatch.setenv("SUNSPACE_PYTHON", "/nonexistent/python3")
    told = []
    got = window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, scheduler="processes",
                                workers=2, **kw)
    np.testing.assert_array_equal(got["minutes"], ref["minutes"])
    parts = list(iter_window_tiles(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, scheduler="processes",
                                   workers=2, warn=told.append, **kw))
    assert sum(len(r["minutes"]) for _, r in parts) == len(ref["minutes"])
    assert {t["pid"] for t, _ in parts} == {os.getpid()}
    assert len(told) == 1 and isinstance(told[0], SunSpaceError) and "worker process" in str(told[0])
    monkeypatch.delenv("SUNSPACE_PYTHON")
    # an error in the data inside a worker comes back as the same translatable error
    w = Worker()
    try:
        with pytest.raises(SunSpaceError, match="south of the equator") as info:
            w.call("core.sunlight", "check_latitude", -30.0)
        assert "{" in info.value.template
        assert w.call("core.tiles", "lowest_sun_cot", 31.3, DEC, WINDOW) == lowest_sun_cot(31.3, DEC, WINDOW)
    finally:
        w.close()


def test_tiles_are_put_in_building_order_whatever_order_a_tile_returns(monkeypatch):
    import sunspace.core.tiles as tiles_mod

    geoms, heights = town(120.6, 31.3, seed=7, rows=3, cols=4)
    kw = dict(spacing=3.0, tile_size_m=100.0, per_tile_latitude=False, workers=1, intervals=True)
    ref = window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, **kw)
    plain = tiles_mod._run_tile

    def buildings_reversed(task, is_canceled):
        out = plain(task, is_canceled)
        order = np.argsort(-out["building"], kind="stable")  # last building first, each one's receivers in order
        return {k: (np.asarray(v)[order] if k != "intervals" else [v[i] for i in order]) if k != "pid" else v
                for k, v in out.items()}

    monkeypatch.setattr(tiles_mod, "_run_tile", buildings_reversed)
    got = window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, **kw)
    for k in ("building", "floor", "lon", "lat", "minutes", "passed", "intervals"):
        np.testing.assert_array_equal(np.asarray(got[k]), np.asarray(ref[k]))


def test_tiles_far_from_the_layers_meridian_reproduce_the_single_run():
    """Two towns 5 deg of longitude apart, in one frame: the frame's grid north is turned 1.3 deg from true
    north at each town (meridian convergence), and the halo is widened to match."""
    west, h1 = town(120.0, 31.3, seed=8, rows=3, cols=4)
    east, h2 = town(125.0, 31.3, seed=8, rows=3, cols=4)
    geoms, heights = np.concatenate([west, east]), np.r_[h1, h2]
    rec, minutes, passed = single_run(geoms, heights)
    out = window_sunlight_tiled(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, spacing=3.0,
                                tile_size_m=100.0, per_tile_latitude=False, workers=1)
    np.testing.assert_array_equal(out["building"], rec["building"])
    np.testing.assert_array_equal(out["minutes"], minutes)
    np.testing.assert_array_equal(out["passed"], passed)


def test_tiles_with_planned_buildings_give_before_and_after_as_single_runs():
    geoms, heights = town(120.6, 31.3, seed=9, rows=4, cols=5)
    frame = LocalFrame.around(geoms, "EPSG:4326")
    tower = frame.from_local(np.array([box(60.0, 15.0, 240.0, 30.0)], dtype=object), "EPSG:4326")
    every = np.concatenate([geoms, tower])
    h_all = np.r_[heights, 80.0]
    planned = np.r_[np.zeros(len(geoms), bool), True]
    local = frame.to_local(every, "EPSG:4326")
    rec = sample_facades(local[:-1], 0.0, heights, spacing=3.0, exclude=None)
    before = count_sunlight(sunlit_intervals(rec, prepare_obstructors(local[:-1], 0.0, heights), frame.lat0, DEC,
                                             WINDOW), RULES, WINDOW, 2.0)
    after = count_sunlight(sunlit_intervals(rec, prepare_obstructors(local, 0.0, h_all), frame.lat0, DEC, WINDOW),
                           RULES, WINDOW, 2.0)
    assert (after[0] < before[0]).sum() > 20  # the tower takes sun from its neighbours
    for scheduler in (None, "processes"):
        out = window_sunlight_tiled(every, 0.0, h_all, "EPSG:4326", DEC, WINDOW, RULES, 2.0, spacing=3.0,
                                    tile_size_m=100.0, per_tile_latitude=False, planned=planned, workers=2,
                                    scheduler=scheduler, frame=(frame.lon0, frame.lat0))  # the town's frame
        assert len(out["tiles"]) >= 4 and not np.any(out["building"] == len(geoms))  # no windows on the tower
        np.testing.assert_array_equal(out["building"], rec["building"])
        np.testing.assert_array_equal(out["minutes_before"], before[0])
        np.testing.assert_array_equal(out["passed_before"], before[1])
        np.testing.assert_array_equal(out["minutes"], after[0])
        np.testing.assert_array_equal(out["passed"], after[1])


def test_worker_processes_wait_for_a_slow_caller():
    """A caller that writes each tile out slowly: the worker does not run ahead of it by more than a
    couple of finished tiles, so memory holds a few tiles' results whatever the layer's size."""
    import time

    from sunspace.core.tiles import iter_window_tiles

    geoms, heights = town(120.6, 31.3, seed=10, rows=6, cols=8)
    seen = []
    for tile, _ in iter_window_tiles(geoms, 0.0, heights, "EPSG:4326", DEC, WINDOW, RULES, 2.0, spacing=3.0,
                                     tile_size_m=80.0, per_tile_latitude=False, scheduler="processes", workers=2):
        seen.append((tile["pid"], tile["backlog"]))
        time.sleep(0.2)
    assert len(seen) >= 10 and sum(p != os.getpid() for p, _ in seen) >= 5  # the worker did most
    assert max(b for _, b in seen) <= 1, seen  # at most 2 finished tiles waiting, this one included


def test_lonlat_bounds_from_corners_hold_each_footprint():
    """Bounds of 4 transformed corners hold the bounds of every transformed vertex (within 0.1 mm), in a
    Gauss-Krueger zone 1.4 deg from its central meridian (grid north turned 0.7 deg from true north)."""
    from pyproj import Transformer

    from sunspace.core.tiles import lonlat_bounds

    geoms, _ = town(121.4, 31.3, seed=3, rows=4, cols=5)
    gk = shapely.transform(geoms, lambda c: np.column_stack(
        Transformer.from_crs("EPSG:4326", "EPSG:4547", always_xy=True).transform(c[:, 0], c[:, 1])))
    got = lonlat_bounds(gk, "EPSG:4547")
    exact = shapely.bounds(geoms)
    tol = 1e-9  # degrees, ~0.1 mm
    assert np.all(got[:, :2] <= exact[:, :2] + tol) and np.all(got[:, 2:] >= exact[:, 2:] - tol)
    assert np.all(np.abs(got - exact) < 1e-4)  # a few metres at most: only the rotation of the box
    assert np.isnan(lonlat_bounds(np.array([None, shapely.Polygon()], dtype=object), "EPSG:4547")).all()


def test_tiles_of_a_projected_layer_reproduce_the_single_run():
    """A layer in a projected CRS (CGCS2000 Gauss-Krueger, EPSG:4547): tiles planned from its bounds'
    corners give the single run's answers exactly."""
    from pyproj import Transformer

    geoms, heights = town(121.4, 31.3, seed=5, rows=4, cols=5)
    gk = shapely.transform(geoms, lambda c: np.column_stack(
        Transformer.from_crs("EPSG:4326", "EPSG:4547", always_xy=True).transform(c[:, 0], c[:, 1])))
    rec, minutes, passed = single_run(gk, heights, crs="EPSG:4547")
    out = window_sunlight_tiled(gk, 0.0, heights, "EPSG:4547", DEC, WINDOW, RULES, 2.0, spacing=3.0,
                                tile_size_m=90.0, per_tile_latitude=False, workers=1, coordinates="input")
    assert len(out["tiles"]) > 4
    np.testing.assert_array_equal(out["building"], rec["building"])
    np.testing.assert_array_equal(out["minutes"], minutes)
    np.testing.assert_array_equal(out["passed"], passed)
    np.testing.assert_allclose(out["x"], LocalFrame.around(gk, "EPSG:4547").to_input_xy(rec["x"], rec["y"], "EPSG:4547")[0])


def test_command_line_repairs_invalid_footprints_and_says_so(tmp_path, plugin_path):
    """A footprint whose ring crosses itself is repaired as in the plugin (make_valid), and stderr names it."""
    from sunspace.core.validation import repair_polygons

    geoms, heights = town(120.6, 31.3, rows=2, cols=2)
    frame = LocalFrame(120.6, 31.3)
    bow = frame.from_local(np.array([shapely.Polygon([(30, 80), (60, 110), (60, 80), (30, 110)])], dtype=object),
                           "EPSG:4326")[0]
    geoms, heights = np.r_[geoms, np.array([bow], dtype=object)], np.r_[heights, 30.0]
    gj = tmp_path / "b.geojson"
    gj.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": json.loads(shapely.to_geojson(g)), "properties": {"height": float(h)}}
        for g, h in zip(geoms, heights)]}))
    out = tmp_path / "w.csv"
    run = subprocess.run([sys.executable, "-m", "sunspace.core.cluster", str(gj), "--spacing", "3", "--out", str(out),
                          "--scheduler", "none"], env=dict(os.environ, PYTHONPATH=plugin_path), capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stderr
    assert "Layer b.geojson: invalid geometry repaired in feature(s) 4." in run.stderr
    with open(out) as fh:
        rows = list(csv.DictReader(fh))
    fixed, _ = repair_polygons(geoms, np.arange(5), "b")
    direct = window_sunlight_tiled(fixed, 0.0, heights, "EPSG:4326", -20.149, WINDOW, RULES, 2.0, spacing=3.0, workers=1)
    assert {int(r["building"]) for r in rows} >= {4}
    assert [float(r["minutes"]) for r in rows] == pytest.approx(list(direct["minutes"]), abs=1.0)
