"""The sunlight engine under random scenes (issue 8): only SunSpaceError ever escapes, never NaN or out-of-range minutes."""
import numpy as np
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sunspace.core.errors import SunSpaceError
from sunspace.core.ground import ground_sunlight
from sunspace.core.standards import counting_rules
from sunspace.core.sunlight import count_sunlight, prepare_obstructors, sample_facades, sunlit_intervals

shapes = st.tuples(st.floats(-80, 80), st.floats(-80, 80), st.floats(0.3, 60), st.floats(0.3, 60), st.floats(0, 180),
                   st.floats(0.5, 120))
scenes = st.lists(shapes, min_size=1, max_size=6)
lats = st.floats(-40, 70)
days = st.sampled_from([("dahan", -20.2, (8.0, 16.0)), ("dongzhi", -23.44, (9.0, 15.0))])
presets = st.sampled_from(["national", "beijing", "hangzhou", "shanghai", "qingdao"])


def build(scene):
    fps, heights = [], []
    for x, y, w, h, angle, height in scene:
        fps.append(shapely.affinity.rotate(shapely.box(x, y, x + w, y + h), angle, origin="centroid"))
        heights.append(height)
    return np.array(fps, dtype=object), np.array(heights)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenes, lats, days, presets, st.booleans())
def test_window_sunlight_fuzz(scene, lat, day, preset, every_floor):
    fps, heights = build(scene)
    name, dec, window = day
    rules = counting_rules(preset, name)
    try:
        obs = prepare_obstructors(fps, 0.0, heights)
        rec = sample_facades(fps, 0.0, heights, spacing=3.0, every_floor=every_floor)
        res = sunlit_intervals(rec, obs, lat, dec, window, rules.sweep_angle, rules.min_altitude)
    except SunSpaceError as exc:
        assert str(exc)  # a refusal with a message (e.g. south of the equator)
        assert lat < 0 or lat > 60, (lat, str(exc))
        return
    minutes, passed = count_sunlight(res, rules, window, 2.0)
    span = (window[1] - window[0]) * 60.0
    assert np.all(np.isfinite(minutes)) and np.all(minutes >= 0) and np.all(minutes <= span + 1e-6)
    assert np.all(np.isfinite(res.start)) and np.all(res.end > res.start)
    assert np.all(res.end - res.start >= 1.0 / 3600 - 1e-12)  # no sub-second slivers


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenes, st.floats(0, 60), days)
def test_ground_sunlight_fuzz(scene, lat, day):
    fps, heights = build(scene)
    name, dec, window = day
    rules = counting_rules("national", name)
    area = shapely.box(-100, -100, 100, 100)
    try:
        obs = prepare_obstructors(fps, 0.0, heights)
        grid = ground_sunlight(obs, area, 5.0, 0.0, lat, dec, window, rules, 2.0)
    except SunSpaceError as exc:
        assert str(exc)
        return
    vals = grid.values[np.isfinite(grid.values)]
    assert vals.size and np.all(vals >= 0) and np.all(vals <= (window[1] - window[0]) * 60.0 + 1e-6)
