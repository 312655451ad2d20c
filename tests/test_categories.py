import numpy as np
import pytest
from shapely.geometry import box

from sunspace.core.categories import building_forms, category_codes, footprint_aspect, parcel_forms


@pytest.mark.parametrize(
    "n, code",
    [(1, "low"), (3, "low"), (3.01, "mid1"), (6, "mid1"), (6.0000000001, "mid1"), (6.5, "mid2"), (9, "mid2"),
     (10, "high1"), (18, "high1"), (19, "high2"), (26, "high2"), (27, "high3"), (40, "high3")],
)
def test_category_bounds(n, code):
    assert category_codes([n])[0] == code


def test_category_nan_is_none_and_negative_rejected():
    assert category_codes([np.nan])[0] == "none"
    with pytest.raises(ValueError):
        category_codes([-1.0])


def test_aspect_and_forms_rotation_invariant():
    from shapely import affinity

    slab, tower = box(0, 0, 60, 12), box(0, 0, 25, 22)
    for angle in (0, 17, 45, 90):
        geoms = np.array([affinity.rotate(slab, angle), affinity.rotate(tower, angle)], dtype=object)
        np.testing.assert_allclose(footprint_aspect(geoms), [5.0, 25 / 22], rtol=1e-9)
        assert list(building_forms(geoms)) == ["slab", "tower"]


def test_parcel_forms():
    assert list(parcel_forms([100, 0, 50, 0, 80], [0, 100, 50, 0, 20])) == ["slab", "tower", "mixed", "none", "slab"]
