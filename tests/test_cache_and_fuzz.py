"""The DB_max cache is never trusted blindly; core entry points under random input (issue 8)."""
import json
import os

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sunspace.core import capacity
from sunspace.core.capacity import Layout, density_curve
from sunspace.core.errors import Cancelled, SunSpaceError
from sunspace.core.geodesy import LocalFrame, check_coordinates
from sunspace.core.indicators import parcel_indicators
from sunspace.core.standards import counting_rules

LAT, DEC, WIN = 34.3, -20.2, (8.0, 16.0)
RULES = counting_rules("national", "dahan")
FLOORS = (6,)


def curve(tmp, warn=None):
    capacity._MEMO.clear()
    return density_curve(LAT, DEC, WIN, RULES, 2.0, Layout(), floors=FLOORS, cache_dir=str(tmp), warn=warn)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ref")
    c = curve(tmp)
    (path,) = [p for p in tmp.iterdir() if p.name.startswith("dbmax-")]
    return c, path.name, json.loads(path.read_text())


@pytest.mark.parametrize("spoil", ["poisoned", "wrong key", "truncated", "empty", "wrong shape"])
def test_a_bad_cache_file_is_recomputed_with_a_warning(reference, tmp_path, spoil):
    good, name, data = reference
    path = tmp_path / name
    bad = dict(data)
    if spoil == "poisoned":
        bad["slab"] = [5.0]  # a density above 1 would flip verdicts
        text = json.dumps(bad)
    elif spoil == "wrong key":
        bad["key"] = dict(data["key"], lat=0.0)
        text = json.dumps(bad)
    elif spoil == "truncated":
        text = json.dumps(data)[:40]
    elif spoil == "empty":
        text = ""
    else:
        bad["slab"] = data["slab"] * 2
        text = json.dumps(bad)
    path.write_text(text)
    warnings = []
    got = curve(tmp_path, warnings.append)
    np.testing.assert_allclose(got.slab, good.slab)
    np.testing.assert_allclose(got.tower, good.tower)
    assert len(warnings) == 1 and str(path) in warnings[0] and "computed again" in warnings[0]
    assert json.loads(path.read_text()) == data  # rewritten whole (atomically)


def test_unwritable_cache_folder_keeps_the_result(reference, tmp_path):
    good, _, _ = reference
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    warnings = []
    capacity._MEMO.clear()
    got = density_curve(LAT, DEC, WIN, RULES, 2.0, Layout(), floors=FLOORS, cache_dir=str(blocker / "cache"),
                        warn=warnings.append)
    np.testing.assert_allclose(got.slab, good.slab)
    assert any("could not be cached" in w for w in warnings)


def test_lock_held_by_another_run_waits_and_honours_cancel(tmp_path):
    lock = tmp_path / "x.lock"
    lock.write_text("123")
    with pytest.raises(Cancelled):
        capacity._acquire_lock(str(lock), lambda: True)
    os.utime(lock, (0, 0))  # a stale lock is taken over
    assert capacity._acquire_lock(str(lock), None) == str(lock)
    capacity._release_lock(str(lock))
    assert not lock.exists()


# -- fuzzing ---------------------------------------------------------------------------------
boxes = st.tuples(st.floats(-200, 200), st.floats(-200, 200), st.floats(0.5, 80), st.floats(0.5, 80))


def _poly(b, skew):
    x, y, w, h = b
    return shapely.Polygon([(x, y), (x + w, y + skew), (x + w, y + h), (x + skew, y + h)])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(boxes, min_size=1, max_size=5), st.lists(boxes, min_size=0, max_size=8),
       st.lists(st.floats(-5, 60), min_size=8, max_size=8), st.floats(-3, 3))
def test_parcel_indicators_never_nan_where_defined(pboxes, bboxes, floors, skew):
    parcels = np.array([shapely.make_valid(_poly(b, skew)) for b in pboxes], dtype=object)
    blds = np.array([shapely.make_valid(_poly(b, -skew)) for b in bboxes], dtype=object)
    fl = np.array(floors[: len(bboxes)])
    try:
        out = parcel_indicators(parcels, blds, fl, np.ones(len(bboxes), bool))
    except ValueError as exc:
        assert str(exc)  # a message, never another exception
        assert np.any(~(fl >= 0.5))  # fewer than half a floor is refused
        return
    real = out["area_m2"] > 1e-9  # a parcel without area has no density (NaN, written as NULL)
    for key in ("area_m2", "fp_m2", "density", "gfa_m2", "far", "open_m2"):
        assert np.all(np.isfinite(out[key][real])), key
    assert np.all((out["density"][real] >= 0) & (out["density"][real] <= 1 + 1e-9))
    assert np.all(out["open_m2"][real] >= -1e-6)
    has_floor_area = real & (out["gfa_m2"] > 0)
    assert np.all(np.isfinite(out["osr"][has_floor_area]))


CRSS = ["EPSG:4326", "EPSG:4545", "EPSG:3857", "EPSG:32650", "EPSG:2385", "EPSG:4490", "EPSG:27700"]


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(CRSS), st.floats(-2e7, 2e7), st.floats(-2e7, 2e7), st.floats(1, 5000))
def test_coordinates_check_only_ever_refuses_with_a_message(crs, x, y, size):
    geom = shapely.box(x, y, x + size, y + size)
    try:
        lon0, lat0, lon1, lat1 = check_coordinates([geom], crs, "'fuzz' (parcels)")
    except SunSpaceError as exc:
        assert "'fuzz' (parcels)" in str(exc)
        return
    assert all(np.isfinite([lon0, lat0, lon1, lat1])) and -90 <= lat0 <= lat1 <= 90
    frame = LocalFrame.around([geom], crs)
    local = frame.to_local([geom], crs)[0]
    assert np.isfinite(local.area)


def test_a_vanishing_floor_count_is_refused_not_an_infinite_osr():
    """Found by fuzzing: 2e-313 floors gave a parcel an infinite open-space ratio (a 'meets base' verdict)."""
    with pytest.raises(ValueError, match="at least 0.5 floors"):
        parcel_indicators([shapely.box(0, 0, 10, 10)], [shapely.box(0, 0, 5, 5)], [2.2250738585e-313], [True])


def test_duplicated_buildings_cover_the_ground_once():
    parcel = shapely.box(0, 0, 100, 100)
    b = shapely.box(10, 10, 50, 22)
    out = parcel_indicators([parcel], [b, b], [6.0, 6.0], [True, True])
    assert out["fp_m2"][0] == pytest.approx(480.0)  # one footprint
    assert out["gfa_m2"][0] == pytest.approx(2 * 480.0 * 6)  # each building's floors still count
    assert out["density"][0] == pytest.approx(0.048)
