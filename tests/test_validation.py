import numpy as np
import pytest
from shapely.geometry import Polygon, box

from sunspace.core.validation import check_positive, floors_from_height, id_list, repair_polygons


def test_check_positive_names_layer_field_and_features():
    with pytest.raises(ValueError) as err:
        check_positive([3, None, 0, -2, float("nan")], [10, 11, 12, 13, 14], "floors", "'buildings'")
    msg = str(err.value)
    assert "'buildings'" in msg and "'floors'" in msg and "NULL in feature(s) 11, 14" in msg
    with pytest.raises(ValueError, match=r"zero or negative in feature\(s\) 12, 13"):
        check_positive([3, 1, 0, -2], [10, 11, 12, 13], "floors", "'buildings'")
    with pytest.raises(ValueError, match="'六' is not a number \\(feature\\(s\\) 11\\)"):
        check_positive([3, "六"], [10, 11], "floors", "'buildings'")
    np.testing.assert_array_equal(check_positive([1, 2.5], [1, 2], "f", "l"), [1.0, 2.5])


def test_repair_polygons_reports_by_id():
    bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    line_like = Polygon([(0, 0), (10, 0), (20, 0)])
    geoms, warnings = repair_polygons([box(0, 0, 1, 1), bowtie, None, line_like], [1, 2, 3, 4], "'parcels'")
    assert geoms[0].equals(box(0, 0, 1, 1))
    assert geoms[1].is_valid and geoms[1].area == pytest.approx(50.0)
    assert geoms[2] is None and geoms[3] is None
    text = " ".join(t.format(**v) for t, v in warnings)
    assert "'parcels'" in text and "feature(s) 3 have no geometry" in text
    assert "repaired in feature(s) 2, 4" in text and "nothing polygonal was left of 4" in text


def test_floors_from_height_and_ids():
    np.testing.assert_array_equal(floors_from_height([1.0, 3.0, 17.9, 99.0], 3.0), [1, 1, 6, 33])
    with pytest.raises(ValueError):
        floors_from_height([3.0], 0)
    assert id_list(range(12), limit=3) == "0, 1, 2, ... (12 features)"
