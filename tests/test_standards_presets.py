"""GB 50180-2018 table 4.0.9 presets and the counting rules (DOMAIN.md section 1)."""
import numpy as np
import pytest

from sunspace.core.standards import CountingRules, SunlightStandard, counting_rules, gb50180_standard
from sunspace.core.sunlight import SunlitResult, count_sunlight


@pytest.mark.parametrize("zone, large, day, hours, window", [
    ("II", True, "dahan", 2, (8, 16)), ("I", False, "dahan", 3, (8, 16)), ("7", True, "dahan", 2, (8, 16)),
    ("IV", True, "dahan", 3, (8, 16)), ("IV", False, "dongzhi", 1, (9, 15)), ("V", True, "dongzhi", 1, (9, 15)),
    ("VI", False, "dongzhi", 1, (9, 15)),
])
def test_table_409(zone, large, day, hours, window):
    s = gb50180_standard(zone, large)
    assert (s.day, s.hours, s.window) == (day, hours, window)


def test_special_rules_and_errors():
    assert (gb50180_standard("II", special="elderly").day, gb50180_standard("II", special="elderly").hours) == ("dongzhi", 2)
    assert (gb50180_standard("V", special="renewal").day, gb50180_standard("V", special="renewal").hours) == ("dahan", 1)
    for bad in (lambda: gb50180_standard("IX"), lambda: gb50180_standard("II", special="x"),
                lambda: SunlightStandard("spring", 2, (8, 16)), lambda: SunlightStandard("dahan", 9, (8, 16)),
                lambda: CountingRules(step_minutes=0), lambda: CountingRules(sweep_angle=95),
                lambda: counting_rules("paris")):
        with pytest.raises(ValueError):
            bad()


def result(segments):
    """A SunlitResult for one receiver from (start, end) hours."""
    s = np.array([a for a, _ in segments], float)
    e = np.array([b for _, b in segments], float)
    return SunlitResult(1, np.zeros(len(s), int), s, e)


# one receiver: sunlit 8:00-8:04 (4 min), 10:00-10:40 (40 min), 12:00-13:10 (70 min), 15:00-15:20 (20 min)
SEGS = [(8.0, 8 + 4 / 60), (10.0, 10 + 40 / 60), (12.0, 13 + 10 / 60), (15.0, 15 + 20 / 60)]


def test_presets_count_by_hand():
    win = (8.0, 16.0)
    r = result(SEGS)
    assert count_sunlight(r, counting_rules("national"), win, 2)[0][0] == pytest.approx(134)
    assert count_sunlight(r, counting_rules("beijing", "dahan"), win, 2)[0][0] == pytest.approx(130)  # 4-min piece dropped
    assert count_sunlight(r, counting_rules("beijing", "dongzhi"), win, 1)[0][0] == pytest.approx(110)  # < 30 min dropped
    assert count_sunlight(r, counting_rules("hangzhou"), win, 2)[0][0] == pytest.approx(110)  # 70 + 40, 5-min steps
    got, ok = count_sunlight(r, counting_rules("shanghai"), win, 1)
    assert got[0] == pytest.approx(70) and ok[0]
    got, ok = count_sunlight(r, counting_rules("national"), win, 2.5)
    assert not ok[0]
    assert counting_rules("beijing").sweep_angle == 12 and counting_rules("qingdao").min_altitude == 15


def test_step_counting_uses_step_middles():
    win = (8.0, 16.0)
    # 10:00:20-10:02:40: middles 10:00:30, 10:01:30, 10:02:30 are inside -> 3 minutes; exact 2.33
    r = result([(10 + 20 / 3600, 10 + 160 / 3600)])
    assert count_sunlight(r, CountingRules(), win, 1)[0][0] == 3
    assert count_sunlight(r, CountingRules(step_minutes=None), win, 1)[0][0] == pytest.approx(140 / 60)
    # two pieces separated by a gap holding no step middle count as one run
    r2 = result([(10.0, 10 + 0.4 / 60), (10 + 0.45 / 60, 10 + 3 / 60)])
    mins = count_sunlight(r2, CountingRules(min_segment_minutes=3), win, 1)[0][0]
    assert mins == 3
